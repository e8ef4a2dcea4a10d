"""Names for the narrator and for unnamed speakers, from what the others call them once every line has a speaker."""
from __future__ import annotations

from collections import Counter, defaultdict

from adapt.read.beats import Beat, Paragraph
from adapt.speakers.cast import Cast
from adapt.speakers.evidence import Attribution
from adapt.speakers.names import TITLES, gender_of_title, is_name, names_in, plausible_name, vocatives
from adapt.speakers.resolver import NARRATOR, PLACEHOLDER, Resolver
from adapt.speakers.roles import own_name, role_name, speakers_by_paragraph, titled


def name_placeholders(beats: list[Beat], out: dict[tuple[int, int], Attribution], cast: Cast,
                      narrator: str | None, r: Resolver) -> None:
    """Name the narrator and unnamed he/she from what the others call them."""
    by_para, order = speakers_by_paragraph(out)
    addressed: dict[str, Counter[str]] = defaultdict(Counter)
    for n, bi in enumerate(order):
        speaker = by_para[bi]
        b = beats[bi]
        assert isinstance(b, Paragraph)
        called = [v for q in b.quotes for v in vocatives(q.text)]
        if not called:
            continue
        # The addressee: the nearest other speaker in the exchange.
        near = [by_para[order[k]] for k in sorted(range(n - 8, n + 9), key=lambda k: abs(k - n))
                if 0 <= k < len(order) and k != n]
        others = [s for s in near if s != speaker]
        if others:
            for v in called:
                addressed[others[0]][v] += 1
    # Names each speaker says in passing: "B" may stand for a "Buffy" said elsewhere.
    said: dict[str, Counter[str]] = defaultdict(Counter)
    for bi in order:
        b = beats[bi]
        assert isinstance(b, Paragraph)
        for q in b.quotes:
            for m in names_in(q.text):
                if m.start() > 0 and is_name(m.group(0)):
                    said[by_para[bi]][m.group(0)] += 1
    taken = {k for k in cast.genders} | {a.speaker for a in out.values()}
    own: dict[str, str] = {}  # "My name is Rosalind" in a line of the narrator's: her name, first
    asked = ""
    for (bi, i), a in sorted(out.items()):
        text = beats[bi].parts[i].text  # type: ignore[union-attr]
        if a.speaker.startswith("\x00") and (name := own_name(text, asked, a.speaker.endswith("voice"))):
            if plausible_name(name, r.proper) and r.canonical(name) not in taken:
                own.setdefault(a.speaker, name)
        asked = text
    names: dict[str, str] = {}
    placeholders = [NARRATOR, PLACEHOLDER["f"], PLACEHOLDER["m"]]
    placeholders += sorted({a.speaker for a in out.values() if a.speaker.startswith("\x00the ")
                            or (a.speaker.startswith("the ") and titled(a.speaker, r.known))})  # "the Professor"
    used: set[str] = set()
    for ph in placeholders:
        if ph == NARRATOR and narrator:
            names[ph] = narrator
            used.add(narrator)
            continue
        if ph == NARRATOR and not cast.first_person:
            continue  # no "I" tells it: nobody to name after what they are called
        who = own.get(ph) or titled(ph, r.known) or role_name(ph, r.role_votes.get(ph, Counter()), by_para, order)
        if who:
            names[ph] = who  # "the girl" of A Room with a View is Lucy, nearly every time
            continue
        counts = addressed.get(ph, Counter())
        for initial in [n for n in counts if len(n) == 1]:
            for other, heard in said.items():
                if other != ph:
                    for name in heard:
                        if name.startswith(initial) and len(name.split()) == 1:
                            counts[name] += 0  # a candidate the initial can expand to
        # A name of the other sex never names "the old gentleman" (a "Mrs. Bedwin" said
        # near him is someone he talks to).
        g = cast.genders.get(ph) or {PLACEHOLDER["f"]: "f", PLACEHOLDER["m"]: "m"}.get(ph)
        unlike = {n for n in counts if g and (cast.genders.get(r.canonical(n)) or gender_of_title(n)) not in (None, g)}
        best = _best_name(counts, exclude=used | unlike | {k for k in taken if not k.startswith("\x00") and k not in counts})
        if best and (ph in PLACEHOLDER.values() or ph == NARRATOR or counts[best] >= 2):
            names[ph] = best if (c := r.canonical(best)).startswith("\x00") else c  # "Nance" is Nancy
            used.add(best)
    for ph in placeholders:
        if ph not in names:
            names[ph] = {"\x00I": "NARRATOR", "\x00she": "WOMAN", "\x00he": "MAN"}.get(ph, ph[1:])
    cast.names = names


def _best_name(counts: Counter[str], exclude: set[str]) -> str | None:
    """Most frequent vocative; an initial ("B") counts for the name it abbreviates."""
    full = Counter({n: c for n, c in counts.items()
                    if len(n) > 1 and n not in exclude
                    and (len(n.split()) > 1 or n.rstrip(".") not in TITLES)})
    for n, c in counts.items():
        if len(n) == 1:
            match = [f for f in full if f.startswith(n)]
            if len(match) == 1:
                full[match[0]] += c
    if not full:
        return None
    return max(full, key=lambda n: full[n])
