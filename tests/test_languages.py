"""Other languages: quotation conventions, dash dialogue, language detection, no English
rewriting of other languages' narration, speech verbs, the HTML preview's lang."""
from __future__ import annotations

import pytest

from adapt.language.detect import detect
from adapt.language.speech_verbs import inline_tag, is_speech_verb
from adapt.model import Action, Dialogue, Note, Screenplay, Speech
from adapt.read.marks import ENGLISH, Marks, speech_marks
from adapt.read.prose import parse
from adapt.transform import Options, to_model
from adapt.writers.html import write_html


def adapt(text: str, **opts: object) -> Screenplay:
    return to_model(parse(text), title="Story", options=Options(**opts))  # type: ignore[arg-type]


def spoken(doc: Screenplay) -> list[str]:
    """Every speech, in order."""
    return [p.text for el in doc.elements if isinstance(el, Dialogue)
            for p in el.parts if isinstance(p, Speech)]


def action(doc: Screenplay) -> str:
    return " ".join(el.text for el in doc.elements if isinstance(el, Action))


def cues(doc: Screenplay) -> list[str]:
    return [el.character for el in doc.elements if isinstance(el, Dialogue)]


# One small story per convention: (text, its speeches, words that must stay narration).
STORIES = {
    "french « »": ("""Le soir tombait sur la ville et Marie attendait son frère depuis une heure.

« Où étais-tu ? » demanda Marie.

« Dans le jardin », répondit Paul. « Il fait froid ce soir. »

Marie sourit et sortit dans la nuit. L’homme la regarda partir sans un mot.
""", ["Où étais-tu ?", "Dans le jardin", "Il fait froid ce soir."], ["Marie sourit", "L’homme la regarda"]),
    "german „ “": ("""Der Abend kam über die Stadt, und Anna wartete auf ihren Bruder.

„Wo warst du?“, fragte Anna.

„Im Garten“, sagte Peter. „Es ist kalt draußen.“

Anna lachte und ging hinaus. Sie hatte es nicht eilig, denn die Nacht war noch jung.
""", ["Wo warst du?", "Im Garten", "Es ist kalt draußen."], ["Anna lachte und ging hinaus"]),
    "german » «": ("""Der Abend kam über die Stadt, und Anna wartete auf ihren Bruder.

»Wo warst du?«, fragte Anna.

»Im Garten«, sagte Peter. »Es ist kalt draußen.«

Anna lachte und ging hinaus. Sie hatte es nicht eilig, denn die Nacht war noch jung.
""", ["Wo warst du?", "Im Garten", "Es ist kalt draußen."], ["Anna lachte und ging hinaus"]),
    "polish „ ”": ("""Wieczór zapadał nad miastem, a Anna czekała na brata.

„Gdzie byłeś?” — zapytała Anna.

„W ogrodzie” — odpowiedział Piotr. „Jest zimno.”

Anna zaśmiała się i wyszła. Noc była jeszcze młoda i nie było się po co spieszyć.
""", ["Gdzie byłeś?", "W ogrodzie", "Jest zimno."], ["Anna zaśmiała się i wyszła"]),
    "swiss ‹ ›": ("""Der Abend kam über die Stadt, und Anna wartete auf ihren Bruder.

‹Wo warst du?›, fragte Anna.

‹Im Garten›, sagte Peter. ‹Es ist kalt draußen.›

Anna lachte und ging hinaus. Sie hatte es nicht eilig, denn die Nacht war noch jung.
""", ["Wo warst du?", "Im Garten", "Es ist kalt draußen."], ["Anna lachte und ging hinaus"]),
    "japanese 「」": ("""夜が町に降りてきた。花子は兄を待っていた。

「どこにいたの？」と花子は聞いた。

「庭にいたよ」と太郎は答えた。「外は寒い。」

花子は笑って外に出た。夜はまだ若かった。
""", ["どこにいたの？", "庭にいたよ", "外は寒い。"], ["花子は笑って外に出た"]),
    "japanese 『』": ("""夜が町に降りてきた。花子は兄を待っていた。

『どこにいたの？』と花子は聞いた。

『庭にいたよ』と太郎は答えた。『外は寒い。』

花子は笑って外に出た。夜はまだ若かった。
""", ["どこにいたの？", "庭にいたよ", "外は寒い。"], ["花子は笑って外に出た"]),
    "chinese 「」": ("""夜幕降臨在城市上空，她一直在等她的哥哥回家。

「你去哪裡了？」她問。

「我在花園裡，」他說。「外面很冷。」

她笑了笑，走了出去。夜還很長。
""", ["你去哪裡了？", "我在花園裡，", "外面很冷。"], ["她笑了笑"]),
    "russian dashes": ("""Ольга вошла в комнату и села у окна. Было холодно, и за окном шёл снег.

— Где ты был? — спросила Ольга.

— В саду, — ответил Иван. — Там холодно.

— Я знаю, — сказала она.

Она посмотрела на него и ничего не сказала. Он снял пальто и повесил его на крючок.
""", ["Где ты был?", "В саду", "Там холодно.", "Я знаю."], ["Она посмотрела на него"]),
    "greek dashes": ("""Η Μαρία μπήκε στο δωμάτιο και κάθισε κοντά στο παράθυρο. Έξω έκανε κρύο.

— Πού ήσουν; — ρώτησε η Μαρία.

— Στον κήπο, — απάντησε ο Γιάννης. — Κάνει κρύο εκεί.

— Το ξέρω, — είπε εκείνη.

Τον κοίταξε και δεν είπε τίποτα. Εκείνος έβγαλε το παλτό του.
""", ["Πού ήσουν;", "Στον κήπο", "Κάνει κρύο εκεί.", "Το ξέρω."], ["Τον κοίταξε"]),
    "spanish dashes": ("""La noche caía sobre la ciudad y María esperaba a su hermano desde hacía una hora.

—¿Dónde estabas? —preguntó María.

—En el jardín —dijo Juan—. Hace frío.

—Lo sé —respondió ella.

María sonrió y salió a la noche. No tenía ninguna prisa por volver.
""", ["¿Dónde estabas?", "En el jardín", "Hace frío.", "Lo sé"], ["María sonrió y salió"]),
    "french « » and — replies": ("""Le soir tombait sur la ville et Marie attendait son frère depuis une heure.

« Où étais-tu ? demanda Marie.

— Dans le jardin, répondit Paul. Il fait froid ce soir.

— Je sais, dit-elle. »

Marie sourit et sortit dans la nuit. L’homme la regarda partir sans un mot.

— Reviens vite ! cria-t-il.
""", ["Où étais-tu ?", "Dans le jardin", "Il fait froid ce soir.", "Je sais.", "Reviens vite !"],
        ["Marie sourit et sortit"]),
}


