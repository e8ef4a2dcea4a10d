"""Which language a story is written in (language): its script, then its commonest words.

Enough to choose between English rewriting and keeping narration as written, and to pick
the speech verbs of tags. Scripts decide most languages (Cyrillic, Greek, kana, Hangul,
Han...); within the Latin and Cyrillic scripts the share of each language's most frequent
function words decides, which a few hundred words of prose settle clearly.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter

_STOPWORDS: dict[str, frozenset[str]] = {lang: frozenset(words.split()) for lang, words in {
    "en": "the and of to a in that was he it his i with as had for you on her at she but not "
          "be is my by they him said have this from were which all so what there",
    "fr": "le la les de des et un une est que qui dans il elle pas ne en du au pour sur se son "
          "sa avec je vous ce mais était lui plus comme nous dit on",
    "de": "der die das und ist nicht ein eine zu den von mit sich des auf für im dem er sie es "
          "ich war wie auch nach aber so hatte wir noch",
    "es": "el la los las de que y en un una es no se por con para del lo su al como más pero "
          "le me era sus ya muy yo sin",
    "it": "il la le di che e un una non per in è del della si con sono ma gli lo da mi ha era "
          "anche come più io al",
    "pt": "o a os as de que e do da em um uma não se para com por no na mais ao ele ela era "
          "muito sua seu dos das",
    "nl": "de het een en van ik te dat die in is niet zijn op hij met ze er maar had was aan",
    "sv": "och att det som en på är av för med den till inte har de jag var om han hon",
    "pl": "i w nie się na że z do to jest jak ale po co tak za od już jego go",
    "ru": "и в не на что он я с как а то она это по но его к у же из за вы так было бы",
    "uk": "і в не на що він я з як та це по але його до у же із за ви так було б її",
    "bg": "и в не на да се че той аз с като за по от то но са му ще беше",
}.items()}
NAMES = {"en": "English", "fr": "French", "de": "German", "es": "Spanish", "it": "Italian",
         "pt": "Portuguese", "nl": "Dutch", "sv": "Swedish", "pl": "Polish", "ru": "Russian",
         "uk": "Ukrainian", "bg": "Bulgarian", "el": "Greek", "ja": "Japanese", "ko": "Korean",
         "zh": "Chinese", "ar": "Arabic", "he": "Hebrew", "hi": "Hindi", "th": "Thai"}
"""English names of the codes ``detect`` returns."""
_WORD = re.compile(r"[^\W\d_]+")
_SCRIPTS = (("ja", ("HIRAGANA", "KATAKANA")), ("ko", ("HANGUL",)), ("zh", ("CJK",)),
            ("el", ("GREEK",)), ("ar", ("ARABIC",)), ("he", ("HEBREW",)),
            ("hi", ("DEVANAGARI",)), ("th", ("THAI",)), ("cyrl", ("CYRILLIC",)))


def _script(ch: str) -> str:
    if ch < "\u0250":
        return "latn"
    name = unicodedata.name(ch, "")
    for code, prefixes in _SCRIPTS:
        if name.startswith(prefixes):
            return code
    return "latn"


def detect(text: str, default: str = "en") -> str:
    """The ISO 639-1 code of ``text``'s language; ``default`` when the text is too short
    or its words match no list clearly."""
    letters = Counter(_script(c) for c in text[:50000] if c.isalpha())
    total = sum(letters.values())
    if total < 20:
        return default
    kana = letters["ja"]
    if kana and kana >= total * 0.05:
        return "ja"  # Japanese mixes kana with kanji
    script, n = letters.most_common(1)[0]
    if script not in ("latn", "cyrl") and n >= total * 0.3:
        return script
    words = Counter(w.lower() for w in _WORD.findall(text[:50000]))
    candidates = [lang for lang in _STOPWORDS
                  if (lang in ("ru", "uk", "bg")) == (script == "cyrl")]
    share = {lang: sum(words[w] for w in _STOPWORDS[lang]) for lang in candidates}
    fallback = "ru" if script == "cyrl" else default  # Cyrillic is never English
    best = max(share, key=lambda lang: share[lang], default=None)
    if best is None or share[best] < 10:
        return fallback
    runner_up = max((v for k, v in share.items() if k != best), default=0)
    return best if share[best] >= runner_up * 1.3 else fallback


def looks_english(text: str) -> bool:
    """Whether a short passage reads as English: another language's function words do not
    clearly outnumber English ones (a French sentence quoted in an English novel does)."""
    words = [w.lower() for w in _WORD.findall(text)]
    if not text.isascii() and any(_script(c) != "latn" for w in words for c in w):
        return False
    counts = dict.fromkeys(_STOPWORDS, 0)
    for w in words:
        for lang in _LANGUAGES_OF.get(w, ()):
            counts[lang] += 1
    english = counts.pop("en")
    foreign = max(counts.values())
    return not (foreign >= 3 and foreign > 2 * english)  # a name's "van der" is not Dutch


_LANGUAGES_OF: dict[str, tuple[str, ...]] = {
    w: tuple(lang for lang, words in _STOPWORDS.items() if w in words)
    for words in _STOPWORDS.values() for w in words}
"""Each function word → the languages whose lists hold it (one look-up per word of a passage)."""
