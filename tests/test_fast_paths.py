"""The fast paths give exactly what the slow ways they replace give: lemminflect's lazy tables
(language/tables.py), the wrapped-line count (language/sentences.py)..."""
import random
import textwrap

from lemminflect.codecs.InflectionLUCodec import InflectionLUCodec
from lemminflect.codecs.LemmaLUCodec import LemmaLUCodec
from lemminflect.core.Inflections import Inflections
from lemminflect.core.Lemmatizer import Lemmatizer

from adapt.language.lexicon import lemmas, present
from adapt.language.sentences import wrapped_lines
from adapt.language.tables import LazyTable, _inflection_entry, _lemma_entry


def _same(lazy: LazyTable, eager: dict) -> None:
    assert set(lazy._lines) | set(lazy._done) == set(eager)  # the same words, none read wrong
    for word, entry in eager.items():
        got = lazy.get(word, {})
        assert got == entry and list(got) == list(entry), word  # same keys in the same order
    for word in ("", "xqzzy", "Said", "SAID", "walked,", "zebras'"):
        if word not in eager:
            assert lazy.get(word, {}) == {}


def test_lemma_table_word_by_word() -> None:
    fn = Lemmatizer().lemma_lu_fn
    _same(LazyTable(fn, _lemma_entry), LemmaLUCodec.load(fn))


def test_inflection_table_word_by_word() -> None:
    fn = Inflections().infl_lu_fn
    _same(LazyTable(fn, _inflection_entry, InflectionLUCodec.updateForAuxMod({})),
          InflectionLUCodec.load(fn))


def test_lookups_through_lemminflect() -> None:
    assert lemmas("said") == {"VERB": ("say",)}
    assert present("go", "3sg") == "goes" and present("be", "pl") == "are"
    assert isinstance(Lemmatizer().lemma_dict, LazyTable)


def test_wrapped_lines_counts_as_textwrap() -> None:
    rnd = random.Random(17)
    words = ["a", "bb", "word", "longerword", "x" * 9, "x" * 10, "x" * 11, "-", "well-known", "--",
             "---", "a-b-c", "-x", "x-", "\xa0", "é", "\t", "  ", ",", "\n", "—"]
    for _ in range(6000):
        s = rnd.choice([" ", " ", "", "-"]).join(rnd.choice(words) for _ in range(rnd.randint(0, 30)))
        s = rnd.choice(["", " "]) + s + rnd.choice(["", " "])
        width = rnd.choice([1, 3, 10, 12, 35])
        assert wrapped_lines(s, width) == len(textwrap.wrap(s, width)), (s, width)


def test_looks_english_as_before() -> None:
    from adapt.language.detect import _STOPWORDS, _WORD, _script, looks_english

    def slow(text: str) -> bool:
        words = [w.lower() for w in _WORD.findall(text)]
        if any(_script(c) != "latn" for w in words for c in w):
            return False
        english = sum(w in _STOPWORDS["en"] for w in words)
        foreign = max(sum(w in _STOPWORDS[lang] for w in words) for lang in _STOPWORDS if lang != "en")
        return not (foreign >= 3 and foreign > 2 * english)

    rnd = random.Random(3)
    pool = sorted({w for ws in _STOPWORDS.values() for w in ws}) + ["Archer", "Ölga", "ε", "日本", "x"]
    for _ in range(5000):
        text = " ".join(rnd.choice(pool) for _ in range(rnd.randint(0, 30)))
        assert looks_english(text) == slow(text), text


def test_phrase_count_as_findall() -> None:
    import re

    from adapt.scenes.plan import _count

    rnd = random.Random(5)
    bits = ["at ", "in ", "Lucas", "Lucas Lodge", "St. James's", "x", " ", ".", "é", "at Lucas", "_"]
    for _ in range(5000):
        text = "".join(rnd.choice(bits) for _ in range(rnd.randint(0, 30)))
        phrase = rnd.choice(["at Lucas", "in Lucas Lodge", "at St. James's", "at at"])
        assert _count(text, phrase) == len(re.findall(rf"\b{re.escape(phrase)}\b", text)), (text, phrase)


