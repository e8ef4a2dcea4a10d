"""Input decoding, refusals and atomic writes (adapt.read.decode)."""
from __future__ import annotations

import io
import os
import stat
import sys
import unicodedata
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from adapt.errors import AdaptError
from adapt.output import write_atomic
from adapt.read import decode as decoding
from adapt.read.decode import decode, normalise, read_input

PROSE = "“Come in,” she said — and he did…\nThe café was closed.\n"


def refusal(data: bytes, source: str = "story.txt") -> str:
    with pytest.raises(AdaptError) as info:
        decode(data, source=source)
    message = str(info.value)
    assert "\n" not in message and message.startswith(source)
    return message


# --- encodings -------------------------------------------------------------

@pytest.mark.parametrize("data", [
    PROSE.encode("utf-8"),
    b"\xef\xbb\xbf" + PROSE.encode("utf-8"),
    PROSE.encode("utf-16"),                        # BOM + native order
    b"\xff\xfe" + PROSE.encode("utf-16-le"),
    b"\xfe\xff" + PROSE.encode("utf-16-be"),
    b"\xff\xfe\x00\x00" + PROSE.encode("utf-32-le"),
    b"\x00\x00\xfe\xff" + PROSE.encode("utf-32-be"),
    PROSE.encode("cp1252"),
], ids=["utf8", "utf8-bom", "utf16", "utf16le", "utf16be", "utf32le", "utf32be",
        "cp1252"])
def test_encodings_decode_to_the_same_text(data: bytes) -> None:
    assert decode(data, source="s") == PROSE


def test_cp1252_smart_punctuation() -> None:
    data = b"\x93Hi,\x94 she said \x96 then \x97 \x85 \x91ok\x92"
    assert decode(data, source="s") == "“Hi,” she said – then — … ‘ok’"


def test_latin1_when_cp1252_cannot_decode() -> None:
    # 0x81 is undefined in Windows-1252, so the whole file is Latin-1.
    assert decode(b"caf\xe9 \x81", source="s") == "café \x81"


def test_mostly_utf8_with_stray_cp1252_bytes_keeps_both() -> None:
    data = "café ".encode() + b"\x93quoted\x94"
    assert decode(data, source="s") == "café “quoted”"


def test_bom_then_invalid_utf8_reads_stray_bytes_as_cp1252() -> None:
    assert decode(b"\xef\xbb\xbfit\x92s", source="s") == "it’s"


def test_broken_utf16_is_refused() -> None:
    message = refusal(b"\xff\xfeA\x00B")  # odd length
    assert "UTF-16" in message and "re-save" in message


def test_nfc() -> None:
    assert decode("cafe\u0301".encode(), source="s") == "caf\u00e9"


# --- normalisation ---------------------------------------------------------

@pytest.mark.parametrize("raw, clean", [
    ("a\r\nb\r\n", "a\nb\n"),
    ("a\rb\r", "a\nb\n"),
    ("a\r\n\r\nb", "a\n\nb"),
    ("a\u2028b\u2029c", "a\nb\nc"),
    ("Mr.\u00a0Smith\u202fand\u2007co", "Mr. Smith and co"),
    ("zero\u200bwidth\u2060 \ufeffgone", "zerowidth gone"),
    ("stray\u200d joiner \u200cx", "stray joiner x"),
    ("\tIndented\tinner\t\ttabs", "    Indented inner tabs"),
    (" \t\tmixed", "         mixed"),
    ("trailing   \nspace\t\n", "trailing\nspace\n"),
    ("page one\fpage two", "page one\n\npage two"),
    ("end.\n\f\nChapter 2", "end.\n\nChapter 2"),
    ("line  \f  next", "line\n\n  next"),
])
def test_normalise(raw: str, clean: str) -> None:
    assert normalise(raw) == clean
    assert decode(raw.encode("utf-8"), source="s") == clean


@pytest.mark.parametrize("text", [
    "👨\u200d👩\u200d👧",             # emoji family sequence
    "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645",  # Persian: می‌خواهم
    "\u0915\u094d\u200d\u0937",       # Devanagari half-form with ZWJ
])
def test_joiners_inside_scripts_and_emoji_are_kept(text: str) -> None:
    assert normalise(text) == unicodedata.normalize("NFC", text)


