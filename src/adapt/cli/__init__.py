"""Command line: ``adapt INPUT... [-o OUTPUT|-] [-t FORMAT] [--pdf] [--fdx] [--html] [--stats [--json]]``.

The only module that does I/O. Exit codes: 0 success, 1 bad input (one line on
stderr, no traceback, no output file touched), 2 bad usage (argparse), 128+N when
signal N stopped it (130 for Ctrl-C, 143 for SIGTERM).

A run is planned before anything is read (``jobs.py``): every input's outputs are
named and checked (an output that is an input, two outputs that coincide, a PDF for a
terminal are usage errors). Each input is then read, adapted (or, for Fountain,
only read), rendered to every format in memory, and written all at once by
``adapt.output.write_all``. Reports (``--stats``, the ``wrote ...`` line) are
returned to the parent process and printed in input order, also under ``-j``.
"""
from __future__ import annotations

import argparse
import logging
import os
import signal
import sys
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING

from adapt import __version__
from adapt.cli.jobs import Job, is_fountain_name, plan
from adapt.cli.workers import STOP_SIGNALS, worker_start
from adapt.errors import AdaptError, Interrupted, readable, shown
from adapt.output import STDOUT
from adapt.writers import WRITERS

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

    from adapt.cli import reading

    from adapt.model import Screenplay
    from adapt.read.formats import Document
    from adapt.writers.stats import ScriptStats

EXIT_OK, EXIT_INPUT, EXIT_USAGE = 0, 1, 2
_PROGRESS_FROM = 200_000  # characters: shorter inputs finish before a line would help


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="adapt",
        description="Adapt prose fiction into a screenplay (Fountain, PDF, Final Draft FDX, HTML). "
                    "A .fountain input (or Fountain on standard input) is rendered, not adapted.",
        epilog="examples: adapt story.txt | adapt story.txt --pdf | adapt story.txt -o out/script.fdx | "
               "adapt script.fountain -o script.pdf --paper a4 | cat story.txt | adapt - -o - | less")
    p.add_argument("inputs", nargs="+", metavar="INPUT",
                   help="prose text file(s), a .fountain script, or - for standard input")
    p.add_argument("-o", "--output", metavar="OUTPUT",
                   help="output file, or - for standard output; its extension picks the format "
                        "(.fountain .pdf .fdx .html); default: INPUT with .fountain")
    p.add_argument("-t", "--to", choices=tuple(WRITERS), metavar="FORMAT",
                   help="output format, whatever the extension: fountain, pdf, fdx or html")
    p.add_argument("--pdf", action="store_true", help="also write INPUT.pdf beside the .fountain")
    p.add_argument("--fdx", action="store_true", help="also write INPUT.fdx (Final Draft)")
    p.add_argument("--html", action="store_true", help="also write INPUT.html (preview)")
    p.add_argument("--paper", choices=("letter", "a4"), default="letter", help="PDF paper size (default letter)")
    p.add_argument("--font", action="append", default=[], metavar="FILE",
                   help="a font file (.ttf/.otf/.ttc) for characters Courier Prime lacks, "
                        "e.g. Chinese or Japanese (repeatable)")
    p.add_argument("--stats", action="store_true", help="print cast, scenes, pages and running time")
    p.add_argument("--json", action="store_true", help="with --stats: one JSON object per input")
    p.add_argument("--narrator", metavar="NAME", help="name of a first-person narrator")
    p.add_argument("--pronoun", choices=("she", "he", "they"), help="the narrator's pronoun in action lines")
    p.add_argument("--alias", action="append", default=[], metavar="ALIAS=NAME",
                   help="put ALIAS's lines under NAME's cue (repeatable)")
    p.add_argument("--cast", metavar="FILE", help="cast file (TOML); default: INPUT.cast.toml when present")
    p.add_argument("--cast-out", metavar="FILE",
                   help="write the cast found (cues, aliases, genders, narrator) as a cast file to edit")
    p.add_argument("--title", help="title for the title page")
    p.add_argument("--author", metavar="NAME", help="the screenwriter, under \"Screenplay by\"")
    p.add_argument("--source-author", metavar="NAME", help="the source's author: \"Based on the novel by NAME\"")
    p.add_argument("--draft-date", metavar="DATE",
                   help="draft date for the title page; \"today\" uses SOURCE_DATE_EPOCH or the clock")
    p.add_argument("--no-notes", action="store_true", help="leave out [[notes]] on guessed speakers")
    p.add_argument("-j", "--jobs", type=int, default=1, metavar="N", help="adapt N files at once")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress, summary or warnings")
    p.add_argument("--debug", action="store_true", help="show tracebacks")
    p.add_argument("--version", action="version", version=f"adapt {__version__}")
    return p