def test_cached_patterns_are_re_compile_s(tmp_path, monkeypatch) -> None:
    import re

    from adapt import patterns
    from adapt.scenes import places
    from adapt.speakers import tags

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(patterns, "_table", None)
    monkeypatch.setattr(patterns, "_live", {})
    sources = [(tags.tag_after().pattern, 0), (places.MOVE.pattern, re.I), (r"(?P<a>x)|(y)", re.I | re.M)]
    made = [patterns.compile(p, f) for p, f in sources]
    patterns.save()
    assert patterns.cache_file().is_file()
    monkeypatch.setattr(patterns, "_table", None)  # a new run: read back from the file
    monkeypatch.setattr(patterns, "_live", {})
    for (p, f), first in zip(sources, made, strict=True):
        again = patterns.compile(p, f)
        assert again == re.compile(p, f) == first  # equal patterns: the same compiled program
        assert again.groupindex == re.compile(p, f).groupindex
    assert patterns.compile(r"(?P<a>x)|(y)", re.I | re.M).match("Y").group(2) == "Y"


def test_damaged_or_unwritable_pattern_cache(tmp_path, monkeypatch) -> None:
    import re

    from adapt import patterns

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(patterns, "_live", {})
    path = patterns.cache_file()
    path.parent.mkdir(parents=True)
    path.write_bytes(b"\x00not marshal")
    monkeypatch.setattr(patterns, "_table", None)
    assert patterns.compile(r"a+b", 0) == re.compile(r"a+b")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "file"))
    (tmp_path / "file").write_text("not a folder")
    patterns.save()  # cannot write: ignored
    monkeypatch.setattr(patterns, "_table", {(r"a+b", 0): (0, b"junk", 0, {}, (None,))})
    monkeypatch.setattr(patterns, "_live", {})
    assert patterns.compile(r"a+b", 0) == re.compile(r"a+b")  # a bad entry: compiled afresh


def test_lookups_without_deep_copies() -> None:
    import lemminflect

    from adapt.language.tables import all_inflections, all_lemmas

    words = sorted(Lemmatizer()._getLemmaDict()._lines)[::7] + ["Said", "SAID", "xqzzy", "", "Paris"]
    for w in words:
        assert all_lemmas(w) == lemminflect.getAllLemmas(w), w
    lemmas_ = sorted(Inflections()._getInflDict()._lines)[::5] + ["be", "Be", "can", "xqzzy", "Walk"]
    for w in lemmas_:
        for upos in (None, "VERB", "NOUN", "PROPN", "ADJ", "AUX"):
            got, want = all_inflections(w, upos), lemminflect.getAllInflections(w, upos)
            assert got == want and list(got) == list(want), (w, upos)


def test_name_look_ahead_changes_no_match() -> None:
    import re

    from adapt.speakers import names

    assert all(re.match(names.UPPER, t) for t in names.TITLES)  # what the look-ahead relies on
    bare = re.compile(names.NAME.removeprefix(f"(?={names.UPPER})"))
    fast = re.compile(names.NAME)
    assert bare.pattern != fast.pattern
    text = ("Mr. Darcy bowed. 'Señora Ruiz!' cried Anne-Marie O'Brien to Mrs. Athelney Jones; "
            "then Зоя, Renée and Dr. Watson met Fräulein Ødegaard at St. James's. ") * 3
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in bare.finditer(text)]


def test_search_at_finds_the_leftmost_match() -> None:
    import re

    from adapt.patterns import search_at

    rnd = random.Random(9)
    bits = ["Anne", "Anne,", " a tall woman,", " the girl", "xAnne,", ", ", "é", " "]
    rx = re.compile(r"\bAnne,\s+((?:an?|the)\s+[^,.;:!?]{2,40}?),")
    for _ in range(5000):
        text = "".join(rnd.choice(bits) for _ in range(rnd.randint(0, 12)))
        want, got = rx.search(text), search_at(rx, text, "Anne,")
        assert (want and (want.span(), want.group(1))) == (got and (got.span(), got.group(1))), text


def test_wrapped_lines_with_a_limit() -> None:
    rnd = random.Random(4)
    words = ["a", "bb", "word", "longerword", "x" * 11, "well-known", "—"]
    for _ in range(3000):
        s = " ".join(rnd.choice(words) for _ in range(rnd.randint(0, 40)))
        width, limit = rnd.choice([5, 12, 35, 60]), rnd.choice([1, 2, 4])
        true = len(textwrap.wrap(s, width))
        got = wrapped_lines(s, width, limit)
        assert (got <= limit) == (true <= limit) and (got == true or true > limit), (s, width, limit)


