"""The user's cache folder for what a run can reuse from the last (compiled patterns, word tables).

``$XDG_CACHE_HOME/adapt``, else ``~/.cache/adapt``. Every read and write may fail (no home, a
read-only disk, a damaged file): then the caller builds what it needs as if nothing were kept.
"""
from __future__ import annotations

import marshal
import os
from pathlib import Path


def folder() -> Path | None:
    """Where adapt keeps its cache files, or None (no home directory to speak of)."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "adapt" if os.path.isabs(base) else None


def read(name: str) -> bytes | None:
    """A cache file's bytes, or None."""
    where = folder()
    try:
        return (where / name).read_bytes() if where else None
    except OSError:
        return None


def read_dict(name: str) -> dict | None:
    """A cache file of one marshalled dict, or None (no file, a damaged one, another shape)."""
    raw = read(name)
    try:
        found = marshal.loads(raw) if raw else None
    except (EOFError, ValueError, TypeError):
        return None
    return found if isinstance(found, dict) else None


def write(name: str, data: bytes) -> None:
    """Replace a cache file at once (a reader never sees half of one); errors are ignored."""
    where = folder()
    if where is None:
        return
    try:
        where.mkdir(parents=True, exist_ok=True)
        tmp = where / f"{name}.{os.getpid()}.tmp"
        try:
            tmp.write_bytes(data)
            os.replace(tmp, where / name)
        finally:
            tmp.unlink(missing_ok=True)
    except OSError:
        pass
