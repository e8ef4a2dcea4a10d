"""Action a screenwriter keeps: names over ambiguous pronouns, wrylies, short paragraphs."""
from __future__ import annotations

import re
import textwrap

from conftest import ROOT
from test_pipeline import adapt_text

from adapt.action import voice
from adapt.language.sentences import short_paragraphs
from adapt.language.words import tokens, words
from adapt.read.beats import Paragraph, to_beats
from adapt.read.prose import parse

SEED = ROOT / "seeds" / "tourniquet.txt"
NARRATOR = {"i", "me", "my", "mine", "i'm", "i've", "i'll", "i'd"}
SHE = {"she", "her", "hers", "she's", "she'd", "she'll"}


def _seed_script() -> str:
    return adapt_text(SEED.read_text(encoding="utf-8"), title="Tourniquet", pronoun="she")


def test_no_seed_sentence_has_two_women_called_she() -> None:
    """Buffy tells the story ("I") and fights Faith ("she"): once "I" is "she", a
    sentence may not call both of them "she/her"."""
    checked = 0
    for b in to_beats(parse(SEED.read_text(encoding="utf-8"))):
        if not isinstance(b, Paragraph):
            continue
        pairs = voice.rewrite(b.narration, narrator="Buffy", pronoun="she", tense="present",
                              other="Faith")
        source = "".join(s for s, _ in pairs)
        ws = words(tokens(source), voice.quoted_spans(source))
        by_token = dict(enumerate(new for _, new in pairs))
        referents: dict[int, set[str]] = {}
        for w in ws:
            if w.prot or by_token[w.k].lower() not in SHE:
                continue
            who = "Buffy" if w.low in NARRATOR else "Faith" if w.low in SHE else "?"
            referents.setdefault(w.sent, set()).add(who)
            checked += 1
        two = [s for s, r in referents.items() if len(r) > 1]
        assert not two, f"two women called she/her in: {b.narration[:120]}"
    assert checked > 50


def test_the_fight_names_who_hits_whom() -> None:
    script = _seed_script()
    assert "Buffy punches Faith in the jaw" in script
    assert "Buffy catches her foot" in script  # Faith's foot: the only "her" in that sentence
    assert "Buffy shakes her head and thrusts forward" in script


def test_seed_wrylies_are_short_and_never_last() -> None:
    script = _seed_script()
    blocks = [b.split("\n") for b in script.split("\n\n")]
    dialogue = [b for b in blocks if len(b) > 1 and re.fullmatch(r"[A-Z][A-Z .']+(?: \(.*\))?", b[0])]
    assert len(dialogue) > 100
    wrylies = [line for b in dialogue for line in b[1:] if line.startswith("(")]
    assert wrylies and all(len(w.split()) <= 6 for w in wrylies), wrylies
    assert not [b for b in dialogue if b[-1].startswith("(")]
    assert not [w for w in wrylies if w in {"(step)", "(her)", "(and a)"}]
    assert "Faith steps." in script  # "Step." between her lines is action


def test_a_long_sentence_is_cut_at_its_clauses() -> None:
    long = ("Sir Thomas had long been expected, and the whole family had prepared for his arrival "
            "with a care that none of them had ever given to anything before; yet he came upon them "
            "at last as a surprise, and the young people, who had been acting in the billiard-room, "
            "were thrown into such confusion as may be imagined by anyone who has ever been caught "
            "in the middle of a rehearsal.")
    paras = short_paragraphs(long)
    assert len(paras) > 1
    assert all(len(textwrap.wrap(p, 61)) <= 4 and p[:1].isupper() for p in paras)
    assert " ".join(paras).replace(".", "").replace(";", "").split() == long.replace(
        ".", "").replace(";", "").replace("yet", "Yet").split()


