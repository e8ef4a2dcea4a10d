"""Speech reported without quotation marks: only the clearly spoken becomes dialogue."""
from __future__ import annotations

from adapt.speakers.reported import find_reported_speech


def test_repeated_words_after_speaking_are_speech() -> None:
    said = find_reported_speech("And I'm crying those words back to her, to know. I'm sorry. I'm sorry. It ends.")
    assert said is not None
    assert said.words == "I'm sorry. I'm sorry."
    assert said.before.endswith("to know.") and said.after == "It ends."
    assert said.subject == "I'm"


def test_repetition_without_speaking_is_narration() -> None:
    assert find_reported_speech("He walked home. It was late. It was late.") is None


def test_a_single_sentence_is_not_enough() -> None:
    assert find_reported_speech("She whispered to him. Come back.") is None


def test_long_sentences_are_not_taken_for_cries() -> None:
    line = "The river went on and on past the mill and the bridge and the town."
    assert find_reported_speech(f"He said nothing. {line} {line}") is None
