"""Input bytes → clean prose text: which format a file is, encodings, line endings, refusals with a hint."""
from __future__ import annotations

import io
import logging
import os
import re
import stat
import sys
import unicodedata
import zipfile

from adapt.errors import AdaptError, os_reason, shown

log = logging.getLogger(__name__)

MAX_BYTES = 20 * 1024 * 1024
"""Largest input accepted: a long novel is ~2 MB, so 20 MB means a mistake or a
collection, and parsing it would be slow and memory-hungry."""

MAX_FOUNTAIN_BYTES = 4 * MAX_BYTES
"""Largest Fountain script accepted. Rendering is far cheaper than adapting, and an
adaptation is longer than its story (cues, headings, blank lines): the CLI refuses
to write a .fountain above this, so every script adapt writes it can read again."""

# Why no charset library (chardet, charset-normalizer): prose files in the wild
# are UTF-8, UTF-16 with a BOM (Windows Notepad "Unicode"), or Windows-1252 /
# Latin-1 from older word processors. Strict UTF-8 almost never decodes legacy
# 8-bit text by accident, and Windows-1252 is a superset of Latin-1's printable
# range, so this fixed order is deterministic and explainable; statistical
# guessing would add a dependency and sometimes pick an exotic codepage.
_BOMS = (  # UTF-32 first: its LE BOM starts with the UTF-16 LE BOM.
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)

_PLAIN_TEXT = "adapt reads plain-text prose (.txt)"
_SAVE_AS_TEXT = "save it as Plain Text (.txt) from your word processor and adapt that"
_MAGIC = (  # (prefix, what it is, what to do)
    (b"\x89PNG\r\n\x1a\n", "a PNG image", _PLAIN_TEXT),
    (b"\xff\xd8\xff", "a JPEG image", _PLAIN_TEXT),
    (b"GIF87a", "a GIF image", _PLAIN_TEXT),
    (b"GIF89a", "a GIF image", _PLAIN_TEXT),
    (b"%PDF-", "a PDF",
     "export the manuscript it was made from as .docx, .odt, .rtf, .epub or .txt and adapt that "
     "(PDFs are not read: running heads, page numbers and split words garble the prose)"),
    (b"\x1f\x8b", "a gzip-compressed file", "decompress it first (gunzip)"),
    (b"\x7fELF", "a program (ELF executable)", _PLAIN_TEXT),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Word/Office document (.doc)",
     _SAVE_AS_TEXT),
    (b"{\\rtf", "an RTF document", _SAVE_AS_TEXT),
)

# C0 controls that never occur in prose (tab, LF, CR and form feed do).
_C0 = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")
_CONTROL_SHARE = 0.10

_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029]")
_FORM_FEED = re.compile(r"\n*\f[\f\n]*")
# (old, new) pairs; str.replace is ~10x faster than str.translate on non-ASCII text.
_REPLACE = (("\u00a0", " "), ("\u202f", " "), ("\u2007", " "),
            ("\u200b", ""), ("\u2060", ""), ("\ufeff", ""))
# ZWNJ/ZWJ are spelling in Persian/Indic scripts and glue emoji sequences
# (👨‍👩‍👧); there both neighbours are non-ASCII letters/symbols. Stray ones
# from copy-paste sit next to ASCII or spaces, so only those are removed.
_STRAY_JOINER = re.compile(
    r"(?<![^\x00-\x7f\s])[\u200c\u200d]|[\u200c\u200d](?![^\x00-\x7f\s])"
)
_LEADING = re.compile(r"^[ \t]+", re.M)
_INNER_TABS = re.compile(r"\t+")
_TRAILING = re.compile(r"[^\S\n]+$", re.M)
_ESCAPED = re.compile(r"[\udc80-\udcff]+")  # bytes that were not UTF-8
_REAL_NON_ASCII = re.compile(r"[^\x00-\x7f\udc80-\udcff]")
# Per byte 0x80-0xFF: Windows-1252 where defined, else Latin-1.
_LEGACY = "".join(
    bytes([b]).decode("cp1252", "strict") if b not in b"\x81\x8d\x8f\x90\x9d"
    else chr(b)
    for b in range(0x80, 0x100)
)


