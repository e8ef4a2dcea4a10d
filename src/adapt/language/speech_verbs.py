"""Speech verbs and subject pronouns of the common languages, for finding tags (language).

English tags are found from lemmas (``lemminflect``) and ``ENGLISH_LEMMAS``;
other languages have no lemmatiser here, so each lists the inflected forms novels use
in tags — the past (passé simple, Präteritum, pretérito, passato remoto, Russian past in
every gender) and the present — lower case. ``is_speech_verb`` reads French inversions
(``dit-il``, ``demanda-t-elle``) and elisions (``s'écria``); ``inline_tag`` finds a tag
inside a speech that has no closing mark before it (``—Good morning, said Stephen.``,
``« Bonjour, dit Marie, entre donc. »``).
"""
from __future__ import annotations

import re

ENGLISH_LEMMAS = {"say", "ask", "reply", "answer", "cry", "shout", "whisper", "murmur",
                   "call", "exclaim", "continue", "add", "repeat", "mutter", "scream", "yell",
                   "snap", "return", "observe", "remark", "insist", "explain", "protest",
                   "retort", "demand", "inquire", "enquire", "laugh", "sigh", "begin"}
"""English speech verbs, as lemmas (``sentences.SPEECH_VERBS``: the tags' and rewrites' list)."""

SPEECH_VERBS: dict[str, frozenset[str]] = {
    "fr": frozenset("""
        dit dirent demanda demandèrent répondit répondirent répliqua répliquèrent écria
        écrièrent exclama exclamèrent cria crièrent murmura murmurèrent chuchota ajouta
        reprit reprirent continua poursuivit fit firent lança souffla expliqua déclara
        hurla observa remarqua interrompit insista protesta questionna interrogea soupira
        avoua conclut répéta commença rétorqua objecta affirma annonça appela gémit grogna
        marmonna balbutia bégaya susurra gronda supplia proposa ordonna conseilla
        demande demandent répond répondent réplique écrie exclame crie murmure chuchote
        ajoute reprend continue poursuit fait lance souffle explique déclare hurle
        observe remarque interrompt insiste proteste soupire répète rétorque affirme
        disait demandait répondait criait murmurait ajoutait reprenait faisait
    """.split()),
    "de": frozenset("""
        sagte sagten fragte fragten antwortete antworteten rief riefen flüsterte
        flüsterten murmelte murmelten erwiderte erwiderten entgegnete entgegneten meinte
        meinten fuhr fügte schrie schrien brüllte seufzte lachte erklärte wiederholte
        bemerkte begann sprach versetzte unterbrach stammelte knurrte brummte schluchzte
        flehte bat befahl rief fragte wisperte hauchte stöhnte jammerte drängte
        sagt sagen fragt fragen antwortet ruft rufen flüstert murmelt erwidert entgegnet
        meint schreit erklärt wiederholt bemerkt beginnt spricht
    """.split()),
    "es": frozenset("""
        dijo dijeron preguntó preguntaron respondió respondieron contestó contestaron
        replicó gritó gritaron susurró murmuró exclamó añadió agregó continuó prosiguió
        repitió explicó insistió comentó observó interrumpió suspiró masculló balbuceó
        ordenó pidió rogó declaró afirmó advirtió musitó
        dice dicen pregunta preguntan responde contesta replica grita susurra murmura
        exclama añade agrega continúa prosigue repite explica insiste comenta
        decía preguntaba respondía contestaba gritaba
    """.split()),
    "it": frozenset("""
        disse dissero chiese chiesero domandò rispose risposero replicò gridò urlò
        sussurrò mormorò esclamò aggiunse continuò riprese ripeté ripetè spiegò
        insistette osservò interruppe sospirò borbottò fece fecero ordinò pregò dichiarò
        affermò balbettò
        dice dicono chiede domanda risponde replica grida urla sussurra mormora esclama
        aggiunge continua riprende ripete spiega insiste osserva
        diceva chiedeva domandava rispondeva
    """.split()),
    "ru": frozenset("""
        сказал сказала сказали сказало спросил спросила спросили ответил ответила
        ответили отвечал отвечала отвечали крикнул крикнула крикнули закричал закричала
        закричали кричал кричала прошептал прошептала шепнул шепнула шептал шептала
        пробормотал пробормотала бормотал бормотала воскликнул воскликнула добавил
        добавила продолжал продолжала продолжил продолжила повторил повторила объяснил
        объяснила возразил возразила заметил заметила говорил говорила произнёс
        произнес произнесла проговорил проговорила усмехнулся усмехнулась вздохнул
        вздохнула перебил перебила спрашивал спрашивала начал начала подумал подумала
        согласился согласилась буркнул буркнула отозвался отозвалась промолвил
        промолвила молвил молвила сказал-то попросил попросила приказал приказала
        говорит спрашивает отвечает кричит шепчет
    """.split()),
    "pt": frozenset("""
        disse disseram perguntou perguntaram respondeu responderam retrucou replicou
        gritou gritaram sussurrou murmurou exclamou acrescentou continuou prosseguiu
        repetiu explicou insistiu observou interrompeu suspirou pediu declarou afirmou
        resmungou balbuciou ordenou
        diz dizem pergunta perguntam responde respondem retruca replica grita sussurra
        murmura exclama acrescenta continua prossegue repete explica insiste
        dizia perguntava respondia
    """.split()),
}
"""Inflected speech-verb forms by ISO 639-1 code (not English: see ``is_speech_verb``)."""