@dataclass(frozen=True)
class Outcome:
    """What one job has to say: printed by the parent, in input order."""

    error: str | None = None
    stdout: str = ""
    stderr: str = ""



# Progress units per step, against 1000 for adapting: the PDF takes about a fifth as
# long as the adaptation of the same story, the others a few percent.
_WEIGHT = {"adapt": 1000, "read": 100, "fountain": 10, "pdf": 200, "fdx": 20, "html": 10, "stats": 100}


def run(job: Job) -> Outcome:
    """Adapt or render one input and write its outputs; what to print comes back."""
    from adapt.output import write_all
    from adapt.progress import progress

    try:
        if job.fonts and any(f == "pdf" for f, _ in job.outputs):
            from adapt.writers.pdf.fonts import check_font
            for font in job.fonts:
                check_font(font)  # before anything is written
        text, source, document = _read(job)
        fountain = document is None
        reading = _WEIGHT["read" if fountain else "adapt"]
        counting = job.stats or not job.quiet  # the summary line needs the figures too
        total = reading + sum(_WEIGHT[f] for f, _ in job.outputs) + (_WEIGHT["stats"] if counting else 0)
        label = f"{'rendering' if fountain else 'adapting'} {shown(source)}"
        with progress(total, label=label, enabled=job.progress and len(text) > _PROGRESS_FROM) as bar:
            found_cast: list[str] = []  # --cast-out: the cast file the adaptation hands back
            doc = _document(job, text, source, document, lambda f: bar.advance(int(f * reading) - bar.done),
                            found_cast.append)
            bar.advance(reading - bar.done)
            rendered = [(job.cast_out, found_cast[0].encode("utf-8"))] if job.cast_out and found_cast else []
            for fmt, path in job.outputs:
                bar.relabel(f"writing {_name(path)}")
                with bar.step(_WEIGHT[fmt]):
                    rendered.append((path, _render(fmt, doc, job, adapted=not fountain, name=path)))
            figures = None
            if counting:
                from adapt.writers.stats import stats  # not before the reading copy forks (it needs none of it)
                bar.relabel(f"counting {shown(source)}")
                with bar.step(_WEIGHT["stats"]):
                    figures = stats(doc)
        write_all(rendered)
        return _outcome(job, source, figures)
    except AdaptError as e:
        if job.debug:
            raise
        return Outcome(error=shown(e))
    except RecursionError:
        if job.debug:
            raise
        return Outcome(error=f"{shown(job.input)}: the text is nested too deeply to read")
    except MemoryError:
        return Outcome(error=f"{shown(job.input)}: out of memory; split the text into smaller files")



def _read(job: Job) -> tuple[str, str, Document | None]:
    """(text, source name, the prose document with its metadata — None for Fountain): a
    file by its extension and magic bytes, standard input by what it holds (a title
    page, or scene headings with cues)."""
    from adapt.read.decode import MAX_FOUNTAIN_BYTES, check_size, read_bytes, read_input, strip_trailing

    if job.input != STDOUT:
        if is_fountain_name(job.input):  # rendering: no format readers, no adaptation stack
            text, source = read_input(job.input, keep_spaces=True, limit=MAX_FOUNTAIN_BYTES)
            return text, source, None
        from adapt.read.formats import read_document

        data, source = read_bytes(job.input)
        document = read_document(data, suffix=Path(job.input).suffix, source=source)
        return document.text, source, document
    from adapt.fountain.sniff import looks_like_fountain

    text, source = read_input(STDOUT, keep_spaces=True, limit=MAX_FOUNTAIN_BYTES)
    if looks_like_fountain(text):
        return text, source, None
    check_size(len(text.encode("utf-8", "surrogatepass")), source)
    from adapt.read.formats import read_text

    document = read_text(strip_trailing(text), source=source)
    return document.text, source, document


