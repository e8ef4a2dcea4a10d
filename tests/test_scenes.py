"""Scene-setting inference: places, INT/EXT, time of day, headings."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from adapt.model import SceneHeading
from adapt.read.prose import parse
from adapt.scenes.settings import (
    Setting,
    heading,
    next_setting,
    scenes,
    setting_from_text,
    time_of_day,
)
from adapt.transform import to_model

SEED = Path(__file__).resolve().parents[1] / "seeds" / "tourniquet.txt"
CLUB = Setting("CLUB", True, "NIGHT")
ALLEY = Setting("ALLEY", False, "NIGHT")


def _narration(text: str) -> list[str]:
    """Paragraphs with quoted speech cut out, as the caller hands them over."""
    return [re.sub(r'"[^"]*"|“[^”]*”', " ", p).strip() for p in re.split(r"\n\s*\n", text)]


def test_seed_story_has_club_alley_roof() -> None:
    found = scenes(_narration(SEED.read_text(encoding="utf-8")))
    assert [sc.setting for sc in found] == [
        Setting("CLUB", True, "NIGHT"),
        Setting("ALLEY", False, "NIGHT"),
        Setting("ROOF", False, "NIGHT"),
    ]
    assert [heading(sc.setting, sc.suffix) for sc in found] == [
        "INT. CLUB - NIGHT", "EXT. ALLEY - CONTINUOUS", "EXT. ROOF - CONTINUOUS"]
    assert "along the alley" in found[1].cue and "on the roof" in found[2].cue


def test_opening_scene_from_first_paragraphs() -> None:
    text = ("I can see her out on the dance floor; the lights follow her. "
            "I squirm a little on my barstool.")
    assert setting_from_text(text) == Setting("CLUB", True, None)
    assert setting_from_text("He sat by the fireplace and lit his pipe in the evening.") \
        == Setting("SITTING ROOM", True, "EVENING")
    assert setting_from_text("Nothing here says where anyone is.") is None


@pytest.mark.parametrize(("paragraph", "place", "interior"), [
    ("She walked slowly into the kitchen and set down the basket.", "KITCHEN", True),
    ("They went out into the garden after tea.", "GARDEN", False),
    ("Then he strode down the street without looking back.", "STREET", False),
    ("On entering the drawing-room she found the whole party at cards.", "DRAWING ROOM", True),
    ("It was colder on the roof.", "ROOF", False),
    ("She ran up the hill and into the kitchen.", "KITCHEN", True),
    ("He ran into her room to fetch the letter.", "BEDROOM", True),
    ("We drove to Lower Camberwell.", "LOWER CAMBERWELL", None),
    ("The rain had stopped by the time Elsie reached the harbour.", "HARBOUR", False),  # now, not backstory
])
def test_movement_into_a_place(paragraph: str, place: str, interior: bool | None) -> None:
    new, _ = next_setting(paragraph, CLUB)
    assert new is not None
    assert (new.place, new.interior) == (place, interior)
    assert new.time == "NIGHT"  # same evening: the time carries over


@pytest.mark.parametrize("paragraph", [
    "Lights came from nearby apartments.",  # a bare mention
    "She would never go into the garden alone.",             # hypothetical
    "He had walked to the church that morning, years ago.",  # flashback
    "From the window I watched her walking down the street.",  # someone else, seen
    "The path came out to the main road by the mill.",       # nobody moves
    "His return to the library surprised no one.",           # a noun, not a verb
    "She thought of going to the park.",                      # intention
    "He went to Jane and took her hand.",                     # a person, not a place
])
def test_no_change_without_a_move(paragraph: str) -> None:
    assert next_setting(paragraph, CLUB, names=frozenset({"Jane"})) == (None, None)


def test_mentions_of_the_current_place_never_change_scene() -> None:
    for paragraph in ("I yank her forward and throw her across the alley.",
                      "We go tumbling down the alleyway into the trash cans.",
                      "She walks along the alley, humming."):
        assert next_setting(paragraph, ALLEY) == (None, None)
    # "the room" said inside a building is the room you are in
    parlour = Setting("PARLOUR", True, "DAY")
    assert next_setting("Mr. Darcy walked into the room.", parlour) == (None, None)


def test_continuous_when_the_chase_goes_straight_on() -> None:
    before = "She jumps onto the fire escape and I race up after her."
    new, suffix = next_setting("It's colder on the roof.", ALLEY, before=before)
    assert new == Setting("ROOF", False, "NIGHT") and suffix == "CONTINUOUS"
    new, suffix = next_setting("It was warm in the kitchen.", ALLEY, before="She sat down.")
    assert new == Setting("KITCHEN", True, "NIGHT") and suffix is None


def test_time_jumps() -> None:
    room = Setting("DRAWING ROOM", True, "EVENING")
    assert next_setting("The next morning Jane was better.", room) == (
        Setting("DRAWING ROOM", True, "MORNING"), None)
    assert next_setting("Some hours later the guests were still there.", room) == (
        Setting("DRAWING ROOM", True, "EVENING"), "LATER")
    assert next_setting("On the following day they walked to the park.", room) == (
        Setting("PARK", False, "DAY"), None)
    # a time word that is not a jump leaves the scene alone
    assert next_setting("She remembered last night's ball.", room) == (None, None)


def test_time_of_day_words() -> None:
    assert time_of_day("The moonlight made her eyes shine.") == "NIGHT"
    assert time_of_day("They sat in the garden until dusk.") == "DUSK"
    assert time_of_day("She wished him good night and every morning since.") is None
    assert time_of_day("One day she left.") is None  # "day" alone is too vague


def test_opening_time_comes_from_later_scenes_unless_the_day_changes() -> None:
    pars = ["They sat in the club, drinking.", "She went out into the alley.",
            "The stars were bright over the alley."]
    assert [sc.setting.time for sc in scenes(pars)] == ["NIGHT", "NIGHT"]
    pars = ["They sat in the club, drinking.", "The next morning she walked into the park.",
            "The stars were out."]
    assert [sc.setting.time for sc in scenes(pars)] == [None, "MORNING"]


def test_one_paragraph_stop_is_transit() -> None:
    pars = ["They sat in the kitchen.", "Then they went through the hall and out.",
            "She stepped into the hall.", "They walked into the garden.", "It was fine."]
    found = scenes(pars)
    assert [sc.setting.place for sc in found] == ["KITCHEN", "GARDEN"]


@pytest.mark.parametrize(("setting", "suffix", "expected"), [
    (Setting("ALLEY", False, "NIGHT"), None, "EXT. ALLEY - NIGHT"),
    (Setting("DRAWING ROOM", True, "DAY"), None, "INT. DRAWING ROOM - DAY"),
    (Setting("STREET", False, "NIGHT"), "CONTINUOUS", "EXT. STREET - CONTINUOUS"),
    (Setting("LONGBOURN", None, "DAY"), "LATER", "INT. LONGBOURN - LATER"),
    (Setting("CAB", True, None), None, "INT. CAB"),
])
def test_heading(setting: Setting, suffix: str | None, expected: str) -> None:
    assert heading(setting, suffix) == expected


def test_jump_in_a_chapter_takes_its_place_from_what_follows() -> None:
    pars = ["They sat in the kitchen.", "She went out into the orchard.",
            "The orchard was full of sunshine.",
            "The next morning Marilla was busy.", "She stood in the kitchen, baking.",
            "That evening nobody spoke.", "Nobody spoke at all."]
    found = scenes(pars)
    assert [heading(sc.setting, sc.suffix) for sc in found] == [
        "INT. KITCHEN - DAY", "EXT. ORCHARD - CONTINUOUS", "INT. KITCHEN - MORNING"]


def test_a_scene_the_story_opens_in_is_not_headed_again() -> None:
    # the opening's place from the first paragraphs, then the same place named: one heading
    text = ("I had not been back to the island in ten years. The ferry was late, and the rain came sideways "
            "off the sound.\n\nMy sister Clara was waiting on the pier. She wore our father's old coat.\n\n"
            '"You came," she said. "I didn\'t think you would, Tom."\n\n"I said I would."\n\n'
            "We walked up the hill together. The lighthouse stood dark above the town.\n\n"
            '"Does anyone still go up there?" I asked.\n')
    headings = _headings(text)
    assert headings == ["EXT. PIER - DAY", "EXT. HILL - CONTINUOUS"]


def test_a_full_name_the_cast_goes_by_is_no_place() -> None:
    # "she returns to Charlotte Lucas": Charlotte's full name, not a room called CHARLOTTE LUCAS
    text = ("Elizabeth walked into the drawing-room, where Charlotte Lucas sat by the fire.\n\n"
            '"You are late," said Charlotte.\n\n"I know," said Elizabeth.\n\n'
            "Elizabeth danced next with an officer. When those dances were over she returned to Charlotte "
            "Lucas, and was in conversation with her.\n\n"
            '"He is odd," said Charlotte.\n\n"Very," said Elizabeth.\n')
    headings = _headings(text)
    assert not any("CHARLOTTE" in h for h in headings)


def test_a_chapter_title_naming_a_character_names_no_place() -> None:
    # "Her Pledge to Rose Maylie": a person the chapter is about, not a room
    text = ("CHAPTER I. IN THE GARDEN\n\nNancy walked in the garden with Rose Maylie, and Rose Maylie was sad.\n\n"
            '"I will come," said Nancy.\n\n"Then come," said Rose.\n\n'
            "CHAPTER II. NANCY KEEPS HER PLEDGE TO ROSE MAYLIE\n\nNancy sat alone that night.\n\n"
            '"I must go," said Nancy.\n')
    headings = _headings(text)
    assert headings and not any("ROSE" in h for h in headings)
    # nor a common noun the text capitalises; a proper name it writes is one
    from adapt.scenes.plan import _title_place
    told = "The Council of Anarchy rode out. They rode on to Pondicherry Lodge, where the lamps of Pondicherry Lodge burned."
    assert _title_place("CHAPTER XII. THE EARTH IN ANARCHY", told) is None
    assert _title_place("CHAPTER III. THE TRAGEDY OF PONDICHERRY LODGE", told).place == "PONDICHERRY LODGE"
    assert _title_place("CHAPTER IV. AT BATH", "They went to Bath in May. Bath was full.").place == "BATH"


def _headings(text: str) -> list[str]:
    """The scene headings of the script adapted from ``text``."""
    return [e.text for e in to_model(parse(text)).elements if isinstance(e, SceneHeading)]


def test_a_time_phrase_before_the_place_and_a_boat_are_scenes() -> None:
    # "That evening, in the kitchen, ..." moves the story; a boat is a place to be
    text = ("Joe had fished the bay for forty years. They did not talk much on the boat.\n\n"
            '"Wind\'s coming round," Joe said.\n\n"Looks fine to me," said Danny.\n\n'
            "That evening, in the kitchen, Danny's wife Rosa set out the plates.\n\n"
            '"Your father came by," she said.\n')
    assert _headings(text) == ["EXT. BOAT - DAY", "INT. KITCHEN - EVENING"]


def test_a_lighthouse_a_ferry_and_an_island_are_places() -> None:
    # "Inside the lighthouse, ..." opens a scene there; the ferry is a deck to stand on
    text = ("Margaret stood at the rail on the ferry, her collar turned up.\n\n"
            '"You\'ll not get back tonight," said the ferryman.\n\n'
            "Inside the lighthouse, the kitchen was cold and smelled of paraffin.\n\n"
            '"You came," her father said.\n')
    assert _headings(text) == ["EXT. FERRY - DAY", "INT. LIGHTHOUSE - DAY"]