# ---- what the last pass leaves: no fragments, the tense rewritten, introductions in the action
def test_a_tag_leftover_is_a_wryly_not_a_fragment() -> None:
    script = adapt_text('Ann and Ben waited in the hall.\n\n"The key, please," Ann told the porter.\n\n'
                        '"Come in," called Ben from the stairs.\n\n"Thank you," said Ann.')
    assert "(to the porter)\nThe key, please." in script  # the tag's object: who is spoken to
    assert "(from the stairs)\nCome in." in script  # where from: before the line, not after it
    assert "\nThe porter.\n" not in script and "\nFrom the stairs.\n" not in script


def test_the_speakers_own_business_is_action_not_a_wryly_with_his_name() -> None:
    script = adapt_text('Helen and Robert sat down.\n\n"The house goes to you both," said Helen.\n\n'
                        '"Jointly?" Robert leaned forward. "That\'s absurd."')
    assert "(Robert leans forward)" not in script
    assert "\nRobert leans forward.\n" in script


def test_a_she_between_his_speeches_is_not_named_after_him() -> None:
    script = adapt_text('Lucy Bell and Tom Hale stood on the bridge. Tom took off his hat.\n\n'
                        '"Sit down," said Tom. She was bewildered, and obeyed him. "And stay here."\n\n'
                        '"Why?" asked Lucy.')
    assert "She is bewildered, and obeys him." in script
    assert "Tom is bewildered" not in script


def test_what_a_lead_in_leaves_is_in_the_present() -> None:
    script = adapt_text('The room was quiet.\n\nPeter stood up straight on the hearthrug and recited:\n\n'
                        '"The boy stood on the burning deck,\nWhence all but he had fled."')
    assert "PETER stands up straight on the hearthrug." in script


def test_the_tense_sweep_agrees_with_the_head_noun() -> None:
    out = voice.to_action("The fire had died, and the men in the back room of the inn had stopped talking. "
                          "One of the girls had gone, and two of her sisters had stayed.",
                          narrator=None, tense="past")
    assert "the men in the back room of the inn have stopped" in out
    assert "One of the girls has gone" in out and "two of her sisters have stayed" in out


def test_the_verb_after_a_relative_clause_is_the_main_verb() -> None:
    out = voice.to_action("Old Abel, who had sat in the corner all evening, set down his pipe and began to sing.",
                          narrator=None, tense="past", names=frozenset({"Abel"}))
    assert out == "Old Abel, who has sat in the corner all evening, sets down his pipe and begins to sing."


def test_who_speaks_first_is_introduced_in_the_scenes_first_action() -> None:
    script = adapt_text('Martha stood in the kitchen, kneading the bread.\n\n"Are you done?" asked Tom.\n\n'
                        '"Nearly," said Martha.')
    assert "MARTHA stands in the kitchen, kneading the bread. TOM is there too." in script
    assert "\nTOM is there.\n" not in script
    # Two who speak before any action: one line for both, before the first speech.
    script = adapt_text('"Are you coming?" Nora asked.\n\n"In a minute," Ben said.')
    assert script.index("NORA and BEN are there.") < script.index("NORA\nAre you coming?")


def test_no_introduction_inside_another_language() -> None:
    from adapt.action.introductions import introduce
    from adapt.model import Action, Dialogue, SceneHeading, Speech
    french = Action("Il est venu avec sa femme et ils ne sont pas restés chez Paul.")
    out = introduce([SceneHeading("INT. ROOM - DAY"), french, Dialogue("PAUL", (Speech("Bonjour."),))],
                    name_of=str.title)
    assert out[1] == french and isinstance(out[2], Action) and out[2].text == "PAUL is there."


def test_a_lead_in_keeps_its_action_and_manner() -> None:
    from adapt.action.lead_ins import split_lead_in
    assert split_lead_in("He jumps over the net and sits down at her feet asking:") == (
        "He jumps over the net and sits down at her feet.", "")
    assert split_lead_in("When Miss Barry goes away she says stiffly:") == ("Miss Barry goes away.", "stiffly")
    assert split_lead_in("But Marilla, seeing the disappointment on her face, said smilingly:") == (
        "But Marilla sees the disappointment on her face.", "smilingly")
    assert split_lead_in("She turns to George:") == ("She turns to George.", "")
    # not lead-ins whose tag can go: a clause inside, a verb wanting what follows
    assert split_lead_in("It is the reason why she says:") is None
    assert split_lead_in("It is as follows:") is None
    assert split_lead_in("She is reduced to saying:") is None