def test_rewrites_worked_out_ahead_change_nothing(monkeypatch) -> None:
    from adapt.fountain.writer import write_fountain
    from adapt.read.prose import parse
    from adapt.transform import ahead, to_model

    rnd = random.Random(8)
    people = ["Anne", "Mr. Harrison", "Marilla", "she", "he"]
    moves = ["walked into the kitchen", "had gone to the garden", "was sitting in the parlour",
             "looked at the window and sighed", "never knew why the door was shut"]
    paragraphs = []
    for i in range(700):
        who = rnd.choice(people)
        line = f"{who[:1].upper()}{who[1:]} {rnd.choice(moves)}."
        if i % 3 == 0:
            line = f'"Is it late?" said {rnd.choice(people[:3])}. {line}'
        paragraphs.append(line)
    text = "\n\n".join(paragraphs) + "\n"
    started: list[bool] = []
    real_start = ahead.start

    def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
        copy = real_start(*args, **kwargs)
        started.append(copy is not None)
        return copy

    monkeypatch.setattr(ahead, "start", counted)
    with_copy = write_fountain(to_model(parse(text), title="T"))
    monkeypatch.setattr(ahead, "MIN_BEATS", 10 ** 9)
    alone = write_fountain(to_model(parse(text), title="T"))
    assert with_copy == alone
    import os
    if hasattr(os, "fork") and (os.cpu_count() or 1) >= 2:
        assert started[0]  # the copy did run


