"""Where a whole `adapt x.txt` run spends its wall time: a timeline of its stages, the
forked copies' included (issue 17's critical path).

Run by hand:  python bench/bench_stages.py [FILE]   (default: the 1 MB novel of
``bench_scale.py novel``, Pride and Prejudice continued from its start)

A fresh process runs the CLI as ``python -m adapt FILE -o ... -q`` would, with the stage
functions wrapped so that each logs when it starts and ends, against the process's own
start (read from /proc). The wrappers are put in place before any fork, so the copies
(the reading copy, the copies working ahead) log too, each under its pid. Linux only.
"""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
NOVEL = SHARED / "pdnc-dev" / "PrideAndPrejudice" / "novel_text.txt"

_LOG: list[int] = []  # the log's file descriptor, opened in the measured process


def _started() -> float:
    """This process's start on the perf_counter clock (both count from boot on Linux)."""
    ticks = os.sysconf("SC_CLK_TCK")
    start = int(Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()[19]) / ticks
    return start + (time.perf_counter() - time.clock_gettime(time.CLOCK_BOOTTIME))


def _log(event: str) -> None:
    os.write(_LOG[0], f"{os.getpid()} {time.perf_counter() - _T0[0]:.3f} {event}\n".encode())


_T0: list[float] = []


def _wrap(owner: object, name: str, label: str | None = None) -> None:
    fn = getattr(owner, name, None)
    if fn is None:  # an older tree (the script also times the code it is copied beside)
        return

    def wrapped(*args: object, **kwargs: object) -> object:
        _log(f"> {label or name}")
        try:
            return fn(*args, **kwargs)
        finally:
            _log(f"< {label or name}")

    setattr(owner, name, wrapped)


def _wrap_big_pickles() -> None:
    """pickle.dumps and loads of a megabyte or so (the story crossing from the reading copy)."""
    import pickle
    dumps, loads = pickle.dumps, pickle.loads

    def timed(work, event: str, pickled):  # type: ignore[no-untyped-def]
        """``work`` logged as ``event`` when ``pickled(argument, result)`` is big."""
        def run(first: object, *args: object, **kwargs: object) -> object:
            t = time.perf_counter()
            result = work(first, *args, **kwargs)
            if len(pickled(first, result)) > 100_000:
                _span(t, event)
            return result
        return run

    pickle.dumps = timed(dumps, "pickle.dumps", lambda obj, data: data)  # type: ignore[assignment]
    pickle.loads = timed(loads, "pickle.loads", lambda data, obj: data)  # type: ignore[assignment]


def _span(start: float, event: str) -> None:
    os.write(_LOG[0], f"{os.getpid()} {start - _T0[0]:.3f} > {event}\n".encode())
    _log(f"< {event}")


def _measured(path: str, out: str, log: str) -> None:
    """The measured run: the CLI with its stages wrapped (in this process)."""
    _T0.append(_started())
    _LOG.append(os.open(log, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644))
    sys.path.insert(0, str(ROOT / "src"))
    _log("- python started, bench imported")
    import adapt.cli as cli
    _log("- adapt.cli imported")
    from adapt.cli import reading
    from adapt.read import formats, prose
    from adapt.scenes import story

    _wrap(formats, "read_document")
    _wrap_big_pickles()
    _wrap(reading, "start", "reading.start (fork)")
    _wrap(reading.Reading, "story", "wait for the reading copy")
    _wrap(prose, "parse")
    _wrap(story, "read_story")
    orig_adapted = cli._adapted

    def adapted(*args: object, **kwargs: object) -> object:
        _log("> import the adaptation stages")
        import adapt.transform as transform
        from adapt.transform import ahead, guess
        _log("< import the adaptation stages")
        _wrap(transform, "attribute", "attribution")
        _wrap(transform, "finish")
        _wrap(transform, "plan_scenes")
        _wrap(transform, "title_page")
        _wrap(guess, "start")
        _wrap(getattr(guess, "Early", None), "__call__", "guess: fork the copy")
        _wrap(guess, "planned", "take the copy's scene plan")
        _wrap(guess._Guessed, "_writer", "copy: its writer and guessed cast")
        _wrap(ahead, "start", "ahead.start (fork)")
        _wrap(getattr(transform, "plan_ahead", None), "start", "plan_ahead: the copy finding the chapters' scenes")
        _wrap(ahead, "_work", "copy: working ahead")
        _wrap(ahead.Ahead, "stop", "stop a copy")
        orig_to_model = transform.to_model

        def to_model(*a: object, **k: object) -> object:
            _log("> to_model (writer loop between attribution and finish)")
            try:
                return orig_to_model(*a, **k)
            finally:
                _log("< to_model (writer loop between attribution and finish)")

        cli.to_model = to_model  # type: ignore[attr-defined]
        transform.to_model = to_model  # type: ignore[assignment]
        return orig_adapted(*args, **kwargs)

    cli._adapted = adapted  # type: ignore[assignment]
    _wrap(cli, "_render", "render")
    import adapt.output as output
    _wrap(output, "write_all")
    code = cli.main([path, "-o", out, "-q"])
    _log("- main returned")
    cli._flush()
    os._exit(code)


def timeline(path: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        log = f"{tmp}/log"
        t = time.perf_counter()
        subprocess.run([sys.executable, __file__, "--measured", path, f"{tmp}/out.fountain", log], check=True)
        wall = time.perf_counter() - t
        lines = Path(log).read_text().splitlines()
    parent = lines[0].split()[0]
    opened: dict[tuple[str, str], float] = {}
    rows = []
    for line in lines:
        pid, at, kind, event = line.split(" ", 3)
        who = "parent" if pid == parent else f"copy {pid}"
        if kind == ">":
            opened[(pid, event)] = float(at)
        elif kind == "<":
            begin = opened.pop((pid, event), float(at))
            rows.append((begin, float(at), who, event))
        else:
            rows.append((float(at), float(at), who, event))
    for begin, end, who, event in sorted(rows):
        span = f"{begin:6.3f} – {end:6.3f}  {end - begin:6.3f} s" if end > begin else f"{begin:6.3f}" + " " * 19
        print(f"{span}  {who:12} {event}")
    print(f"whole process, from outside: {wall:.3f} s")


def main() -> None:
    if len(sys.argv) > 4 and sys.argv[1] == "--measured":
        _measured(*sys.argv[2:5])
        return
    if len(sys.argv) > 1:
        timeline(sys.argv[1])
        return
    pp = NOVEL.read_text(encoding="utf-8")
    big = pp + "\n\n" + pp
    cut = big.rfind("\n\n", 0, 1_000_000)
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "novel.txt"
        src.write_text(big[:cut] + "\n", encoding="utf-8")
        timeline(str(src))


if __name__ == "__main__":
    main()