def test_the_narrators_we_names_the_two_of_them() -> None:
    text = "We ran the last hundred yards, and our coats were soaked. The ferryman waved us aboard."
    assert voice.to_action(text, narrator="Ada", pronoun="she", tense="past", company="Mara") == (
        "Ada and Mara run the last hundred yards, and their coats are soaked. "
        "The ferryman waves Ada and Mara aboard.")
    # with no one companion the "we" stays as written
    assert voice.to_action("We ran.", narrator="Ada", pronoun="she", tense="past") == "We run."
    # the companion's own "us" is the narrator and someone else; "we all" are more than two
    assert voice.to_action("Mara turned her eyes upon us. We were all eager.", narrator="Ada",
                           pronoun="she", tense="past", company="Mara") == "Mara turns her eyes upon us. We are all eager."


def test_the_companion_is_the_one_who_speaks_most_beside_the_narrator() -> None:
    from adapt.action.pronouns import scene_company
    # Holmes speaks in most beats around, a client now and then: "we" is Watson and Holmes.
    beats = [{"Holmes"}, {"I"}, {"Holmes"}, {"Mary"}, {"Holmes"}, set(), {"Holmes"}]
    assert scene_company(beats, "I", window=3)[3] == "Holmes"
    # two who speak as much: no one companion
    assert scene_company([{"Holmes"}, {"Mary"}, {"Holmes"}, {"Mary"}], "I", window=3)[1] is None


def test_voice_over_of_two_paragraphs_is_one_block() -> None:
    out = adapt_text("Jo stands at the window.\n\nI know she will not come back.\n\n"
                     "I wonder if I ever knew her at all.\n\n\"Coming?\" Sam asks.\n")
    assert out.count("(V.O.)") == 1
    assert re.search(r"come back\.\n +\nI wonder", out)


def test_contd_only_for_the_speaker_before_the_action_and_one_pair_of_parentheses() -> None:
    script = adapt_text('Ann and Ben sat by the fire.\n\n"It is late," said Ann. She rose and walked slowly '
                        'across the long room to the window and looked out at the dark garden. '
                        'Then Ben spoke: "Stay" (looking at the clock); "stay a while."\n')
    assert "\nBEN\n" in script and "BEN (CONT'D)" not in script
    assert "(looking at the clock)\n" in script and "((" not in script


def test_a_voice_on_the_telephone_is_named_by_itself_and_an_arrival_by_his_first_line() -> None:
    # "This is Margaret Hale" said by a voice on the line names her, and nobody says she is
    # there; the tall man who stops at the stall and says "I'm Tom Ashby" is introduced where he comes
    # in; a speech a tag cut at a comma ends with a full stop before its wryly.
    text = ('Ruth sat by the telephone in the kitchen. When it rang she almost did not answer it.\n\n'
            '"Miss Pelling?" said a woman\'s voice. "This is Margaret Hale, from the college."\n\n'
            '"Yes?" said Ruth.\n\n"Your brother has not replied to us."\n\n'
            'The fair at Combe was the last of the year. Ruth minded the stall.\n\n'
            'A tall man in a grey coat stopped in front of the apples.\n\n'
            '"Are these yours?" asked the stranger.\n\n"They are," said Ruth.\n\n'
            '"They\'re good," said the stranger, smiling. "I\'m Tom Ashby. I buy for Harwell\'s."\n')
    script = adapt_text(text)
    assert "MARGARET HALE (O.S.)" in script and "VOICE" not in script
    assert "MARGARET HALE is there" not in script and "MARGARET HALE is heard, out of sight." in script
    assert re.search(r"A tall man in a grey coat, (?:TOM )?ASHBY, stops in front of the apples\.", script)
    assert "They're good.\n(smiling)" in script


