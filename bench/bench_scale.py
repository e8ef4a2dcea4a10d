"""Issue 17's figures: start-up, linear time and bounded memory, each with its target.

Run by hand:  python bench/bench_scale.py [SECTION...]   (default: all sections)
Sections: render (Big Fish whole process vs screenplain), speech (PDF of a 2,000- and an
8,000-line speech), read (4,000 and 16,000 paragraphs with an unclosed /* or [[),
adapt (a novel and the same novel 8 times over), memory (200,000 one-word lines; one
4 MB word), novel (a 1 MB novel end to end). Needs ../shared beside the repo for Big Fish
and the novel, and screenplain installed. Ratios come from one run, so a noisy machine
moves both sides; whole-process figures are the best of a few runs.
"""
from __future__ import annotations

import gc
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
BIG_FISH = SHARED / "fountain-samples" / "Big-Fish.fountain"
NOVEL = SHARED / "pdnc-dev" / "PrideAndPrejudice" / "novel_text.txt"
ENV = {**{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}, "PYTHONPATH": str(ROOT / "src"),
       "PYTHONPYCACHEPREFIX": str(Path(tempfile.gettempdir()) / "adapt-bench-pycache")}
"""Children run with compiled bytecode, as an installed package has (a shell that sets
PYTHONDONTWRITEBYTECODE would have every run compile adapt from source: ~0.2 s)."""


def best(fn: Callable[..., object], *args: object, runs: int = 3) -> float:
    """Best wall time of ``runs`` calls of ``fn(*args)``."""
    times = []
    for _ in range(runs):
        gc.collect()
        t = time.perf_counter()
        fn(*args)
        times.append(time.perf_counter() - t)
    return min(times)


def verdict(value: float, target: float) -> str:
    return f"(target <= {target:g}: {'met' if value <= target else 'MISSED'})"


