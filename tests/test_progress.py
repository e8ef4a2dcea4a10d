"""The progress line for long inputs: redrawn in place, wiped after, silent off a terminal."""
from __future__ import annotations

import io

import pytest


class FakeTTY(io.StringIO):
    """Captured stderr that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def test_progress_redraws_one_line_and_wipes_it() -> None:
    from adapt.progress import progress

    err = FakeTTY()
    with progress(4, label="adapting story.txt", enabled=True, stream=err) as bar:
        assert bar.active
        bar.advance(1)
        bar.advance(1)
        bar.advance(0)  # no change, no redraw
        bar.advance(5)  # clamped to the total
        assert bar.done == 4
    out = err.getvalue()
    frames = out.split("\r")[1:]
    assert frames[:4] == ["adapting story.txt:   0%", "adapting story.txt:  25%",
                          "adapting story.txt:  50%", "adapting story.txt: 100%"]
    assert frames[4:] == [" " * len("adapting story.txt: 100%"), ""]  # wiped on exit
    assert "\n" not in out


def test_progress_wipes_the_line_when_the_work_fails() -> None:
    from adapt.progress import progress

    err = FakeTTY()
    with pytest.raises(RuntimeError), progress(10, label="x", enabled=True, stream=err) as bar:
        bar.advance(3)
        raise RuntimeError("bad input")
    assert err.getvalue().endswith("\r" + " " * len("x:  30%") + "\r")


def test_progress_is_silent_off_a_terminal_or_when_disabled(monkeypatch: pytest.MonkeyPatch) -> None:
    from adapt.progress import progress

    for stream, enabled in ((io.StringIO(), True), (FakeTTY(), False)):
        with progress(10, label="x", enabled=enabled, stream=stream) as bar:
            bar.advance(10)
        assert not bar.active and stream.getvalue() == ""
    with progress(0, label="empty", enabled=True, stream=FakeTTY()) as bar:  # nothing to do
        bar.advance(1)
    assert not bar.active
    # The default stream is sys.stderr as it is at the call (pytest's capture here).
    fake = FakeTTY()
    monkeypatch.setattr("sys.stderr", fake)
    with progress(2, label="y", enabled=True) as bar:
        bar.advance(2)
    assert "y: 100%" in fake.getvalue()


def test_progress_many_small_steps_write_at_most_101_frames() -> None:
    from adapt.progress import progress

    err = FakeTTY()
    with progress(100_000, label="novel", enabled=True, stream=err) as bar:
        for _ in range(100_000):
            bar.advance(1)
    assert err.getvalue().count("\r") <= 101 + 2