def decode(data: bytes, *, source: str, keep_spaces: bool = False, limit: int | None = None) -> str:
    """Bytes of a prose file → normalised text, or AdaptError saying why not.

    Refusing binary input here gives a useful hint instead of a parse error
    about line 1 of a PNG. ``keep_spaces`` keeps trailing spaces (Fountain's
    two-space line holds a speech's paragraphs together); ``limit`` defaults to
    MAX_BYTES.
    """
    limit = MAX_BYTES if limit is None else limit
    if len(data) > limit:
        raise _too_big(source, len(data), limit)
    if not data:
        raise AdaptError(f"{source} is empty: nothing to adapt")
    _refuse_magic(data, source)
    codec = next((c for bom, c in _BOMS if data.startswith(bom)), None)
    if codec is not None:
        try:
            text = data.decode(codec)  # "utf-16"/"utf-32" consume the BOM
        except UnicodeDecodeError as e:
            raise AdaptError(
                f"{source} starts with a {codec.upper()} byte-order mark but is not "
                f"valid {codec.upper()} ({e.reason} at byte {e.start}); "
                "re-save it as UTF-8"
            ) from None
    else:
        _refuse_nul(data, source)
        text = _decode_8bit(data, source)
    controls = len(_C0.findall(text))
    if controls > _CONTROL_SHARE * len(text):
        raise AdaptError(
            f"{source} looks like a binary file, not text "
            f"({100 * controls // len(text)}% control characters); {_PLAIN_TEXT}"
        )
    text = normalise(text, keep_spaces=keep_spaces)
    if not text.strip():
        raise AdaptError(f"{source} is empty: nothing to adapt")
    return text


def normalise(text: str, *, keep_spaces: bool = False) -> str:
    """Decoded text → LF lines, plain spaces, no invisible characters, NFC.

    The grammar then only has to know about `\\n` and ` `; words and
    punctuation are never dropped. Trailing spaces go unless ``keep_spaces``.
    """
    if "\r" in text or "\u2028" in text or "\u2029" in text:  # a scan for each is 10× faster than the pattern's
        text = _NEWLINES.sub("\n", text)
    if "\f" in text:  # a page break reads as a paragraph break
        text = _FORM_FEED.sub("\n\n", text)
    for old, new in _REPLACE:
        text = text.replace(old, new)
    if "\u200c" in text or "\u200d" in text:
        text = _STRAY_JOINER.sub("", text)
    if "\t" in text:
        text = _LEADING.sub(lambda m: m.group().replace("\t", "    "), text)
        text = _INNER_TABS.sub(" ", text)
    if not keep_spaces:
        text = strip_trailing(text)
    return unicodedata.normalize("NFC", text)


def strip_trailing(text: str) -> str:
    """Spaces at line ends removed: in prose they are never meaningful. (``_TRAILING.sub("",
    text)``, line by line: str.rstrip strips the same whitespace, 5× faster.)"""
    return "\n".join([line.rstrip() for line in text.split("\n")])