def _process(argv: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds of one child process (CPU time suffers less from a busy machine)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    subprocess.run(argv, check=True, env=ENV, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime


def render(runs: int = 5) -> None:
    """Whole-process time to render Big Fish to PDF, ours against screenplain's."""
    with tempfile.TemporaryDirectory() as tmp:
        ours = [sys.executable, "-m", "adapt", str(BIG_FISH), "-o", f"{tmp}/a.pdf", "-q"]
        theirs = [sys.executable, "-c", "import sys; from screenplain.main import cli; sys.exit(cli())",
                  "--format", "pdf", str(BIG_FISH), f"{tmp}/s.pdf"]
        a, s = [], []
        for _ in range(runs):  # interleaved, so both see the same load
            a.append(_process(ours))
            s.append(_process(theirs))
    for k, label in ((0, "wall"), (1, "CPU")):
        mine, other = min(x[k] for x in a), min(x[k] for x in s)
        ratio = mine / other
        print(f"render Big Fish, whole process ({label}): adapt {mine:.3f} s, screenplain "
              f"{other:.3f} s, ratio {ratio:.2f} {verdict(ratio, 0.4)}, aim 0.25")


def _speech_doc(lines: int, one_paragraph: bool) -> object:
    from adapt.model import Dialogue, Screenplay, Speech
    rnd = random.Random(lines)
    words = "the a door rain window night said waited counted slowly never Mr. Dr. again".split()

    def sentence() -> str:
        s = " ".join(rnd.choice(words) for _ in range(rnd.randint(3, 14)))
        return s[0].upper() + s[1:] + rnd.choice(".!?.")

    # About one printed line (35 columns) per source line.
    text = [" ".join(sentence() for _ in range(rnd.randint(1, 2)))[:60].rstrip()
            for _ in range(lines)]
    speech = " ".join(text) if one_paragraph else "\n".join(text)
    return Screenplay(elements=(Dialogue("HAMLET", (Speech(speech),)),))


def speech() -> None:
    """PDF time of one speech 4x longer: linear pagination keeps the ratio near 4."""
    from adapt.writers.pdf import write_pdf
    from adapt.writers.pdf.pages import layout
    from adapt.writers.pdf.settings import DEFAULT

    for one in (False, True):
        small, big = _speech_doc(2000, one), _speech_doc(8000, one)
        write_pdf(small)  # warm: fonts, imports
        ts, tb = best(write_pdf, small), best(write_pdf, big, runs=1)
        pages = len(layout(big, DEFAULT).pages)  # type: ignore[arg-type]
        kind = "one paragraph" if one else "one line a row"
        print(f"PDF of a speech ({kind}): 2,000 lines {ts:.3f} s, 8,000 lines {tb:.3f} s "
              f"({pages} pages), ratio {tb / ts:.1f} {verdict(tb / ts, 5)}")


def _paragraphs(n: int, opener: str) -> str:
    return "\n\n".join(f"He opens door {i} {opener} and waits." for i in range(n)) + "\n"


def read() -> None:
    """Read time of 4x more paragraphs holding an opener that never closes."""
    from adapt.fountain.reader import read_fountain

    for opener, label in (("/*", "unclosed /*"), ("[[", "[[ with no ]]")):
        small, big = (_paragraphs(n, opener) for n in (4000, 16000))
        read_fountain(small)
        ts, tb = best(read_fountain, small), best(read_fountain, big, runs=1)
        print(f"read {label}: 4,000 paragraphs {ts:.3f} s, 16,000 {tb:.3f} s, "
              f"ratio {tb / ts:.1f} {verdict(tb / ts, 5)}")
    one = "He opens the door /* and waits.\n" * 16000  # one paragraph, many openers
    print(f"read one paragraph of 16,000 unclosed /* lines: {best(read_fountain, one, runs=1):.3f} s")


def _adapt_seconds(text: str) -> float:
    from adapt.fountain.writer import write_fountain
    from adapt.read.prose import parse
    from adapt.transform import to_model
    return best(lambda: write_fountain(to_model(parse(text), title="Bench")), runs=1)


def adapt() -> None:
    """Adapt time of a novel and of the same novel 8 times over (in one process, warm)."""
    novel = NOVEL.read_text(encoding="utf-8")
    seed = (ROOT / "seeds" / "tourniquet.txt").read_text(encoding="utf-8")
    _adapt_seconds(seed)  # warm: grammar, word tables
    one = _adapt_seconds(novel)
    eight = _adapt_seconds("\n\n".join([novel] * 8))
    print(f"adapt {NOVEL.parent.name} ({len(novel.encode()) / 1e6:.2f} MB) {one:.2f} s, 8 times over "
          f"{eight:.2f} s, ratio {eight / one:.1f} {verdict(eight / one, 9)}")


def _peak_mb() -> float:
    """This program's peak resident memory. Linux's ru_maxrss also counts the process that
    started it (the peak of the memory an exec replaced), so VmHWM when /proc has it."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _child_memory(kind: str) -> None:
    """In a fresh process: peak memory of adapting one input, per MB of it."""
    from adapt.cli import main
    text = "word\n" * 200_000 if kind == "lines" else "w" * 4_000_000
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in.txt"
        src.write_text(text, encoding="utf-8")
        import adapt.fountain.writer  # noqa: F401 (the imports' memory is not the text's)
        import adapt.transform  # noqa: F401
        before = _peak_mb()
        main([str(src), "-o", str(Path(tmp) / "out.fountain"), "-q"])
        peak = _peak_mb()
    mb = len(text.encode()) / 1e6
    print(f"{mb:.2f} MB; peak {peak:.0f} MB, {before:.0f} MB before the text; "
          f"{(peak - before) / mb:.0f} MB/MB")


def memory() -> None:
    """Peak memory per MB of input; each case in a fresh process."""
    for kind, label, target in (("lines", "200,000 one-word lines", 150.0), ("word", "one 4 MB word", None)):
        out = subprocess.run([sys.executable, __file__, "--child-memory", kind], env=ENV,
                             capture_output=True, text=True, check=True).stdout.strip()
        per_mb = float(out.rsplit(" ", 2)[-2])
        print(f"memory, {label}: {out} {verdict(per_mb, target) if target else ''}".rstrip())


def novel(runs: int = 2) -> None:
    """A 1 MB novel end to end (`adapt x.txt`): Pride and Prejudice continued from its start
    (the issue's figure), and Mansfield Park followed by Pride and Prejudice, which repeats
    nothing, so no passage's rewrite serves another."""
    pp = NOVEL.read_text(encoding="utf-8")
    mp = (SHARED / "pdnc-dev" / "MansfieldPark" / "novel_text.txt").read_text(encoding="utf-8")
    for label, big in (("1 MB novel", pp + "\n\n" + pp), ("1 MB of two novels, no repeat", mp + "\n\n" + pp)):
        cut = big.rfind("\n\n", 0, 1_000_000)
        with tempfile.TemporaryDirectory() as tmp:
            src = Path(tmp) / "novel.txt"
            src.write_text(big[:cut] + "\n", encoding="utf-8")
            mb = src.stat().st_size / 1e6
            times = [_process([sys.executable, "-m", "adapt", str(src), "-o", f"{tmp}/n.fountain", "-q"])
                     for _ in range(runs)]
        secs = min(w for w, _ in times)
        print(f"{label} ({mb:.2f} MB) end to end: {secs:.2f} s {verdict(secs, 2)}, aim 1 s "
              f"(CPU {min(c for _, c in times):.2f} s)")


SECTIONS = {"render": render, "speech": speech, "read": read, "adapt": adapt, "memory": memory,
            "novel": novel}


def main() -> None:
    sys.path.insert(0, str(ROOT / "src"))
    if len(sys.argv) > 2 and sys.argv[1] == "--child-memory":
        _child_memory(sys.argv[2])
        return
    wanted = sys.argv[1:] or list(SECTIONS)
    for name in wanted:
        SECTIONS[name]()


if __name__ == "__main__":
    main()