def _document(job: Job, text: str, source: str, document: Document | None,
              report: Callable[[float], None], cast_out: Callable[[str], None]) -> Screenplay:
    """The screenplay model: Fountain read as it is, prose adapted (only adapting needs
    the prose grammar and the adaptation stages: a render starts fast)."""
    if document is None:
        from adapt.fountain.reader import read_fountain

        return read_fountain(text, source=source)
    from adapt.cli import reading

    copy = reading.start(text, source, document.language)  # reads while the stages import
    try:
        return _adapted(job, text, source, document, report, cast_out, copy)
    finally:
        if copy is not None:
            copy.close()


def _adapted(job: Job, text: str, source: str, document: Document, report: Callable[[float], None],
             cast_out: Callable[[str], None], copy: reading.Reading | None) -> Screenplay:
    from adapt.speakers.castfile import load_cast
    from adapt.transform import Options, to_model

    cast: dict = {}
    cast_path = Path(job.cast) if job.cast else Path(job.input).with_suffix(".cast.toml")
    if job.cast or (job.input != STDOUT and cast_path.is_file()):
        cast = load_cast(cast_path)
    aliases = tuple(cast.get("aliases", {}).items()) + job.aliases
    cues = tuple(cast.get("cues", {}).items())
    options = Options(narrator=job.narrator or cast.get("narrator"),
                      pronoun=job.pronoun or cast.get("pronoun"), aliases=aliases, cues=cues, notes=job.notes,
                      title=job.title or cast.get("title"),
                      source_title=None if job.title or cast.get("title") else document.title,
                      language=document.language,
                      **{"author": cast.get("author"), "source_author": document.author, **dict(job.title_page)})
    title = None if job.input == STDOUT else _title_from_name(job.input)
    story = copy.story() if copy else None
    if story is None:
        from adapt.read.prose import parse

        story = parse(text, source=source)
    return to_model(story, title=title, options=options, report=report,
                    cast_out=cast_out if job.cast_out else None)


def _title_from_name(path: str) -> str:
    """``my_story-draft.txt`` → ``My Story Draft``; bytes that are not UTF-8 read as
    Windows-1252, so the title never carries an escape a writer cannot encode."""
    return readable(Path(path).stem).replace("_", " ").replace("-", " ").title()


def _render(fmt: str, doc: Screenplay, job: Job, *, adapted: bool, name: str) -> bytes:
    """One format's bytes; an adapted script too long to read back is refused."""
    from adapt.read.decode import MAX_FOUNTAIN_BYTES, human_size

    writer = WRITERS[fmt][1]
    data = writer(doc, paper=job.paper, fonts=job.fonts) if fmt == "pdf" else writer(doc)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    if adapted and fmt == "fountain" and len(payload) > MAX_FOUNTAIN_BYTES:
        raise AdaptError(f"cannot write {shown(_name(name))}: the screenplay would be {human_size(len(payload))}, "
                         f"over the {human_size(MAX_FOUNTAIN_BYTES)} adapt can read back; "
                         "split the book into smaller files (e.g. one per part) and adapt each")
    return payload


def _name(path: str) -> str:
    return "standard output" if path == STDOUT else shown(path)


def _outcome(job: Job, source: str, figures: ScriptStats | None) -> Outcome:
    """The --stats report and the ``wrote ...`` line for a job that succeeded."""
    from adapt.writers.stats import format_stats, stats_json, summary_line

    out = ""
    if job.stats and figures is not None:
        out = stats_json(figures, shown(source)) + "\n" if job.json else format_stats(figures)
    err = ""
    if not job.quiet and job.outputs and figures is not None:
        names = ", ".join(_name(p) for _, p in job.outputs)
        err = f"wrote {names} ({summary_line(figures)})\n"
    return Outcome(stdout=shown(out), stderr=err)



_workers_ended = False
"""A stopped -j run ended its workers (``_end_workers``)."""


