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


def shown(name: object) -> str:
    """A file name or message as it can be printed: bytes the OS gave that are not
    UTF-8 (Python's surrogate escapes, as in ``caf\\udce9.txt``) become ``\\xe9``."""
    text = str(name)
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return _raw(text).decode("utf-8", "backslashreplace")


def readable(name: str) -> str:
    """A name from the OS (file name, argument) as text a writer can print: escaped
    bytes are read as UTF-8 where they are, else as Windows-1252 (``caf\\xe9`` → café)."""
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        raw = _raw(name)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252", "replace")


def _raw(text: str) -> bytes:
    """The bytes behind a str with surrogate escapes (a lone surrogate becomes ``?``)."""
    try:
        return text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        return text.encode("utf-8", "replace")


class Interrupted(BaseException):
    """A signal asked adapt to stop (SIGTERM, SIGHUP): temporary files are removed on
    the way out. A BaseException, so that no ``except Exception`` swallows it."""

    def __init__(self, signum: int) -> None:
        self.signum = signum
        super().__init__(signum)