def test_other_characters_are_kept_exactly() -> None:
    text = "Ünïcödé — “quotes” ‘single’ … ½ ✓ 漢字 \x1a end\n\n\nx"
    assert decode(text.encode(), source="s") == text


WORDS = st.text(
    alphabet=st.characters(
        codec="utf-8",
        exclude_categories=("Cs", "Cc", "Cf", "Zl", "Zp"),
        include_characters="\t\n\r",
    ),
    min_size=1,
)


@settings(max_examples=150, deadline=None, database=None)
@given(WORDS)
def test_no_word_is_ever_dropped(text: str) -> None:
    expected = unicodedata.normalize("NFC", text).split()
    if not expected:
        return
    assert decode(text.encode("utf-8"), source="s").split() == expected


# --- refusals --------------------------------------------------------------

@pytest.mark.parametrize("data", [b"", b"  \n\t\r\n\f ", b"\xef\xbb\xbf",
                                  "\u00a0\u200b\n".encode(), b"\xff\xfe"])
def test_empty_or_blank_input(data: bytes) -> None:
    assert refusal(data) == "story.txt is empty: nothing to adapt"


def _zip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, body in members.items():
            z.writestr(name, body)
    return buf.getvalue()


@pytest.mark.parametrize("data, expect", [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "looks like a PNG image, not text"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF", "a JPEG image"),
    (b"GIF89a\x01\x00", "a GIF image"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "a PDF, not text; export"),
    (b"\x1f\x8b\x08\x00", "gzip"),
    (b"\x7fELF\x02\x01\x01", "ELF"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00", "(.doc)"),
    (b"{\\rtf1\\ansi Hello}", "RTF"),
    (_zip({"[Content_Types].xml": b"<x/>", "word/document.xml": b"<w/>"}),
     "a Word document (.docx), not text; save it as Plain Text (.txt)"),
    (_zip({"mimetype": b"application/epub+zip", "OEBPS/a.xhtml": b"<p/>"}),
     "an EPUB e-book, not text; convert it to plain text"),
    (_zip({"mimetype": b"application/vnd.oasis.opendocument.text"}), "(.odt)"),
    (_zip({"story.txt": b"Once upon a time."}), "a ZIP archive"),
    (b"PK\x03\x04 truncated", "a ZIP archive"),
])
def test_known_binary_formats(data: bytes, expect: str) -> None:
    assert expect in refusal(data)


def test_png_message_suggests_plain_text() -> None:
    assert refusal(b"\x89PNG\r\n\x1a\n", "cover.png") == (
        "cover.png looks like a PNG image, not text; "
        "adapt reads plain-text prose (.txt)")


def test_random_binary_with_nuls() -> None:
    data = bytes(range(256)) * 4
    assert "binary" in refusal(data)


def test_utf16_without_bom_gets_a_specific_hint() -> None:
    assert "UTF-16 text without a byte-order mark" in refusal(
        "Once upon a time".encode("utf-16-le"))


def test_mostly_control_characters() -> None:
    data = b"ab\x01\x02\x03\x1b\x07cdefgh" * 10
    assert "control characters" in refusal(data)


def test_a_few_control_characters_are_tolerated() -> None:
    assert decode(b"Chapter 1\x1a\nIt was late.", source="s") == \
        "Chapter 1\x1a\nIt was late."


def test_over_size(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(decoding, "MAX_BYTES", 10)
    message = refusal(b"x" * 11)
    assert "11 bytes" in message and "10 bytes limit" in message
    assert "split" in message
    assert decode(b"x" * 10, source="s") == "x" * 10


def test_default_limit_message_uses_megabytes() -> None:
    message = str(decoding._too_big("big.txt", 25 * 1024 * 1024))
    assert message.startswith("big.txt is 25.0 MB, over the 20.0 MB limit; split")


# --- read_input ------------------------------------------------------------

def test_read_file(tmp_path: Path) -> None:
    p = tmp_path / "story.txt"
    p.write_bytes(b"\x93Hi\x94\r\n")
    assert read_input(str(p)) == ("“Hi”\n", str(p))


def test_read_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = io.TextIOWrapper(io.BytesIO("\ufeffHé\r\n".encode()), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", fake)
    assert read_input("-") == ("Hé\n", "<stdin>")


def test_read_stdin_text_stream(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("plain"))
    assert read_input("-") == ("plain", "<stdin>")


def test_read_stdin_over_size(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(decoding, "MAX_BYTES", 5)
    fake = io.TextIOWrapper(io.BytesIO(b"x" * 100), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", fake)
    with pytest.raises(AdaptError, match=r"^<stdin> is larger than the 5 bytes limit"):
        read_input("-")


def test_read_over_size_checks_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(decoding, "MAX_BYTES", 100)
    p = tmp_path / "big.txt"
    p.write_bytes(b"x" * 1000)
    with pytest.raises(AdaptError, match="is 1000 bytes, over the 100 bytes limit"):
        read_input(str(p))


@pytest.mark.parametrize("name, message", [
    ("story.txt", "story.txt: no such file"),
    ("notes.txt/x.txt", "notes.txt/x.txt: no such file"),
    ("chapters/", "chapters/: is a directory, not a text file"),
])
def test_read_errors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "chapters").mkdir()
    (tmp_path / "notes.txt").write_text("x")
    with pytest.raises(AdaptError) as info:
        read_input(name)
    assert str(info.value) == message


def test_read_permission_denied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def deny(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("builtins.open", deny)
    with pytest.raises(AdaptError, match=r"^secret.txt: permission denied$"):
        read_input("secret.txt")


def test_read_refusal_names_the_file(tmp_path: Path) -> None:
    p = tmp_path / "empty.txt"
    p.write_bytes(b"")
    with pytest.raises(AdaptError, match="empty.txt is empty: nothing to adapt"):
        read_input(str(p))


# --- write_atomic ----------------------------------------------------------

def _leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]


def test_write_creates_utf8_with_lf(tmp_path: Path) -> None:
    out = tmp_path / "x.fountain"
    write_atomic(out, "INT. CAFÉ – DAY\n\nShe waits.\n")
    assert out.read_bytes() == "INT. CAFÉ – DAY\n\nShe waits.\n".encode()
    assert _leftovers(tmp_path) == []


def test_write_default_permissions_follow_umask(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        write_atomic(tmp_path / "x.pdf", b"%PDF-")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "x.pdf").stat().st_mode) == 0o644


def test_write_replaces_and_keeps_permissions(tmp_path: Path) -> None:
    out = tmp_path / "x.fdx"
    out.write_text("old")
    out.chmod(0o640)
    write_atomic(out, b"new")
    assert out.read_bytes() == b"new"
    assert stat.S_IMODE(out.stat().st_mode) == 0o640
    assert _leftovers(tmp_path) == []


def test_write_through_symlink(tmp_path: Path) -> None:
    real = tmp_path / "real.fountain"
    real.write_text("old")
    link = tmp_path / "link.fountain"
    link.symlink_to(real)
    write_atomic(link, "new")
    assert link.is_symlink() and real.read_text() == "new"


@pytest.mark.parametrize("target", ["os.replace", "os.fsync"])
def test_failed_write_leaves_existing_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, target: str
) -> None:
    out = tmp_path / "x.fountain"
    out.write_text("precious")

    def fail(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(target, fail)
    with pytest.raises(AdaptError) as info:
        write_atomic(out, "new")
    assert str(info.value) == f"cannot write {out}: no space left on device"
    assert out.read_text() == "precious"
    assert _leftovers(tmp_path) == []


def test_write_permission_denied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def deny(*args: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("os.replace", deny)
    with pytest.raises(AdaptError, match=r"^cannot write .*x.fountain: permission denied$"):
        write_atomic(tmp_path / "x.fountain", "x")
    assert list(tmp_path.iterdir()) == []


def test_write_missing_directory(tmp_path: Path) -> None:
    out = tmp_path / "out" / "x.fountain"
    with pytest.raises(AdaptError) as info:
        write_atomic(out, "x")
    assert str(info.value) == (
        f"cannot write {out}: no such directory {tmp_path / 'out'}; create it first")


def test_write_onto_a_directory(tmp_path: Path) -> None:
    (tmp_path / "x.fountain").mkdir()
    with pytest.raises(AdaptError, match="is a directory"):
        write_atomic(tmp_path / "x.fountain", "x")
    assert _leftovers(tmp_path) == []