def _stop(signum: int, frame: FrameType | None) -> None:
    raise Interrupted(signum)


def _run_all(jobs: list[Job], processes: int) -> list[Outcome]:
    if processes <= 1 or len(jobs) <= 1:
        return [run(j) for j in jobs]
    from concurrent.futures import ProcessPoolExecutor  # only -j needs it (start-up time)
    from concurrent.futures.process import BrokenProcessPool

    with ProcessPoolExecutor(max_workers=min(processes, len(jobs)), initializer=worker_start) as pool:
        try:
            return list(pool.map(run, jobs))
        except BrokenProcessPool:
            return [Outcome(error="a worker process died (out of memory?); try fewer -j or smaller files")]
        except BaseException:  # a signal, Ctrl-C: the workers must not run on
            _end_workers(pool)
            raise


def _end_workers(pool: ProcessPoolExecutor) -> None:
    """SIGTERM every worker (each removes its temporary files) and wait for them."""
    end = getattr(pool, "terminate_workers", None)  # Python 3.14+
    if end is not None:
        end()
        return
    workers = list(getattr(pool, "_processes", {}).values())
    for w in workers:
        w.terminate()
    for w in workers:
        w.join(5)
    pool.shutdown(wait=False, cancel_futures=True)
    global _workers_ended
    _workers_ended = all(not w.is_alive() for w in workers)


def main(argv: Sequence[str] | None = None) -> int:
    handlers = {}
    if threading.current_thread() is threading.main_thread():
        handlers = {sig: signal.signal(sig, _stop) for sig in STOP_SIGNALS}
    try:
        return _main(argv)
    except BrokenPipeError:
        # `adapt x.txt --stats | head`: the reader left; that is not an error.
        _silence_stdout()
        return EXIT_OK
    except KeyboardInterrupt:
        print("adapt: interrupted", file=sys.stderr)
        return 130
    except Interrupted as e:
        print(f"adapt: stopped by {signal.Signals(e.signum).name}", file=sys.stderr)
        return 128 + e.signum
    finally:
        for sig, old in handlers.items():
            signal.signal(sig, old)


def entry() -> None:
    """The ``adapt`` command (and ``python -m adapt``): ``main``, then an exit that does not
    tear the interpreter down. Freeing every cached word table and pattern object by
    object takes about 0.1 s a run and serves no one; mypy ends its runs the same way.
    The streams are flushed first, so nothing written is lost. A run that failed or was
    stopped, or ran workers (``-j``), exits the usual way: Python's exit also ends the
    workers that a stopped pool leaves waiting."""
    code = main()
    if _workers_ended:
        # A stopped -j run whose workers are gone: Python's own exit would still wake the
        # pool's manager thread through a pipe the stop closed, and print its traceback.
        _flush()
        os._exit(code)
    if code != EXIT_OK or "concurrent.futures.process" in sys.modules:
        sys.exit(code)
    from adapt import patterns

    patterns.save()  # what the exit would have saved (the only atexit work of adapt's own)
    logging.shutdown()
    os._exit(_flush() or code)


def _flush() -> int:
    """Flush the standard streams before an ``os._exit``; 120 (Python's own status) if that fails."""
    failed = 0
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            failed = 120
    return failed


def _silence_stdout() -> None:
    """Point stdout at /dev/null, so the final flush at exit cannot fail again."""
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def _main(argv: Sequence[str] | None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.ERROR if args.quiet else logging.WARNING, format="adapt: warning: %(message)s")
    jobs = plan(args, parser)
    failed = 0
    for outcome in _run_all(jobs, args.jobs):
        if outcome.stdout:
            try:
                sys.stdout.write(outcome.stdout)
                sys.stdout.flush()
            except BrokenPipeError:
                raise
            except OSError as e:
                from adapt.errors import os_reason
                _silence_stdout()
                outcome = Outcome(error=f"cannot write to standard output: {os_reason(e)}")
        if outcome.error:
            failed += 1
            print(f"adapt: error: {outcome.error}", file=sys.stderr)
        elif outcome.stderr:
            sys.stderr.write(outcome.stderr)
    return EXIT_INPUT if failed else EXIT_OK
