"""Output files written safely: all of the new files or the old ones untouched.

One run may write several files (``--pdf --fdx``). They are written in three steps:
every target is checked (a directory in the way, a read-only file, a symlink loop),
every file's bytes go to a temporary file beside it, and only when all of those
succeeded are they renamed into place. A target that is not a regular file (a
device, a FIFO, ``/dev/null`` through a symlink) is written into, never replaced.
A signal or an error at any point removes the temporary files.
"""
from __future__ import annotations

import os
import stat
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from adapt.errors import AdaptError, os_reason, shown

STDOUT = "-"
"""The output name that means standard output."""

_NAME_MAX = 255  # bytes in one file name on every common file system
_TEMP_EXTRA = len(".") + len(".") + 8 + len(".tmp")  # dots, mkstemp's random part, suffix


@dataclass(frozen=True, slots=True)
class _Target:
    """Where one output goes, once checked."""

    path: Path  # symlinks resolved: the file that changes
    shown: str  # the name the user gave, for messages
    regular: bool  # False: a device or FIFO, written into


def write_atomic(path: Path, data: str | bytes) -> None:
    """Write all of ``data`` to ``path`` or leave ``path`` as it was."""
    write_all([(str(path), data)])


def write_all(outputs: Sequence[tuple[str, str | bytes]]) -> None:
    """Write every ``(path, data)`` or none: the old files stay until all are ready.

    ``path`` ``-`` is standard output, written last. Raises AdaptError with one line.
    """
    payloads = [(p, d.encode("utf-8") if isinstance(d, str) else d) for p, d in outputs]
    targets = [_check(p) for p, _ in payloads if p != STDOUT]
    files = [d for p, d in payloads if p != STDOUT]
    temps: list[str | None] = [None] * len(targets)
    try:
        for i, (target, data) in enumerate(zip(targets, files, strict=True)):
            if target.regular:
                temps[i] = _write_temp(target, data)
        for i, (target, data) in enumerate(zip(targets, files, strict=True)):
            if target.regular:
                _rename(temps[i], target)
                temps[i] = None
            else:
                _write_into(target, data)
    finally:
        for tmp in temps:
            if tmp is not None:
                _remove(tmp)
    for target in targets:
        if target.regular:
            _fsync_dir(target.path.parent)
    for p, data in payloads:
        if p == STDOUT:
            _write_stdout(data)


def _check(name: str) -> _Target:
    """Resolve ``name`` and refuse, before anything is written, what cannot work."""
    path = Path(name)
    try:
        real = Path(os.path.realpath(path, strict=True))
    except FileNotFoundError:
        real = Path(os.path.realpath(path))  # a new file (or a dangling link's target)
    except OSError as e:  # a symlink loop, a file used as a folder
        raise AdaptError(f"cannot write {shown(name)}: {os_reason(e)}") from None
    try:
        st = os.stat(real)
    except FileNotFoundError:
        folder = real.parent
        if not folder.is_dir():
            raise AdaptError(f"cannot write {shown(name)}: no such directory {shown(folder)}; "
                             "create it first") from None
        return _Target(real, name, True)
    except OSError as e:
        raise AdaptError(f"cannot write {shown(name)}: {os_reason(e)}") from None
    if stat.S_ISDIR(st.st_mode):
        raise AdaptError(f"cannot write {shown(name)}: is a directory")
    if not stat.S_ISREG(st.st_mode):
        return _Target(real, name, False)
    if not st.st_mode & 0o222 or not os.access(real, os.W_OK):
        raise AdaptError(f"cannot write {shown(name)}: the file is read-only; "
                         "make it writable (chmod u+w) or choose another name")
    return _Target(real, name, True)


def _temp_prefix(name: str) -> str:
    """``.story.fountain.``, shortened so that the temporary name fits the file system."""
    room = _NAME_MAX - _TEMP_EXTRA
    while len(os.fsencode(name)) > room:
        name = name[:-1]
    return f".{name}."


def _write_temp(target: _Target, data: bytes) -> str:
    folder = target.path.parent
    tmp: str | None = None
    try:
        mode = _target_mode(target.path)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=_temp_prefix(target.path.name), suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, mode)  # mkstemp makes it 0600
        return tmp
    except BaseException as e:
        if tmp is not None:
            _remove(tmp)
        if isinstance(e, OSError):
            raise AdaptError(f"cannot write {shown(target.shown)}: {_write_reason(e, folder)}") from None
        raise


def _rename(tmp: str | None, target: _Target) -> None:
    assert tmp is not None
    try:
        os.replace(tmp, target.path)
    except OSError as e:
        raise AdaptError(f"cannot write {shown(target.shown)}: "
                         f"{_write_reason(e, target.path.parent)}") from None


def _write_into(target: _Target, data: bytes) -> None:
    """A device or FIFO: open and write, as a shell's ``>`` would (no truncation
    needed, no rename that would put a regular file in its place)."""
    try:
        with open(target.path, "wb", buffering=0) as f:
            view = memoryview(data)
            while view:
                view = view[f.write(view):]
    except OSError as e:
        raise AdaptError(f"cannot write {shown(target.shown)}: {os_reason(e)}") from None


def _write_stdout(data: bytes) -> None:
    try:
        sys.stdout.flush()
        out = getattr(sys.stdout, "buffer", None)
        if out is None:  # a text stream put in place of stdout (tests, embedding)
            sys.stdout.write(data.decode("utf-8", "replace"))
        else:
            out.write(data)
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as e:
        raise AdaptError(f"cannot write to standard output: {os_reason(e)}") from None


def _remove(tmp: str) -> None:
    try:
        os.unlink(tmp)
    except OSError:
        pass


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
        return f"no such directory {shown(folder)}; create it first"
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
