"""Command line: ``adapt INPUT... [-o OUTPUT] [--pdf] [--fdx] [--html] [--stats]``.

The only module that does I/O. Exit codes: 0 success, 1 bad input (one line on
stderr, no traceback, no output file touched), 2 bad usage (argparse).
"""
from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from adapt import __version__
from adapt.errors import AdaptError
from adapt.writers import WRITERS, format_for

EXIT_OK, EXIT_INPUT, EXIT_USAGE = 0, 1, 2
FOUNTAIN_SUFFIXES = {".fountain", ".spmd"}


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="adapt",
        description="Adapt prose fiction into a screenplay (Fountain, PDF, Final Draft FDX, HTML). "
                    "A .fountain input is rendered, not adapted.",
        epilog="examples: adapt story.txt | adapt story.txt --pdf | adapt story.txt -o out/script.fdx | "
               "adapt script.fountain -o script.pdf --paper a4 | cat story.txt | adapt - -o script.fountain")
    p.add_argument("inputs", nargs="+", metavar="INPUT",
                   help="prose text file(s), a .fountain script, or - for standard input")
    p.add_argument("-o", "--output", metavar="OUTPUT",
                   help="output file; its extension picks the format (.fountain .pdf .fdx .html); "
                        "default: INPUT with .fountain")
    p.add_argument("--pdf", action="store_true", help="also write INPUT.pdf beside the .fountain")
    p.add_argument("--fdx", action="store_true", help="also write INPUT.fdx (Final Draft)")
    p.add_argument("--html", action="store_true", help="also write INPUT.html (preview)")
    p.add_argument("--paper", choices=("letter", "a4"), default="letter", help="PDF paper size (default letter)")
    p.add_argument("--stats", action="store_true", help="print cast, scenes, pages and running time")
    p.add_argument("--narrator", metavar="NAME", help="name of a first-person narrator")
    p.add_argument("--pronoun", choices=("she", "he", "they"), help="the narrator's pronoun in action lines")
    p.add_argument("--alias", action="append", default=[], metavar="ALIAS=NAME",
                   help="put ALIAS's lines under NAME's cue (repeatable)")
    p.add_argument("--cast", metavar="FILE", help="cast file (TOML); default: INPUT.cast.toml when present")
    p.add_argument("--title", help="title for the title page")
    p.add_argument("--no-notes", action="store_true", help="leave out [[notes]] on guessed speakers")
    p.add_argument("-j", "--jobs", type=int, default=1, metavar="N", help="adapt N files at once")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress or warnings")
    p.add_argument("--debug", action="store_true", help="show tracebacks")
    p.add_argument("--version", action="version", version=f"adapt {__version__}")
    return p


@dataclass(frozen=True)
class Job:
    """One input and everything to do with it (picklable for -j)."""

    input: str
    outputs: tuple[tuple[str, str], ...]  # (format, path)
    stats: bool
    paper: str
    narrator: str | None
    pronoun: str | None
    aliases: tuple[tuple[str, str], ...]
    cast: str | None
    title: str | None
    notes: bool
    debug: bool
    quiet: bool = False


def _outputs(inp: str, args: argparse.Namespace, parser: argparse.ArgumentParser) -> tuple[tuple[str, str], ...]:
    is_fountain = Path(inp).suffix.lower() in FOUNTAIN_SUFFIXES
    if args.output:
        fmt = format_for(Path(args.output).suffix)
        if fmt is None:
            parser.error(f"cannot tell the format of {args.output!r}: use .fountain, .pdf, .fdx or .html")
        first = [(fmt, args.output)]
        base = Path(args.output).with_suffix("")
    else:
        if inp == "-":
            parser.error("reading standard input needs -o OUTPUT")
        base = Path(inp).with_suffix("")
        first = [] if is_fountain else [("fountain", str(base) + ".fountain")]
    extra = [(f, str(base) + WRITERS[f][0]) for f in ("pdf", "fdx", "html") if getattr(args, f)]
    outs = tuple(dict.fromkeys(first + extra))
    if not outs and not args.stats:
        parser.error(f"{inp} is already Fountain: give -o OUTPUT (.pdf, .fdx, .html) or --pdf/--fdx/--html")
    for _, path in outs:
        if inp != "-" and Path(path).resolve() == Path(inp).resolve():
            parser.error(f"output {path} would overwrite the input")
    return outs


