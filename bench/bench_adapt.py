"""Seconds to adapt the seed story and a PDNC novel, and scaling (1×, 2×, 8×, 15× ≈ 10 MB) with peak memory.

Run by hand:  python bench/bench_adapt.py   (needs ../shared beside the repo for the novel)
"""
from __future__ import annotations

import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOVEL = ROOT.parent / "shared" / "pdnc-dev" / "PrideAndPrejudice" / "novel_text.txt"


def timed(text: str) -> float:
    from adapt.fountain.writer import write_fountain
    from adapt.read.prose import parse
    from adapt.transform import to_model
    t = time.perf_counter()
    write_fountain(to_model(parse(text), title="Bench"))
    return time.perf_counter() - t


def child(times: int) -> None:
    text = "\n\n".join([NOVEL.read_text(encoding="utf-8")] * times)
    secs = timed(text)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    mb = len(text.encode()) / 1e6
    print(f"{times}x novel: {mb:6.2f} MB  {secs:6.2f} s  {mb / secs:5.2f} MB/s  peak {peak:6.0f} MB")


def main() -> None:
    sys.path.insert(0, str(ROOT / "src"))
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        child(int(sys.argv[2]))
        return
    seed = (ROOT / "seeds" / "tourniquet.txt").read_text(encoding="utf-8")
    timed(seed)  # warm: grammar, lemminflect tables
    print(f"seed story: {min(timed(seed) for _ in range(3)):.3f} s")
    if not NOVEL.exists():
        print("PDNC novel not found; skipping the novel runs")
        return
    for n in (1, 2, 8, 15):  # a fresh process each, so peak memory is per size (15× ≈ 10 MB)
        subprocess.run([sys.executable, __file__, "--child", str(n)], check=True)


if __name__ == "__main__":
    main()
