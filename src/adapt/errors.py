"""Errors a user can act on; the CLI prints them as one line and exits 1."""
from __future__ import annotations


class AdaptError(Exception):
    """Bad input or an impossible request: printed without a traceback."""


class AdaptParseError(AdaptError):
    """Input that a grammar could not read, with where it went wrong."""

    def __init__(self, source: str, line: int, column: int, message: str) -> None:
        self.source, self.line, self.column = source, line, column
        super().__init__(f"{source}:{line}:{column}: {message}")


def os_reason(e: OSError) -> str:
    """An OSError as the lower-case phrase that ends a one-line message."""
    return (e.strerror or str(e)).lower().replace("\n", " ")
