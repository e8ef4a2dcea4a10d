"""What the user can override, and how a guessed speaker is noted: the adaptation's inputs."""
from __future__ import annotations

from dataclasses import dataclass

GUESSED = {"turns": "guessed from turn-taking (no tag two turns away, or a third voice)",
           "after": "guessed from the action next to the line",
           "guess": "guessed: no tag or exchange to go on"}


@dataclass(frozen=True)
class Options:
    """What the user can override (command line or cast file)."""

    narrator: str | None = None
    """Name of a first-person narrator."""
    pronoun: str | None = None
    """she / he / they for the narrator in action lines."""
    aliases: tuple[tuple[str, str], ...] = ()
    """(alias, name) pairs: each alias's lines go under that name's cue."""
    notes: bool = True
    """Add [[notes]] where a speaker or structure was guessed."""
    title: str | None = None
    """Title for the title page (else the story's first heading or the file name)."""
    author: str | None = None
    """The screenwriter's name for the title page (else left for the writer to fill)."""
    source_title: str | None = None
    """The source's own title (a Gutenberg header, EPUB/DOCX metadata): over a file-name title."""
    source_author: str | None = None
    """The source's author, for "Based on the novel by ..." on the title page."""
    draft_date: str | None = None
    """The draft date for the title page; None leaves it off (reproducible output)."""
    language: str | None = None
    """The text's language (ISO 639-1, e.g. "en", "fr") when metadata or detection gives it."""
    cues: tuple[tuple[str, str], ...] = ()
    """(cue adapt would print, cue to print instead): the cast file's ``[cues]``."""

