"""Do two versions of adapt write the same bytes? The proof a refactoring needs.

    python bench/same_output.py --save /tmp/before     # on the old commit
    python bench/same_output.py --check /tmp/before    # on the new one: lists every file that differs

Adapts the seed to all four formats and each PDNC development novel (../shared/pdnc-dev) to
Fountain, with the installed (or source-tree) adapt, in one process per input.
Exit 1 when --check finds a difference.
"""
from __future__ import annotations

import argparse
import difflib
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "tourniquet.txt"
NOVELS = ROOT.parent / "shared" / "pdnc-dev"


def _jobs() -> list[tuple[Path, list[str]]]:
    """(input, output names) per run; the seed in every format, novels as Fountain."""
    jobs = [(SEED, ["seed.fountain", "seed.pdf", "seed.fdx", "seed.html"])]
    for novel in sorted(NOVELS.glob("*/novel_text.txt")):
        jobs.append((novel, [f"{novel.parent.name}.fountain"]))
    return jobs


def _adapt(src: Path, names: list[str], out: Path) -> None:
    first, *rest = names
    flags = [f"--{Path(n).suffix[1:]}" for n in rest]
    subprocess.run([sys.executable, "-m", "adapt", str(src), "-o", str(out / first), "-q", *flags],
                   check=True)
    for n in rest:  # --pdf etc. write beside the -o file under its stem
        made = (out / first).with_suffix(Path(n).suffix)
        if made != out / n:
            made.rename(out / n)


def build(out: Path) -> list[str]:
    out.mkdir(parents=True, exist_ok=True)
    jobs = _jobs()
    with ThreadPoolExecutor(2) as pool:
        list(pool.map(lambda j: _adapt(j[0], j[1], out), jobs))
    return [n for _, names in jobs for n in names]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    g = ap.add_mutually_exclusive_group(required=True)
    g.add_argument("--save", type=Path, help="write the outputs into this folder")
    g.add_argument("--check", type=Path, help="compare fresh outputs with this folder")
    args = ap.parse_args()
    if args.save:
        names = build(args.save)
        print(f"saved {len(names)} outputs in {args.save}")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        names = build(Path(tmp))
        differ = []
        for n in names:
            old, new = args.check / n, Path(tmp) / n
            if not old.exists() or old.read_bytes() != new.read_bytes():
                differ.append(n)
                if n.endswith(".fountain") and old.exists():
                    diff = list(difflib.unified_diff(old.read_text().splitlines(),
                                                     new.read_text().splitlines(), lineterm="", n=0))
                    changed = sum(1 for d in diff if d[:1] in "+-" and not d.startswith(("+++", "---")))
                    print(f"{n}: {changed} lines differ")
                else:
                    print(f"{n}: differs")
        print(f"{len(names) - len(differ)}/{len(names)} outputs byte-identical")
        return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