PRONOUNS: dict[str, frozenset[str]] = {
    "en": frozenset("i he she we they you it".split()),
    "fr": frozenset("il elle on ils elles je tu nous vous".split()),
    "de": frozenset("er sie es ich wir ihr du".split()),
    "es": frozenset("él ella ellos ellas yo tú usted nosotros".split()),
    "it": frozenset("lui lei egli ella essa esso io tu loro".split()),
    "ru": frozenset("он она оно они я мы ты вы".split()),
    "pt": frozenset("ele ela eles elas eu tu você nós".split()),
}
"""Subject pronouns by language, lower case: the subject of a tag ("dit-il", "sagte er")."""

_FRENCH_INVERSION = re.compile(r"^(.+?)(?:-t)?-(?:il|elle|on|ils|elles|je|tu|nous|vous)$")
_ELISION = re.compile(r"^(?:s|m|t|l)['’]")


def is_speech_verb(word: str, language: str) -> bool:
    """Is ``word`` a speech verb's form in ``language`` ("said", "dit-il", "сказала")?"""
    low = word.lower().strip(".,;:!?…")
    if language == "en":
        # lemminflect on first use: reading a story (``scenes.story``) can then start
        # without it (``cli.reading``).
        from adapt.language.lexicon import lemmas

        return any(lemma in ENGLISH_LEMMAS for lemma in lemmas(low).get("VERB", ()))
    forms = SPEECH_VERBS.get(language)
    if forms is None:
        return False
    if language == "fr":
        low = _ELISION.sub("", low)
        m = _FRENCH_INVERSION.match(low)
        low = m.group(1) if m else low
    return low in forms


_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_TAG_START = re.compile(r"(?:[,!?…;]|\.\.\.)[ \t]+")
_TAG_END = re.compile(r"[,.;!?…]|$")


def inline_tag(text: str, language: str) -> tuple[int, int] | None:
    """Where a tag clause sits inside an unmarked speech, as (start, end) offsets, or None.

    A tag follows a comma, ``!`` or ``?`` and is a speech verb with its subject — a
    pronoun or up to three capitalised words, before or after the verb ("said Stephen",
    "he said sternly", "the jejune jesuit asked", "dit-il", "répondit Paul") — running to
    the next punctuation mark.
    """
    pronouns = PRONOUNS.get(language, frozenset())
    for m in _TAG_START.finditer(text):
        start = m.end()
        end_m = _TAG_END.search(text, start)
        end = end_m.start() if end_m else len(text)
        words = _WORD.findall(text[start:end])
        if not 1 <= len(words) <= 7:
            continue
        verb = next((i for i, w in enumerate(words[:5]) if is_speech_verb(w, language)), None)
        if verb is None:
            continue
        before, after = words[:verb], words[verb + 1:]
        subject_before = bool(before) and (
            (len(before) == 1 and before[0].lower() in pronouns)
            or all(w[:1].isupper() for w in before[-3:]) or (language == "en" and len(before) <= 4
                                                             and before[0].lower() == "the"))
        inverted = not before and (("-" in words[verb]) or (bool(after) and (
            after[0].lower() in pronouns or after[0][:1].isupper())))
        if subject_before or inverted:
            return start, end
    return None
