"""Benchmark: adapt.read.decode.decode on novel-sized and limit-sized inputs.

Run: PYTHONPATH=src python bench/bench_decode.py
"""
from __future__ import annotations

import logging
import time

from adapt.read.decode import MAX_BYTES, decode

PARAGRAPH = (
    "\t“Come in,” she said\u00a0— and he did… The café was closed.\r\n"
    "He waited by the door, counting the rain.   \r\n\r\n"
)


def _time(label: str, data: bytes) -> None:
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        decode(data, source=label)
        best = min(best, time.perf_counter() - start)
    mb = len(data) / 2**20
    print(f"{label:<22} {mb:6.1f} MB  {best * 1000:8.1f} ms  {mb / best:6.1f} MB/s")


def main() -> None:
    logging.disable(logging.WARNING)  # the "read it as Windows-1252" notes
    for size_mb in (2, 19):
        text = PARAGRAPH * (size_mb * 2**20 // len(PARAGRAPH.encode()))
        _time(f"utf-8 {size_mb} MB", text.encode("utf-8"))
        _time(f"cp1252 {size_mb} MB", text.encode("cp1252"))
        _time(f"utf-16 {size_mb} MB", text.encode("utf-16")[: MAX_BYTES])


if __name__ == "__main__":
    main()
