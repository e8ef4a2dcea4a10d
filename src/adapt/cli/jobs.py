"""The run planned before anything is read: each input's Job, its outputs named and checked."""
from __future__ import annotations

import argparse
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from adapt.errors import readable, shown
from adapt.output import STDOUT
from adapt.writers import WRITERS, format_for

FOUNTAIN_SUFFIXES = {".fountain", ".spmd"}


@dataclass(frozen=True)
class Job:
    """One input and everything to do with it (picklable for -j)."""

    input: str
    outputs: tuple[tuple[str, str], ...]  # (format, path); path "-" is standard output
    stats: bool
    paper: str
    narrator: str | None
    pronoun: str | None
    aliases: tuple[tuple[str, str], ...]
    cast: str | None
    title: str | None
    notes: bool
    debug: bool
    quiet: bool = False  # no summary line
    json: bool = False  # --stats as JSON
    progress: bool = True  # a progress line on a terminal (off under -j)
    title_page: tuple[tuple[str, str], ...] = ()  # author, source_author, draft_date given
    fonts: tuple[str, ...] = ()  # --font files for the PDF
    cast_out: str | None = None  # --cast-out FILE: the cast found, as a cast file


def is_fountain_name(inp: str) -> bool:
    return Path(inp).suffix.lower() in FOUNTAIN_SUFFIXES


def _outputs(inp: str, args: argparse.Namespace, parser: argparse.ArgumentParser) -> tuple[tuple[str, str], ...]:
    """(format, path) for each file this input makes, first the main one."""
    base: Path | None
    if args.output == STDOUT:
        first, base = [(args.to or "fountain", STDOUT)], None
    elif args.output:
        fmt = args.to or format_for(Path(args.output).suffix)
        if fmt is None:
            parser.error(f"cannot tell the format of {shown(args.output)!r}: use .fountain, .pdf, .fdx "
                         "or .html, or say it with -t")
        first, base = [(fmt, args.output)], Path(args.output).with_suffix("")
    else:
        if inp == STDOUT:
            parser.error("reading standard input needs -o OUTPUT (or -o - for standard output)")
        base = Path(inp).with_suffix("")
        fmt = args.to or (None if is_fountain_name(inp) else "fountain")
        first = [] if fmt is None else [(fmt, str(base) + WRITERS[fmt][0])]
    wanted = [f for f in ("pdf", "fdx", "html") if getattr(args, f)]
    if wanted and base is None:
        parser.error(f"--{wanted[0]} writes beside a file: give -o FILE rather than -o -")
    extra = [(f, str(base) + WRITERS[f][0]) for f in wanted]
    outs = tuple(dict.fromkeys(first + extra))
    if not outs and not args.stats:
        parser.error(f"{shown(inp)} is already Fountain: give -o OUTPUT (.pdf, .fdx, .html) or --pdf/--fdx/--html")
    return outs


def _check_plan(jobs: list[Job], parser: argparse.ArgumentParser) -> None:
    """Refuse, before anything is read or written, outputs that would lose work."""
    inputs = {os.path.realpath(j.input): j.input for j in jobs if j.input != STDOUT}
    made: dict[str, str] = {}  # real output path → the input that makes it
    for job in jobs:
        for fmt, path in job.outputs + ((("cast", job.cast_out),) if job.cast_out else ()):
            if path == STDOUT:
                if fmt == "pdf" and _is_terminal(sys.stdout):
                    parser.error("a PDF is not for a terminal: redirect it (> script.pdf) or give -o FILE")
                if job.stats:
                    parser.error("--stats and -o - would both print to standard output: "
                                 "write the script to a file")
                continue
            real = os.path.realpath(path)
            if real in inputs:
                parser.error(f"output {shown(path)} would overwrite the input {shown(inputs[real])}")
            if real in made:
                other = made[real]
                why = "twice" if other == job.input else f"for both {shown(other)} and {shown(job.input)}"
                parser.error(f"output {shown(path)} would be written {why}")
            made[real] = job.input


def plan(args: argparse.Namespace, parser: argparse.ArgumentParser) -> list[Job]:
    aliases = []
    for a in args.alias:
        if "=" not in a:
            parser.error(f"--alias takes ALIAS=NAME, not {shown(a)!r}")
        k, v = readable(a).split("=", 1)
        aliases.append((k.strip(), v.strip()))
    if args.output and len(args.inputs) > 1:
        parser.error("-o names one output; with several inputs each is written beside its input")
    if args.jobs < 1:
        parser.error("-j needs a number of processes of 1 or more")
    if args.json and not args.stats:
        parser.error("--json goes with --stats")
    if args.inputs.count(STDOUT) > 1:
        parser.error("standard input (-) can be read only once")
    jobs = [Job(input=inp, outputs=_outputs(inp, args, parser), stats=args.stats, paper=args.paper,
                narrator=readable(args.narrator) if args.narrator else None, pronoun=args.pronoun,
                aliases=tuple(aliases), cast=args.cast, title=readable(args.title) if args.title else None,
                notes=not args.no_notes, debug=args.debug, quiet=args.quiet, json=args.json,
                progress=not args.quiet and not (args.jobs > 1 and len(args.inputs) > 1),
                title_page=_title_page_args(args), fonts=tuple(args.font), cast_out=args.cast_out)
            for inp in args.inputs]
    if args.cast_out and len(jobs) > 1:
        parser.error("--cast-out names one file; give one input")
    if args.cast_out and any(is_fountain_name(j.input) for j in jobs):
        parser.error("--cast-out is for prose: a .fountain script is rendered, not adapted")
    _check_plan(jobs, parser)
    return jobs


def _title_page_args(args: argparse.Namespace) -> tuple[tuple[str, str], ...]:
    """--author, --source-author, --draft-date as Options fields; "today" is read here, once."""
    date = args.draft_date
    if date and date.lower() == "today":
        import datetime
        epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()  # reproducible builds
        when = datetime.datetime.fromtimestamp(int(epoch), datetime.UTC) if epoch.isdigit() \
            else datetime.datetime.now()
        date = f"{when:%B} {when.day}, {when.year}"
    given = {"author": args.author, "source_author": args.source_author, "draft_date": date}
    return tuple((k, readable(v)) for k, v in given.items() if v)


def _is_terminal(stream: object) -> bool:
    try:
        return bool(stream.isatty())  # type: ignore[attr-defined]
    except (AttributeError, ValueError):
        return False

