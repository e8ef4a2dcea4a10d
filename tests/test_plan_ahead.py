"""The chapters' scenes found ahead in a forked copy (transform/plan_ahead.py) give the plan
found here: taken where the cast answers each name the copy asked about the same, found
again where it does not."""
from __future__ import annotations

import os
import select
import time
from pathlib import Path

import pytest

from adapt.read.beats import Beat
from adapt.read.prose import parse
from adapt.scenes.plan import plan
from adapt.scenes.story import read_story
from adapt.transform import ahead, plan_ahead

CAN_FORK = hasattr(os, "fork") and (os.cpu_count() or 1) >= 2
NOVEL = Path(__file__).resolve().parents[2] / "shared" / "pdnc-dev" / "PrideAndPrejudice" / "novel_text.txt"


def _story(chapters: int = 30) -> str:
    """Chapters of a village story; in every third, someone goes to Diana, a person, whom
    a plan that knows no names takes for a place."""
    out = []
    for c in range(chapters):
        out.append(f"CHAPTER {c + 1}")
        for i in range(16):
            line = "Anne sat in the kitchen of Green Gables." if i == 0 else f"The wind rose again, {c} {i}."
            if i == 5 and c % 3 == 0:
                line = "Then she went to Diana."
            if i == 9:
                line = "Marilla walked to the barn." if c % 2 else "They went out into the orchard."
            out.append(f'{line} "Is it late, Diana?" said Anne.' if i % 4 == 0 else line)
    return "\n\n".join(out) + "\n"


def _beats(text: str) -> list[Beat]:
    return read_story(parse(text), None).structure.beats


def _all_arrived(chapters: plan_ahead.Chapters) -> None:
    """Wait for the copy to send everything (the test must not race it)."""
    copy = chapters.copy
    deadline = time.monotonic() + 60
    while copy.fd >= 0 and time.monotonic() < deadline:
        select.select([copy.fd], [], [], 1.0)
        copy.poll()


def test_found_ahead_is_the_plan_found_here() -> None:
    beats = _beats(_story())
    assert len(beats) >= ahead.MIN_BEATS
    names = frozenset({"Anne", "Diana", "Marilla"})
    alone = plan(beats, names=names)
    assert any("DIANA" in s.heading for s in plan(beats).values())  # the name matters to the plan
    chapters = plan_ahead.start(beats)
    if not CAN_FORK:
        assert chapters is None
        return
    assert chapters is not None
    try:
        _all_arrived(chapters)
        assert len(chapters.copy.memo) == 30  # every chapter arrived
        asked = [a for _, a in chapters.copy.memo.values() if a]
        assert asked and all(a == {"Diana": False} for a in asked)
        found: list[bool] = []
        real = plan_ahead.find_scenes

        def counted(paragraphs, *, names):  # type: ignore[no-untyped-def]
            if paragraphs:  # (the empty one before chapter 1 is found here, never sent)
                found.append(True)
            return real(paragraphs, names=names)

        plan_ahead.find_scenes = counted  # type: ignore[assignment]
        try:
            ahead_plan = plan(beats, names=names, find=chapters.find)
            assert len(found) == 10  # found again: the chapters that go to Diana, and no other
            found.clear()
            assert plan(beats, find=chapters.find) == plan(beats)  # no names: all taken
            assert not found
        finally:
            plan_ahead.find_scenes = real  # type: ignore[assignment]
        assert ahead_plan == alone
    finally:
        chapters.stop()


def test_what_came_before_the_copy_ended_is_kept() -> None:
    """A copy that is done before the parent looks: all it sent is taken (ahead.Ahead)."""
    if not CAN_FORK or not hasattr(os, "waitid"):
        pytest.skip("no fork")
    chapters = plan_ahead.start(_beats(_story()))
    assert chapters is not None
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:  # ended (not reaped: the parent ends it), its pipe holds everything
        if os.waitid(os.P_PID, chapters.copy.pid, os.WEXITED | os.WNOHANG | os.WNOWAIT):
            break
        time.sleep(0.02)
    chapters.poll()
    assert chapters.copy.fd < 0 and len(chapters.copy.memo) == 30


def test_a_small_story_plans_alone() -> None:
    assert plan_ahead.start(_beats(_story(3))) is None


@pytest.mark.skipif(not NOVEL.exists(), reason="needs ../shared/pdnc-dev")
def test_a_novel_plans_the_same_with_its_chapters_found_ahead() -> None:
    from adapt.speakers.attribution import attribute
    from adapt.transform import guess

    beats = _beats(NOVEL.read_text(encoding="utf-8"))
    chapters = plan_ahead.start(beats)
    _, cast = attribute(beats)
    names = guess.people(cast)
    if chapters is None:
        pytest.skip("no fork")
    try:
        _all_arrived(chapters)
        assert plan(beats, names=names, find=chapters.find) == plan(beats, names=names)
    finally:
        chapters.stop()
