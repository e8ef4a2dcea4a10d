"""How often each attribution pass fires and how often it is right, on the PDNC development novels.

    python bench/attribution_report.py                 # all ten novels in ../shared/pdnc-dev
    python bench/attribution_report.py --novels Emma   # some of them
    python bench/attribution_report.py --errors 20     # also print 20 wrong lines per novel
    python bench/attribution_report.py --cues          # also the characters the script gives several cues

Runs the reading and attribution stages in process (no writers), aligns each PDNC quotation
with the quotation it falls in, and scores the cue the script would print against PDNC's
speaker through its alias list, the way ../shared/tools/pdnc_eval.py does (its helper functions
are imported from there). Per pass: fired (quotations it decided), right, precision. The
figures come close to pdnc_eval's; that tool stays the reference.
"""
from __future__ import annotations

import argparse
import ast
import csv
import re
import sys
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(SHARED / "tools"))
sys.path.insert(0, str(ROOT / "src"))


def _norm(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", "", s.lower())


def evaluate(novel: Path, errors: int = 0, only: str | None = None, kind: str | None = None,
             cues: bool = False) -> tuple[str, Counter[str], Counter[str], list[str]]:
    """(name, fired per pass, right per pass, sample of wrong lines) for one novel."""
    import pdnc_eval  # ../shared/tools: characters(), resolve()

    from adapt.read.decode import read_input
    from adapt.read.prose import parse
    from adapt.transform import Options, speaker_table

    text, source = read_input(str(novel / "novel_text.txt"))
    table = speaker_table(parse(text, source=source), Options())
    # Our quotations in order, with the cue the script prints and the pass that decided.
    ours = [(_norm(words), cue, how) for words, cue, how in table]
    chars, owner, _ = pdnc_eval.characters(str(novel / "character_info.csv"))
    fired: Counter[str] = Counter()
    right: Counter[str] = Counter()
    wrong: list[str] = []
    ptr = 0
    with open(novel / "quotation_info.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            subs = ast.literal_eval(row["subQuotationList"]) or [row["quoteText"]]
            q = _norm(max(subs, key=len))
            if not q:
                continue
            found = next((j for j in range(ptr, min(len(ours), ptr + 80)) if q in ours[j][0]), None)
            if found is None:
                fired["(not found)"] += 1
                continue
            ptr = found
            _, cue, how = ours[found]
            gold = owner.get(row["speaker"].strip(), row["speaker"].strip())
            ok = gold in pdnc_eval.resolve(cue, chars)
            fired[how] += 1
            right[how] += ok
            fired["all"] += 1
            right["all"] += ok
            if not ok and len(wrong) < errors and only in (None, how) and kind in (None, row["quoteType"]):
                wrong.append(f"  {row['quoteType'][:4]} {how:10} got {cue!r:24} gold {gold!r:24} {row['quoteText'][:50]!r}")
    if cues:
        wrong += _split_cues(table, chars)
    return novel.name, fired, right, wrong


def _split_cues(table: list[tuple[str, str, str]], chars: dict[str, set[str]]) -> list[str]:
    """PDNC characters whose lines stand under more than one cue (each cue at least twice)."""
    import pdnc_eval

    count = Counter(cue for _, cue, _ in table)
    by: dict[str, list[str]] = {}
    for cue, n in count.most_common():
        named = pdnc_eval.resolve(cue, chars)
        if len(named) == 1 and n >= 2:
            by.setdefault(named[0], []).append(f"{cue} {n}")
    return [f"  several cues: {who}: {', '.join(c)}" for who, c in by.items() if len(c) > 1]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--novels", nargs="*", help="folder names under ../shared/pdnc-dev (default: all)")
    ap.add_argument("--errors", type=int, default=0, help="print this many wrong lines per novel")
    ap.add_argument("--pass", dest="only", help="print wrong lines of this pass only")
    ap.add_argument("--type", dest="kind", help="print wrong lines of this PDNC quotation type only (Explicit...)")
    ap.add_argument("--cues", action="store_true", help="also list the characters given several cues")
    ap.add_argument("-j", type=int, default=2, help="processes")
    args = ap.parse_args()
    root = SHARED / "pdnc-dev"
    novels = [root / n for n in args.novels] if args.novels else sorted(p.parent for p in root.glob("*/novel_text.txt"))
    total_f: Counter[str] = Counter()
    total_r: Counter[str] = Counter()
    with ProcessPoolExecutor(args.j) as pool:
        n = len(novels)
        results = list(pool.map(evaluate, novels, [args.errors] * n, [args.only] * n, [args.kind] * n, [args.cues] * n))
    for name, fired, right, wrong in results:
        print(f"{name:22} {right['all']:5}/{fired['all']:5} = {100 * right['all'] / max(1, fired['all']):5.1f} %  "
              + "  ".join(f"{k} {right[k]}/{fired[k]}" for k in sorted(fired) if k != "all"))
        for line in wrong:
            print(line)
        total_f.update(fired)
        total_r.update(right)
    print(f"\n{'pass':14} {'fired':>7} {'right':>7} {'precision':>9}")
    for k in sorted(total_f, key=lambda k: (k == "all", -total_f[k])):
        print(f"{k:14} {total_f[k]:7} {total_r[k]:7} {100 * total_r[k] / max(1, total_f[k]):8.1f} %")
    return 0


if __name__ == "__main__":
    sys.exit(main())