def run(job: Job) -> str | None:
    """Adapt or render one input; returns an error line, or None on success."""
    from adapt.output import write_atomic
    from adapt.read.decode import read_input

    try:
        text, source = read_input(job.input)
        if Path(job.input).suffix.lower() in FOUNTAIN_SUFFIXES:
            from adapt.fountain.reader import read_fountain
            doc = read_fountain(text, source=source)
        else:  # only adapting needs the prose grammar and the adaptation stages
            from adapt.progress import progress
            from adapt.read.prose import parse
            from adapt.speakers.castfile import load_cast
            from adapt.transform import Options, to_model
            cast: dict = {}
            cast_path = Path(job.cast) if job.cast else Path(job.input).with_suffix(".cast.toml")
            if job.cast or (job.input != "-" and cast_path.is_file()):
                cast = load_cast(cast_path)
            aliases = tuple(cast.get("aliases", {}).items()) + job.aliases
            options = Options(narrator=job.narrator or cast.get("narrator"),
                              pronoun=job.pronoun or cast.get("pronoun"), aliases=aliases, notes=job.notes,
                              title=job.title or cast.get("title"), author=cast.get("author"))
            title = None if job.input == "-" else Path(job.input).stem.replace("_", " ").replace("-", " ").title()
            with progress(1000, label=f"adapting {source}", enabled=not job.quiet and len(text) > 200_000) as bar:
                tree = parse(text, source=source)
                doc = to_model(tree, title=title, options=options,
                               report=lambda f: bar.advance(int(f * 1000) - bar.done))
        for fmt, path in job.outputs:
            writer = WRITERS[fmt][1]
            data = writer(doc, paper=job.paper) if fmt == "pdf" else writer(doc)
            write_atomic(Path(path), data)
        if job.stats:
            from adapt.writers.stats import format_stats, stats
            print(format_stats(stats(doc)))
        return None
    except AdaptError as e:
        if job.debug:
            raise
        return str(e)
    except RecursionError:
        if job.debug:
            raise
        return f"{job.input}: the text is nested too deeply to read"
    except MemoryError:
        return f"{job.input}: out of memory; split the text into smaller files"


def main(argv: Sequence[str] | None = None) -> int:
    try:
        return _main(argv)
    except BrokenPipeError:
        # `adapt x.txt --stats | head`: the reader left; that is not an error.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except KeyboardInterrupt:
        print("adapt: interrupted", file=sys.stderr)
        return 130


def _main(argv: Sequence[str] | None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.ERROR if args.quiet else logging.WARNING, format="adapt: warning: %(message)s")
    aliases = []
    for a in args.alias:
        if "=" not in a:
            parser.error(f"--alias takes ALIAS=NAME, not {a!r}")
        k, v = a.split("=", 1)
        aliases.append((k.strip(), v.strip()))
    if args.output and len(args.inputs) > 1:
        parser.error("-o names one output; with several inputs each is written beside its input")
    if args.jobs < 1:
        parser.error("-j needs a number of processes of 1 or more")
    jobs = [Job(inp, _outputs(inp, args, parser), args.stats, args.paper, args.narrator, args.pronoun,
                tuple(aliases), args.cast, args.title, not args.no_notes, args.debug,
                args.quiet or args.jobs > 1) for inp in args.inputs]
    if args.jobs > 1 and len(jobs) > 1:
        from concurrent.futures import ProcessPoolExecutor
        with ProcessPoolExecutor(max_workers=args.jobs) as pool:
            results = list(pool.map(run, jobs))
    else:
        results = [run(j) for j in jobs]
    failed = 0
    for err in results:
        if err:
            failed += 1
            print(f"adapt: error: {err}", file=sys.stderr)
    return EXIT_INPUT if failed else EXIT_OK
