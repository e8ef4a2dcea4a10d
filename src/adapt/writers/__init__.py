"""Writer registry: output format name → (file suffix, writer)."""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the CLI imports the registry before it reads anything: the model comes later
    from adapt.model import Screenplay


def _fountain(doc: Screenplay) -> str | bytes:
    from adapt.fountain.writer import write_fountain
    return write_fountain(doc)


def _pdf(doc: Screenplay, paper: str = "letter", fonts: tuple[str, ...] = ()) -> str | bytes:
    from dataclasses import replace

    from adapt.writers.pdf import A4, DEFAULT, write_pdf
    return write_pdf(doc, replace(A4 if paper == "a4" else DEFAULT, fallback_fonts=fonts))


def _fdx(doc: Screenplay) -> str | bytes:
    from adapt.writers.fdx import write_fdx
    return write_fdx(doc)


def _html(doc: Screenplay) -> str | bytes:
    from adapt.writers.html import write_html
    return write_html(doc)


WRITERS: dict[str, tuple[str, Callable[..., str | bytes]]] = {
    "fountain": (".fountain", _fountain),
    "pdf": (".pdf", _pdf),
    "fdx": (".fdx", _fdx),
    "html": (".html", _html),
}


def format_for(suffix: str) -> str | None:
    """The format a file suffix asks for, or None."""
    for name, (ext, _) in WRITERS.items():
        if suffix.lower() == ext:
            return name
    return None