def _decode_8bit(data: bytes, source: str) -> str:
    """UTF-8 (BOM optional), else Windows-1252, else Latin-1."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    has_bom = data.startswith(b"\xef\xbb\xbf")
    body = data[3:] if has_bom else data
    mixed = body.decode("utf-8", "surrogateescape")
    bad = sum(len(m) for m in _ESCAPED.findall(mixed))
    if has_bom or _REAL_NON_ASCII.search(mixed):
        # Mostly UTF-8 with pasted-in legacy bytes: decoding the whole file as
        # Windows-1252 would turn every correct é into mojibake, so only the
        # offending bytes are read as Windows-1252.
        log.warning("%s: %d byte(s) are not UTF-8; read them as Windows-1252",
                    source, bad)
        return _ESCAPED.sub(
            lambda m: "".join(_LEGACY[ord(c) - 0xdc80] for c in m.group()), mixed
        )
    try:
        text = data.decode("cp1252")
        log.warning("%s is not UTF-8; read it as Windows-1252", source)
    except UnicodeDecodeError:
        text = data.decode("latin-1")
        log.warning("%s is not UTF-8; read it as Latin-1", source)
    return text


def _refuse_magic(data: bytes, source: str) -> None:
    """Known binary formats → AdaptError with a hint on getting text out."""
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        what, hint = _zip_kind(data)
        raise AdaptError(f"{source} looks like {what}, not text; {hint}")
    for magic, what, hint in _MAGIC:
        if data.startswith(magic):
            raise AdaptError(f"{source} looks like {what}, not text; {hint}")


def _zip_kind(data: bytes) -> tuple[str, str]:
    """DOCX, EPUB and ODT are all ZIP files; tell them apart by their members."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            names = set(z.namelist())
            mimetype = z.read("mimetype") if "mimetype" in names else b""
    except (zipfile.BadZipFile, OSError, KeyError, EOFError):
        names, mimetype = set(), b""
    if "word/document.xml" in names:
        return "a Word document (.docx)", _SAVE_AS_TEXT
    if mimetype.startswith(b"application/epub+zip"):
        return ("an EPUB e-book",
                "convert it to plain text (.txt) first, e.g. with Calibre or pandoc")
    if mimetype.startswith(b"application/vnd.oasis.opendocument"):
        return "an OpenDocument file (.odt)", _SAVE_AS_TEXT
    return "a ZIP archive", "unzip it and adapt the .txt file inside"


# --- which format -----------------------------------------------------------------------

SUFFIXES = {
    ".txt": "text", ".text": "text",
    ".md": "markdown", ".markdown": "markdown", ".mdown": "markdown", ".mkd": "markdown",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".epub": "epub", ".docx": "docx", ".docm": "docx", ".dotx": "docx",
    ".odt": "odt", ".ott": "odt", ".rtf": "rtf",
}
"""File extension → the reader for it (read_document in read/formats)."""
_KIND_NAMES = {"docx": "a Word document (.docx)", "epub": "an EPUB e-book", "odt": "an OpenDocument text (.odt)",
               "rtf": "an RTF document", "html": "an HTML page"}
_HTML_START = re.compile(rb"\A(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<html[\s>])",
                         re.I | re.S)
_ENCRYPTED_OFFICE = "EncryptionInfo".encode("utf-16-le")
_MAX_UNZIPPED = 20 * MAX_BYTES
"""A package whose parts add up to more than this is a zip bomb, not a manuscript."""


def sniff(data: bytes, *, suffix: str, source: str) -> str:
    """The reader for a file: its extension says which, its bytes have the last word.

    A container the bytes prove (a .txt that is really a DOCX, an HTML page saved as
    .txt) is read as what it is, with a warning; a file whose bytes prove nothing
    (a corrupt .epub) goes to the reader its extension names, which says what is wrong.
    """
    claimed = SUFFIXES.get(suffix.lower())
    found = _content_kind(data, source)
    if found is not None:
        if claimed is not None and claimed != found:
            log.warning("%s is really %s; read it as one", source, _KIND_NAMES[found])
        return found
    if claimed in ("docx", "epub", "odt", "rtf"):
        return claimed  # its reader says what is wrong with it
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06")) or any(data.startswith(m) for m, _, _ in _MAGIC):
        return "text"  # decode() refuses it with a hint
    return claimed or "text"


def _content_kind(data: bytes, source: str) -> str | None:
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                infos = z.infolist()
                names = {i.filename for i in infos}
                mimetype = z.read("mimetype")[:100] if "mimetype" in names else b""
        except (zipfile.BadZipFile, OSError, KeyError, EOFError, RuntimeError):
            return None
        if sum(i.file_size for i in infos) > _MAX_UNZIPPED:
            raise AdaptError(f"{source} unpacks to more than {human_size(_MAX_UNZIPPED)}: "
                             "not a manuscript (a zip bomb?)")
        if "word/document.xml" in names:
            return "docx"
        if mimetype.startswith(b"application/epub+zip") or "META-INF/container.xml" in names:
            return "epub"
        if mimetype.startswith(b"application/vnd.oasis.opendocument.text"):
            return "odt"
        return None
    if data.lstrip()[:5] == b"{\\rtf":
        return "rtf"
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1") and _ENCRYPTED_OFFICE in data[:1 << 20]:
        raise AdaptError(f"{source} is a password-protected Office document; "
                         "save a copy without a password and adapt that")
    if _HTML_START.match(data[:4096]):
        return "html"
    return None


