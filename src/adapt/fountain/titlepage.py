"""The adaptation's title page, in Fountain's keys: what a writer sends out.

``TITLE`` in capitals; ``Credit: Screenplay by`` over ``Author:``, the screenwriter's
name (``--author``; left empty for the writer to fill, as a template does); ``Source:
Based on the novel by AUTHOR`` when the source names its author (novel, novella or
story by its length); ``Draft date`` only when given: a date of its own would make
every run's output differ, so tests and examples stay reproducible (``--draft-date``,
which ``cli/jobs.py`` fills from SOURCE_DATE_EPOCH or the clock for ``today``).
"""
from __future__ import annotations

from adapt.inline import escape
from adapt.model import TitlePage

# Word counts that separate a story, a novella and a novel (the usual award rules).
NOVELLA, NOVEL = 17_500, 40_000


def kind_of(words: int) -> str:
    """"novel", "novella" or "story" for a source of ``words`` words."""
    return "novel" if words >= NOVEL else "novella" if words >= NOVELLA else "story"


def title_page(title: str, *, author: str | None = None, source_author: str | None = None,
               words: int = 0, draft_date: str | None = None) -> TitlePage:
    """The title page of an adaptation of a ``words``-word source called ``title``."""
    kind = kind_of(words)
    fields = [("Title", escape(" ".join(title.split()).upper())),
              ("Credit", "Screenplay by"),
              ("Author", escape(author or "")),
              ("Source", f"Based on the {kind} by {escape(source_author)}" if source_author
               else f"Based on the {kind}")]
    if draft_date:
        fields.append(("Draft date", escape(draft_date)))
    return TitlePage(tuple(fields))
