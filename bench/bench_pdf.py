"""Seconds to render Big Fish to PDF: adapt's writer against screenplain's, and page counts.

Run by hand:  python bench/bench_pdf.py [FILE.fountain] [RUNS]   (RUNS: best of, default 3)
(needs ../shared/fountain-samples beside the repo, and screenplain installed).
Targets: our end-to-end time at most half of screenplain's; our page count within
±4 of screenplain's (122 for Big Fish).
"""
from __future__ import annotations

import gc
import io
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT.parent / "shared" / "fountain-samples" / "Big-Fish.fountain"
T = TypeVar("T")


def best(fn: Callable[[], T], runs: int = 3) -> tuple[float, T]:
    """Best wall time of ``runs`` calls, and the last result."""
    times = []
    for _ in range(runs):
        gc.collect()  # each run starts from the same heap, not the last run's garbage
        t = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t)
    return min(times), out


def pages(pdf: bytes) -> int:
    import pdfplumber
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        return len(doc.pages)


def main() -> None:
    sys.path.insert(0, str(ROOT / "src"))
    from screenplain.export import pdf as sp_pdf
    from screenplain.parsers import fountain as sp_fountain

    from adapt.fountain.reader import read_fountain
    from adapt.writers.pdf import write_pdf

    path = Path(sys.argv[1]) if len(sys.argv) > 1 else SAMPLE
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    text = path.read_text(encoding="utf-8-sig")

    def ours_end_to_end() -> bytes:
        return write_pdf(read_fountain(text))

    def theirs_export(doc: object) -> bytes:
        out = io.BytesIO()
        sp_pdf.to_pdf(doc, out)
        return out.getvalue()

    def theirs_end_to_end() -> bytes:
        return theirs_export(sp_fountain.parse(io.StringIO(text)))

    ours_end_to_end(), theirs_end_to_end()  # warm: imports, font registration, grammar
    parse_s, doc = best(lambda: read_fountain(text), runs)
    write_s, ours = best(lambda: write_pdf(doc), runs)
    total_s, _ = best(ours_end_to_end, runs)
    sp_parse_s, sp_doc = best(lambda: sp_fountain.parse(io.StringIO(text)), runs)
    sp_write_s, theirs = best(lambda: theirs_export(sp_doc), runs)
    sp_total_s, _ = best(theirs_end_to_end, runs)

    print(f"{path.name}: {len(text) / 1e3:.0f} kB, seconds, best of {runs}")
    print(f"{'':12} {'parse':>8} {'write':>8} {'total':>8} {'pages':>6} {'KB':>6}")
    print(f"{'adapt':12} {parse_s:8.3f} {write_s:8.3f} {total_s:8.3f} {pages(ours):6} "
          f"{len(ours) // 1024:6}")
    print(f"{'screenplain':12} {sp_parse_s:8.3f} {sp_write_s:8.3f} {sp_total_s:8.3f} "
          f"{pages(theirs):6} {len(theirs) // 1024:6}")
    ratio = total_s / sp_total_s
    diff = pages(ours) - pages(theirs)
    print(f"end-to-end ratio adapt/screenplain: {ratio:.2f} (target <= 0.50: "
          f"{'met' if ratio <= 0.5 else 'MISSED'}); write-only ratio "
          f"{write_s / sp_write_s:.2f}")
    print(f"page difference: {diff:+d} (target within ±4: "
          f"{'met' if abs(diff) <= 4 else 'MISSED'})")


if __name__ == "__main__":
    main()