def _refuse_nul(data: bytes, source: str) -> None:
    """NUL never occurs in 8-bit or UTF-8 prose; UTF-16 without a BOM is full of it."""
    if b"\x00" not in data:
        return
    sample = data[:4096]
    if sample.count(0) * 3 >= len(sample):
        raise AdaptError(
            f"{source} looks like UTF-16 text without a byte-order mark; "
            "re-save it as UTF-8"
        )
    raise AdaptError(
        f"{source} looks like a binary file (it contains NUL bytes), not text; "
        f"{_PLAIN_TEXT}"
    )


def human_size(n: int) -> str:
    """``20.0 MB``, ``3.5 KB``, ``11 bytes``."""
    if n < 1024:
        return f"{n} bytes"
    if n < 1024 * 1024:
        return f"{n / 1024:.1f} KB"
    return f"{n / (1024 * 1024):.1f} MB"


def _too_big(source: str, size: int | None, limit: int | None = None) -> AdaptError:
    limit = MAX_BYTES if limit is None else limit
    said, most = "is larger than", human_size(limit)
    if size is not None:
        said = f"is {human_size(size)}, over"
        if human_size(size) == most:  # "20.0 MB, over the 20.0 MB limit" says nothing
            said, most = f"is {size:,} bytes, over", f"{limit:,}-byte ({most})"
    return AdaptError(
        f"{shown(source)} {said} the {most} limit; "
        "split the book into smaller files (e.g. one per part) and adapt each"
    )


def check_size(size: int, source: str, limit: int | None = None) -> None:
    """AdaptError when ``size`` bytes are over ``limit`` (default MAX_BYTES): for text
    read under a larger limit before its kind was known (standard input)."""
    limit = MAX_BYTES if limit is None else limit
    if size > limit:
        raise _too_big(source, size, limit)


def read_input(path: str, *, keep_spaces: bool = False, limit: int | None = None) -> tuple[str, str]:
    """`-` or a file path → (clean text, source name for messages).

    ``keep_spaces`` and ``limit`` as for ``decode`` (a Fountain script: both).
    """
    data, source = read_bytes(path, limit=limit)
    return decode(data, source=source, keep_spaces=keep_spaces, limit=limit), source


def read_bytes(path: str, *, limit: int | None = None) -> tuple[bytes, str]:
    """`-` or a file path → (its bytes, source name for messages); size checked."""
    limit = MAX_BYTES if limit is None else limit
    if path == "-":
        source = "<stdin>"
        stream = getattr(sys.stdin, "buffer", None)
        if stream is not None:
            data = stream.read(limit + 1)
        else:  # sys.stdin replaced by a text stream (tests, embedding)
            data = (sys.stdin.read() if sys.stdin else "").encode("utf-8")
        if len(data) > limit:
            raise _too_big(source, None, limit)
        return data, source
    try:
        with open(path, "rb") as f:
            st = os.fstat(f.fileno())
            # Checked before reading: no need to load 2 GB to refuse it.
            if stat.S_ISREG(st.st_mode) and st.st_size > limit:
                raise _too_big(path, st.st_size, limit)
            data = f.read(limit + 1)  # pipes and devices have no size
    except (FileNotFoundError, NotADirectoryError):
        raise AdaptError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise AdaptError(f"{path}: is a directory, not a text file") from None
    except PermissionError:
        if os.path.isdir(path):  # Windows reports directories this way
            raise AdaptError(f"{path}: is a directory, not a text file") from None
        raise AdaptError(f"{path}: permission denied") from None
    except OSError as e:
        raise AdaptError(f"{path}: cannot read: {os_reason(e)}") from None
    if len(data) > limit:
        raise _too_big(path, None, limit)
    return data, path
