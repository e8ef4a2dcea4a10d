"""CPU seconds of each adapt stage on one story, all in this process and no forked copy
(issue 17: a change to a stage shows here whatever the machine's load does to wall time).

Run by hand:  python bench/bench_cpu.py [FILE] [RUNS]   (default: the 1 MB novel of
``bench_scale.py novel``; the best of RUNS fresh processes, 3 unless told)
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOVEL = ROOT.parent / "shared" / "pdnc-dev" / "PrideAndPrejudice" / "novel_text.txt"


def _measured(path: str) -> dict[str, float]:
    """One fresh process's stage times (CPU seconds)."""
    times: dict[str, float] = {}

    def clock(label: str, work, *args, **kwargs):  # type: ignore[no-untyped-def]
        t = time.process_time()
        try:
            return work(*args, **kwargs)
        finally:
            times[label] = times.get(label, 0.0) + time.process_time() - t

    def wrap(owner: object, name: str, label: str) -> None:
        work = getattr(owner, name)
        setattr(owner, name, lambda *a, **k: clock(label, work, *a, **k))

    sys.path.insert(0, str(ROOT / "src"))
    from adapt.read import forked
    forked.fork = lambda work: None  # type: ignore[assignment]
    clock("imports", __import__, "adapt.transform")
    from adapt.fountain import writer as fountain
    from adapt.read.prose import parse
    from adapt.scenes.story import read_story
    import adapt.speakers.attribution as attribution
    import adapt.transform as transform
    from adapt.transform.writer import Writer

    for name in ("narration_words", "collect_cast", "is_first_person", "read_turns", "fill_turns"):
        wrap(attribution, name, name)
    for name in ("attribute", "plan_scenes", "finish"):
        wrap(transform, name, name)
    wrap(Writer, "paragraph", "writer paragraphs")
    text = Path(path).read_text(encoding="utf-8")
    tree = clock("parse", parse, text, source=path)
    story = clock("read_story", read_story, tree, None)
    doc = clock("to_model", transform.to_model, story)
    render = fountain.write_fountain
    clock("render", render, doc)
    return times


def main() -> None:
    if len(sys.argv) > 2 and sys.argv[1] == "--measured":
        print(json.dumps(_measured(sys.argv[2])))
        return
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    with tempfile.TemporaryDirectory() as tmp:
        path = sys.argv[1] if len(sys.argv) > 1 else str(Path(tmp) / "novel.txt")
        if len(sys.argv) <= 1:
            pp = NOVEL.read_text(encoding="utf-8")
            big = pp + "\n\n" + pp
            Path(path).write_text(big[:big.rfind("\n\n", 0, 1_000_000)] + "\n", encoding="utf-8")
        env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
        found = [json.loads(subprocess.run([sys.executable, __file__, "--measured", path], check=True, env=env,
                                           capture_output=True, text=True).stdout) for _ in range(runs)]
    for label in found[0]:
        print(f"{label:20} {min(f[label] for f in found):6.3f} s")


if __name__ == "__main__":
    main()