@pytest.mark.parametrize("name", STORIES)
def test_each_convention_speaks_in_dialogue(name: str) -> None:
    text, speeches, narration = STORIES[name]
    doc = adapt(text)
    said = spoken(doc)
    for speech in speeches:
        assert any(speech in s for s in said), (speech, said)
    for words in narration:
        assert words in action(doc), (words, action(doc))
        assert not any(words in s for s in said)


def test_the_marks_are_decided_per_document() -> None:
    assert speech_marks(STORIES["french « »"][0]) == Marks("«", "»")
    assert speech_marks(STORIES["german » «"][0]) == Marks("»", "«")
    assert speech_marks(STORIES["german „ “"][0]) == Marks("„", "“")
    assert speech_marks(STORIES["polish „ ”"][0]) == Marks("„", "”")
    assert speech_marks(STORIES["japanese 「」"][0]) == Marks("「", "」")
    # An English story quoting a French sign and a German word keeps English marks.
    english = ('"Look," said Tom, "the sign says « Défense d\'entrer » and the other '
               '« Privé », and «Sortie» too." "And „Ausgang“?" asked Ann. "Yes," said Tom.\n')
    assert speech_marks(english) == ENGLISH


def test_nested_quotes_and_apostrophes_stay_as_written() -> None:
    doc = adapt("""Le soir tombait sur la ville et Marie attendait son frère depuis une heure.

« Il m’a dit “non”, tout simplement », répondit Paul. « C’est l’hiver. »

Marie sourit. L’homme la regarda partir sans un mot, puis il ferma la porte.
""")
    assert any(s.startswith("Il m’a dit “non”, tout simplement") for s in spoken(doc))
    assert "L’homme la regarda partir" in action(doc)


def test_joyce_dash_dialogue_gets_cues_and_keeps_its_tense() -> None:
    doc = adapt("""Stately, plump Buck Mulligan came from the stairhead, bearing a bowl of lather.

—I was up all night, said Stephen. It was cold.

Buck Mulligan looked at him and laughed at once.

—Back to barracks! he said sternly.

—I knew you would come, said Stephen.
""")
    said = " ".join(spoken(doc))
    assert "I was up all night." in said  # not "I am up all night"
    assert "It was cold." in said and "said" not in said
    assert "I knew you would come." in said
    assert cues(doc)[0] == "STEPHEN" and cues(doc)[-1] == "STEPHEN"
    assert "looks at him and laughs" in action(doc)  # English narration is still rewritten