def test_what_a_tag_leaves_keeps_its_object_after_the_verb() -> None:
    # '"You came," Jess said, and hugged me.' / 'said Tom, and shook his head.': the
    # speaker acts on Nell, on his head; neither is a subject after its verb ("cried the Jew")
    text = ('Jess found me by the punch bowl.\n\n"You came," Jess said, and hugged me.\n\n'
            '"I said I would."\n\n"You came," said Tom, and shook his head.\n\n'
            '"Yes," said Ann, and opened the door.\n')
    script = adapt_text(text)
    assert re.search(r"Jess hugs (?:NARRATOR|Nell)\.", script), script
    assert "Tom shakes his head." in script and "Ann opens the door." in script
    assert "His head" not in script and "The door opens" not in script


def test_verbs_in_a_series_take_the_present() -> None:
    from adapt.action import voice
    say = lambda t: voice.to_action(t, narrator=None, tense="past")  # noqa: E731
    assert say("A gull landed on the bonnet, looked at them through the windscreen, and flew off again.") \
        == "A gull lands on the bonnet, looks at them through the windscreen, and flies off again."
    assert say("The dog ran to the gate, barked twice, and lay down.") == "The dog runs to the gate, barks twice, and lies down."


def test_a_voice_tag_keeps_whose_voice_it_is_and_an_unnamed_arrival_is_introduced_where_he_comes() -> None:
    # "cried a voice, which was evidently that of the watchman" / "replied the voice of Tom,
    # through the key-hole": what the tag says of the voice is a sentence of its own, not
    # "Which is ..." or "Of Tom, ..."; "He went on down the steps" walks, it is no tag; "A
    # fisherman in a yellow coat comes along the wall" is where the FISHERMAN is introduced.
    text = ('Tom Baker waited by the gate with Mary Lane.\n\n'
            '"Who goes there?" cried a voice, which was evidently that of the watchman.\n\n'
            '"Only us," said Tom.\n\n"Not tonight," replied the voice of Tom, through the key-hole.\n\n'
            'A fisherman in a yellow coat came along the wall, coiling a rope. He stopped when he saw them.\n\n'
            '"Waiting for the ferry?" the fisherman asked.\n\n"For a friend," said Mary.\n\n'
            '"Then you\'ll wait a long time." He went on down the steps to his boat.\n')
    script = adapt_text(text)
    assert "The voice is evidently that of the watchman." in script
    assert "The voice is that of Tom, through the key-hole." in script
    assert "\nWhich " not in script and "\nOf " not in script
    assert "He goes on down the steps to his boat." in script
    assert "A FISHERMAN in a yellow coat comes along the wall" in script and "FISHERMAN is there" not in script
    assert script.count("FISHERMAN\n") == 2  # the ferry, and the long wait: his, not Mary's


def test_a_woman_who_names_herself_is_that_character_from_her_first_line() -> None:
    # "A woman with grey hair" says "I'm Diane Porter" and the cast knows her as Diane: her
    # lines are DIANE's from the first, she is introduced where she looks up, and the story
    # opening on "The office is ..." is headed there.
    text = ('The office is on the fourth floor, and the lift is broken.\n\n'
            'A woman with grey hair looks up from her desk. "You must be Sarah."\n\n'
            '"Yes. Sorry I\'m late."\n\n'
            '"Everyone is late on Mondays." She stands and shakes my hand. "I\'m Diane Porter. Come through."\n\n'
            'A young man is sitting by the window.\n\n"This is Marcus," Diane says. "He\'ll be taking notes."\n')
    script = adapt_text(text)
    assert "WOMAN" not in script and script.count("DIANE\n") >= 2
    assert "A woman with grey hair, DIANE, looks up from her desk." in script
    assert "INT. OFFICE - DAY" in script
