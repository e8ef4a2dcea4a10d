"""Output files written safely: all of the new file or the old one untouched."""
from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from adapt.errors import AdaptError, os_reason


def write_atomic(path: Path, data: str | bytes) -> None:
    """Write all of `data` to `path` or leave `path` as it was.

    Readers (and a crash mid-write) see the old file or the new one, never a
    truncated one: the bytes go to a temp file beside it, then os.replace.
    """
    payload = data.encode("utf-8") if isinstance(data, str) else data
    if path.is_symlink():  # update the file the link points to, keep the link
        path = Path(os.path.realpath(path))
    folder = path.parent
    tmp_name: str | None = None
    try:
        mode = _target_mode(path)
        with tempfile.NamedTemporaryFile(
            dir=folder, delete=False, prefix=f".{path.name}.", suffix=".tmp"
        ) as tmp:
            tmp_name = tmp.name
            tmp.write(payload)
            tmp.flush()
            os.fsync(tmp.fileno())
        os.chmod(tmp_name, mode)  # NamedTemporaryFile makes it 0600
        os.replace(tmp_name, path)
        tmp_name = None
    except OSError as e:
        raise AdaptError(f"cannot write {path}: {_write_reason(e, folder)}") from None
    finally:
        if tmp_name is not None:
            try:
                os.unlink(tmp_name)
            except OSError:
                pass
    _fsync_dir(folder)


def _target_mode(path: Path) -> int:
    """Permissions of the file being replaced, else what open() would give."""
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except FileNotFoundError:
        # umask can only be read by setting it; the CLI is single-threaded.
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _write_reason(e: OSError, folder: Path) -> str:
    if isinstance(e, FileNotFoundError) and not folder.is_dir():
        return f"no such directory {folder}; create it first"
    if isinstance(e, PermissionError):
        return "permission denied"
    if isinstance(e, IsADirectoryError):
        return "is a directory"
    return os_reason(e)


def _fsync_dir(folder: Path) -> None:
    """Make the rename itself durable; best effort (not possible on Windows)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