def test_an_english_novel_with_a_stray_dash_paragraph_reads_as_before() -> None:
    text = ('"Hello," said Tom. "How are you?"\n\n"Fine," said Ann.\n\n'
            '"Good," said Tom.\n\n"Yes," said Ann.\n\n—and then the rain came down.\n')
    doc = adapt(text)
    assert "and then the rain" in action(doc).lower()
    assert not any("rain" in s for s in spoken(doc)) and doc.title.get("Language") is None


def test_other_languages_keep_their_narration_with_one_note() -> None:
    doc = adapt(STORIES["russian dashes"][0])
    notes = [el.text for el in doc.elements if isinstance(el, Note) and el.text.startswith("language")]
    assert len(notes) == 1 and "Russian" in notes[0]
    assert "Ольга вошла в комнату и села у окна." in action(doc)
    assert doc.title.get("Language") == "ru"
    assert '<html lang="ru">' in write_html(doc)
    assert not any(isinstance(el, Note) and el.text.startswith("language")
                   for el in adapt(STORIES["russian dashes"][0], notes=False).elements)
    english = adapt('"Hello," said Tom. He walked home.\n')
    assert '<html lang="en">' in write_html(english) and english.title.get("Language") is None


def test_the_language_option_wins_over_detection() -> None:
    doc = adapt("Tom walked home. He was tired and it was late.\n", language="fr")
    assert "Tom walked home." in action(doc)  # kept as written: the user says it is French


@pytest.mark.parametrize("lang", ["fr", "de", "es", "ru", "el", "ja", "zh"])
def test_detect_reads_the_stories(lang: str) -> None:
    key = {"fr": "french « »", "de": "german „ “", "es": "spanish dashes", "ru": "russian dashes",
           "el": "greek dashes", "ja": "japanese 「」", "zh": "chinese 「」"}[lang]
    assert detect(STORIES[key][0]) == lang


def test_detect_other_latin_languages_and_english() -> None:
    assert detect("Era una notte buia e tempestosa. Il vento soffiava e la pioggia cadeva "
                  "sulla città che dormiva. Non c'era nessuno per le strade, e la luna non si "
                  "vedeva più da giorni. Lei aspettava il suo amico con la lampada accesa.") == "it"
    assert detect("Era uma noite escura e tempestuosa. O vento soprava e a chuva caía sobre a "
                  "cidade que dormia. Não havia ninguém nas ruas, e a lua não se via há dias. "
                  "Ela esperava o seu amigo com a lâmpada acesa na janela da casa.") == "pt"
    assert detect("It was a dark and stormy night. The wind blew and the rain fell on the town "
                  "that slept. There was no one in the streets, and she waited for her friend.") == "en"
    assert detect("Hi.") == "en"


def test_speech_verbs_and_inline_tags() -> None:
    assert is_speech_verb("dit-il", "fr") and is_speech_verb("demanda-t-elle", "fr")
    assert is_speech_verb("s'écria", "fr") and is_speech_verb("спросила", "ru")
    assert is_speech_verb("sagte", "de") and is_speech_verb("preguntó", "es")
    assert is_speech_verb("rispose", "it") and is_speech_verb("perguntou", "pt")
    assert is_speech_verb("said", "en") and not is_speech_verb("garden", "en")
    assert not is_speech_verb("jardin", "fr") and not is_speech_verb("dit", "xx")
    text = "Bonjour, dit Marie, entre donc."
    a, b = inline_tag(text, "fr")  # type: ignore[misc]
    assert text[a:b] == "dit Marie"
    assert inline_tag("Good morning, said Stephen.", "en") is not None
    assert inline_tag("Good morning, Stephen, and welcome.", "en") is None


def test_nothing_is_dropped_around_an_incise() -> None:
    doc = adapt("""Le soir tombait sur la ville et Marie attendait son frère depuis une heure.

« Tu viens ? dit-elle » et elle ouvrit la porte du jardin.

« Oui », répondit Paul. « J’arrive. »
""")
    assert "Tu viens ?" in spoken(doc)
    everything = " ".join(el.text for el in doc.elements if isinstance(el, Action)) + " ".join(
        p.text for el in doc.elements if isinstance(el, Dialogue) for p in el.parts)
    assert "dit-elle" in everything and "elle ouvrit la porte du jardin" in everything


def test_short_russian_is_still_russian() -> None:
    assert detect("Москва. Зима. Снег идёт уже третий день подряд.") == "ru"
