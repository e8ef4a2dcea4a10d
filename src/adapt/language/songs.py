"""Words that say a song is sung, a poem recited, or music heard: shared by reading, speakers and action."""
from __future__ import annotations

import re

# Verbs whose subject performs the verse that follows ("Abel began to pipe up his song:").
SING = (r"sing|sings|sang|sung|singing|hum|hums|hummed|humming|chant|chants|chanted|chanting"
        r"|croon|croons|crooned|crooning|warble|warbles|warbled|warbling|carol|carols|carolled|caroled"
        r"|trill|trills|trilled|trilling|intone|intones|intoned|intoning|lilt|lilts|lilted|lilting"
        r"|yodel|yodels|yodelled|yodeled|serenade|serenades|serenaded"
        r"|(?:pipe|pipes|piped|piping|strike|strikes|struck|striking|start|starts|started|starting"
        r"|break|breaks|broke|breaking|burst|bursts|bursting)\s+(?:up|out|into)(?=\s+(?:a|an|the|his|her|their|my|its"
        r"|some|one|that|this|with)?\s*(?:\w+\s+){0,3}(?:song|tune|air|ballad|hymn|carol|chorus|ditty|refrain"
        r"|melody|anthem|chant|lay|strain|verse|number)s?\b)")
RECITE = (r"recite|recites|recited|reciting|declaim|declaims|declaimed|declaiming|quote|quotes|quoted|quoting"
          r"|read\s+aloud|reads\s+aloud")
SONG_NOUNS = (r"song|songs|tune|tunes|ballad|ballads|hymn|hymns|carol|carols|chorus|ditty|ditties|refrain"
              r"|lullaby|lullabies|anthem|chanty|shanty|shanties|melody|melodies|singer|singers")
POEM_NOUNS = r"poem|poems|poetry|rhyme|rhymes|verses|stanza|stanzas|lines|couplet|sonnet|ode|recitation|piece"
# What makes a song heard in the scene rather than over it.
HEARD = (r"music|band|orchestra|radio|jukebox|juke-box|piano|pianist|organ|fiddle|fiddler|violin|guitar"
         r"|stereo|speakers|gramophone|phonograph|record-player|choir|singer|singers|dance floor|dancing"
         r"|dancers|concert|stage|drums?|drummer|musicians?")

SING_RE = re.compile(rf"\b(?:{SING})\b", re.I)
RECITE_RE = re.compile(rf"\b(?:{RECITE}|repeat(?:s|ed|ing)?\s+(?:the|a|some|these|those)\s+(?:\w+\s+)?(?:{POEM_NOUNS}))\b",
                       re.I)
SONG_RE = re.compile(rf"\b(?:{SONG_NOUNS})\b", re.I)
POEM_RE = re.compile(rf"\b(?:{POEM_NOUNS.replace('|lines|', '|').replace('|piece', '')})\b", re.I)
HEARD_RE = re.compile(rf"\b(?:{HEARD})\b", re.I)


def delivery(before: str, after: str = "", *, reach: int = 250) -> str | None:
    """"sung" or "recited", from the words around a passage of verse (``reach``
    characters before it, and a little less after); None when they say neither. The
    word nearest the verse wins (the end of ``before``, the start of ``after``)."""
    best: tuple[int, str] | None = None
    before, after = before[-reach:], after[:reach * 3 // 5]
    for text, near_end in ((before, True), (after, False)):
        for rx, kind in ((SING_RE, "sung"), (SONG_RE, "sung"), (RECITE_RE, "recited"), (POEM_RE, "recited")):
            for m in rx.finditer(text):
                distance = len(text) - m.end() if near_end else m.start()
                if best is None or distance < best[0]:
                    best = (distance, kind)
    return best[1] if best else None


def heard_in_scene(narration: str) -> bool:
    """The scene's narration names a source of music (a band, a radio, a singer)."""
    return bool(HEARD_RE.search(narration) or SING_RE.search(narration))