def test_word_tables_from_a_damaged_cache(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    fn = Lemmatizer().lemma_lu_fn
    fresh = LazyTable(fn, _lemma_entry)  # builds, and writes the cache
    (cached,) = list((tmp_path / "adapt").glob("tables-*"))
    again = LazyTable(fn, _lemma_entry)  # from the cache
    cached.write_bytes(b"junk")
    damaged = LazyTable(fn, _lemma_entry)  # built afresh
    for word in ("said", "walked", "xqzzy", "'d"):
        assert fresh.get(word, {}) == again.get(word, {}) == damaged.get(word, {})
    assert fresh.get("said") == {"VERB": ("say",)}
    assert again._lines == fresh._lines == damaged._lines


def _third_person_story(seed: int) -> str:
    rnd = random.Random(seed)
    people = ["Anne", "Mr. Harrison", "Marilla", "Diana"]
    moves = ["walked into the kitchen", "had gone to the garden", "was sitting in the parlour",
             "looked at the window and sighed", "never knew why the door was shut"]
    paragraphs = []
    for i in range(600):
        who = rnd.choice(people + ["She", "He"])
        line = f"{who} {rnd.choice(moves)}. Price came when {rnd.choice(people)} {rnd.choice(moves)}."
        if i % 3 == 0:
            line = f'"Is it late, {rnd.choice(people)}?" said {rnd.choice(people)}, coldly. {line}'
        paragraphs.append(line)
    return "\n\n".join(paragraphs) + "\n"


def test_copy_started_before_attribution_changes_nothing(monkeypatch) -> None:
    """The copy that starts from the cast attribution first finds (transform/guess.py) gives
    the script written alone, whether that guess is right or wrong; a right guess spares the
    writer most rewrites."""
    import os
    import select

    from adapt.action import voice
    from adapt.fountain.writer import write_fountain
    from adapt import transform
    from adapt.read.prose import parse
    from adapt.transform import ahead, guess, to_model

    text = _third_person_story(3)
    calls = {"n": 0}
    real = voice.to_action

    def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        return real(*args, **kwargs)

    monkeypatch.setattr(voice, "to_action", counted)
    real_reached = ahead.Ahead.reached

    def patient(self, bi):  # type: ignore[no-untyped-def]
        """The writer first takes all the copy sends: the count below must not race it."""
        while bi == 0 and self.fd >= 0 and self.low > 0:
            select.select([self.fd], [], [], 1.0)
            self._read()
        real_reached(self, bi)

    monkeypatch.setattr(ahead.Ahead, "reached", patient)
    real_take = ahead.Ahead.take

    def patient_take(self, key):  # type: ignore[no-untyped-def]
        while key not in self.memo and self.fd >= 0:
            select.select([self.fd], [], [], 1.0)
            self._read()
        return real_take(self, key)

    monkeypatch.setattr(ahead.Ahead, "take", patient_take)
    planned: list[int] = []
    real_plan = transform.plan_scenes
    monkeypatch.setattr(transform, "plan_scenes", lambda *a, **k: planned.append(1) or real_plan(*a, **k))
    guessed = write_fountain(to_model(parse(text), title="T"))
    with_guess, planned_with_guess = calls["n"], len(planned)
    real_start = guess.Early.__call__
    monkeypatch.setattr(guess.Early, "__call__", lambda self, known, genders, people, first: real_start(self, set(), {}, set(), first))
    wrong = write_fountain(to_model(parse(text), title="T"))  # no names: the keys differ
    monkeypatch.setattr(guess.Early, "__call__", real_start)
    monkeypatch.setattr(ahead, "MIN_BEATS", 10 ** 9)
    calls["n"] = 0
    alone = write_fountain(to_model(parse(text), title="T"))
    assert guessed == wrong == alone
    if hasattr(os, "fork") and (os.cpu_count() or 1) >= 2:
        assert with_guess < calls["n"] // 2, (with_guess, calls["n"])  # the copy's rewrites were taken
        assert planned_with_guess == 0 and len(planned) == 1  # and its scene plan (alone: planned here)


def test_rewrite_keyed_by_the_names_its_passage_writes() -> None:
    """A cast name the passage never writes changes nothing in its rewrite."""
    from adapt.action.voice import to_action

    passages = ["Archer choked. Price was there, and Grant's hat fell.",
                "After supper Anne sat by the fire. Will went out; May had gone.",
                "O'Hara looked at Archer’s coat and laughed."]
    names = frozenset({"Archer", "Price", "Grant", "Anne", "Will", "May", "Hara", "Olenska", "Newland"})
    for text in passages:
        mentioned = frozenset(n for n in names if n in text)
        for how in ({"narrator": None, "tense": "past"}, {"narrator": "Newland", "pronoun": "he"}):
            assert to_action(text, names=names, **how) == to_action(text, names=mentioned, **how)


def test_copy_plan_taken_only_where_the_cast_answers_the_same() -> None:
    from adapt.scenes.plan import Start
    from adapt.transform import guess

    class Sent:
        def __init__(self, found):  # type: ignore[no-untyped-def]
            self.found = found

        def take(self, key):  # type: ignore[no-untyped-def]
            return self.found

    starts = {0: Start("INT. BATH - DAY")}
    assert guess.planned(Sent((starts, {"Bath": False})), frozenset({"Anne"})) == starts  # type: ignore[arg-type]
    assert guess.planned(Sent((starts, {"Bath": False})), frozenset({"Bath"})) is None  # type: ignore[arg-type]
    needs_main = {0: Start(f"INT. {guess._MAIN.upper()}'S HOUSE - DAY", "a guess")}
    assert guess.planned(Sent((needs_main, {})), frozenset()) is None  # type: ignore[arg-type]
    assert guess.planned(Sent(None), frozenset()) is None  # type: ignore[arg-type]
    names = guess._Asked({"Anne"})
    names.asked = {}  # type: ignore[attr-defined]
    assert "Anne" in names and "Bath" not in names
    assert names.asked == {"Anne": True, "Bath": False}  # type: ignore[attr-defined]


def test_story_read_in_a_copy_is_the_story_read_here(monkeypatch) -> None:
    """cli/reading.py: the story a forked copy reads and sends is the one read here; a text
    the copy cannot read comes back as None (the CLI then reads it, and reports it)."""
    import os

    from adapt.cli import reading
    from adapt.read.prose import parse
    from adapt.scenes.story import read_story

    if not hasattr(os, "fork") or (os.cpu_count() or 1) < 2:
        return
    monkeypatch.setattr(reading, "MIN_CHARS", 0)
    text = _third_person_story(5)
    copy = reading.start(text, "t.txt", None)
    assert copy is not None
    assert copy.story() == read_story(parse(text))
    copy.close()  # the copy is reaped here, not when its story arrives
    from adapt.scenes import story

    def fails(*args):  # type: ignore[no-untyped-def]
        raise ValueError("cannot read")

    monkeypatch.setattr(story, "read_story", fails)
    broken = reading.start(text, "t.txt", None)  # the copy fails: nothing sent
    assert broken is not None and broken.story() is None
    broken.close()
    monkeypatch.undo()
    monkeypatch.setattr(reading, "MIN_CHARS", 0)
    copy = reading.start(text, "t.txt", None)
    assert copy is not None
    copy.close()  # never read: ended, not left running
    assert copy.fd < 0


def test_turn_scores_worked_out_once_change_nothing(monkeypatch) -> None:
    """The turn model's terms for a line and a speaker, kept after the first ask
    (``exchange._Exchange._line_and_speaker``), give every score to the last bit, and the
    same speakers, as working each score out afresh."""
    from adapt.read.prose import parse
    from adapt.scenes.story import read_story
    from adapt.speakers import exchange
    from adapt.speakers.attribution import attribute

    rnd = random.Random(17)
    people = ["Anne", "Diana", "Mr. Harrison", "Marilla"]
    lines = ["Is it late?", "I never said so, Diana.", "Marilla, do come in.", "Well, sir?",
             "Mr. Harrison knows why.", "No.", "Anne is right, madam."]
    paragraphs = []
    for i in range(300):
        line = f'"{rnd.choice(lines)}"'
        if i % 5 == 0:
            line += f" said {rnd.choice(people)}."
        elif i % 7 == 0:
            line = f"{rnd.choice(people)} looked up. {line}"
        elif i % 11 == 0:
            line = f"{rnd.choice(people)} had gone to the garden."
        paragraphs.append(line)
    beats = read_story(parse("\n\n".join(paragraphs) + "\n"), "en").structure.beats
    asked: list[tuple[exchange._Exchange, tuple, float]] = []
    real = exchange._Exchange.score

    def recorded(self, i, s, s1, s2, ev, genders):  # type: ignore[no-untyped-def]
        v = real(self, i, s, s1, s2, ev, genders)
        asked.append((self, (i, s, s1, s2, ev, genders), v))
        return v

    monkeypatch.setattr(exchange._Exchange, "score", recorded)
    kept = attribute(beats)
    assert len(asked) > 1000 and any(ex._alone for ex, _, _ in asked)
    for ex, args, v in asked:
        ex._alone.clear()  # afresh: no term kept from an earlier ask
        assert real(ex, *args) == v, args[:4]

    def fresh(self, i, s, s1, s2, ev, genders):  # type: ignore[no-untyped-def]
        self._alone.clear()
        return real(self, i, s, s1, s2, ev, genders)

    monkeypatch.setattr(exchange._Exchange, "score", fresh)
    assert attribute(beats)[0] == kept[0]


def test_names_in_is_one_scan_of_the_text(monkeypatch) -> None:
    from adapt.speakers import names
    from adapt.speakers.resolver import NAME_RE

    text = 'said Mr. Darcy. "Miss Bennet," Lady Catherine de Bourgh began; Jane and Anne-Marie O\'Brien'
    spans = [(m.span(), m.group(0)) for m in NAME_RE.finditer(text)]
    assert [(m.span(), m.group(0)) for m in names.names_in(text)] == spans
    assert names.names_in(text) is names.names_in(text)  # scanned once
    monkeypatch.setattr(names, "_NAMES_IN_MAX", 1)  # a full memo is emptied, never wrong
    assert [(m.span(), m.group(0)) for m in names.names_in("So Elizabeth smiled at Jane.")] == [((0, 12), "So Elizabeth"), ((23, 27), "Jane")]
    assert [(m.span(), m.group(0)) for m in names.names_in(text)] == spans


def test_finditer_at_finds_what_finditer_finds() -> None:
    import re

    from adapt.patterns import finditer_at

    rx = re.compile(r"\bold ([A-Z][a-z]+(?: [A-Z][a-z]+)?)")
    text = "old Tom. Bold Sam, gold Jim; old old Ann old Mrs Old old Joe Old\nold X old Bob Smith"
    assert [m.span() for m in finditer_at(rx, text, "old ")] == [m.span() for m in rx.finditer(text)]
    assert list(finditer_at(rx, "no one here", "old ")) == []


def test_a_story_no_i_tells_keeps_the_pronoun_the_copy_working_ahead_guessed() -> None:
    # The copy (transform/guess.py) rewrites a third-person story with "they" for the narrator;
    # a stray line under NARRATOR named after "Miss Crawford" must not make every key differ
    # (Mansfield Park and Pride and Prejudice in one file took a fifth longer so).
    from adapt.speakers.attribution import Cast
    from adapt.speakers.resolver import NARRATOR
    from adapt.transform import Options, _pronoun
    assert _pronoun(Cast(first_person=False), Options(), "Miss Crawford") == "they"
    assert _pronoun(Cast(genders={NARRATOR: "f"}, first_person=False), Options(), None) == "they"
    assert _pronoun(Cast(genders={NARRATOR: "f"}, first_person=True), Options(), None) == "she"
    assert _pronoun(Cast(first_person=True), Options(), "Miss Crawford") == "she"
    assert _pronoun(Cast(first_person=False), Options(pronoun="he"), None) == "he"
