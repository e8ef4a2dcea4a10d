"""Which font prints each character of the PDF (PDF stage 3): Courier Prime, else a fallback.

Courier Prime covers Latin. What it lacks comes, in this order, from the font files the
user names (``--font``), the bundled DejaVu Sans Mono (Cyrillic, Greek and most other
alphabets; free licence, ``fonts/LICENSE-DejaVu.txt``), and fonts installed on the system
(CJK), found through fontconfig's ``fc-list`` or in the usual folders. A fallback glyph is
spaced to fill its grid cells (``cells``), so the monospace grid holds whatever font
prints it. What no font has is named in one warning, never left a silent blank.
"""
from __future__ import annotations

import bisect
import hashlib
import io
import logging
import os
import re
import shutil
import subprocess
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from adapt.errors import AdaptError
from adapt.resources import font_path
from adapt.writers.pdf.subset import subset_font
from adapt.writers.pdf.cells import char_cells

log = logging.getLogger("adapt")

_PRIMARY = {(False, False): "", (True, False): "-Bold", (False, True): "-Italic",
            (True, True): "-Bold-Italic"}
_BUNDLED = {False: "DejaVuSansMono.ttf", True: "DejaVuSansMono-Bold.ttf"}
SLANT = 0.2
"""Shear of a synthetic italic, for fallback fonts that have no italic face."""
_CJK_HINT = re.compile(r"cjk|hei|song|ming|gothic|mincho|kai|wqy|fallback|ipa|takao|vlgothic|"
                       r"msyh|simsun|simhei|meiryo|yugoth|pingfang|hiragino|unifont|batang|gulim",
                       re.I)


class FontError(AdaptError):
    """A font file named with ``--font`` that cannot print."""


@cache
def primary(family: str) -> dict[tuple[bool, bool], str]:
    """ReportLab font names by (bold, italic); registers Courier Prime once per process."""
    if family == "Courier":
        return {(False, False): "Courier", (True, False): "Courier-Bold",
                (False, True): "Courier-Oblique", (True, True): "Courier-BoldOblique"}
    if family != "Courier Prime":
        raise ValueError(f"unknown PDF font {family!r}; use 'Courier Prime' or 'Courier'")
    from reportlab.pdfbase import pdfmetrics

    names: dict[tuple[bool, bool], str] = {}
    for key, suffix in _PRIMARY.items():
        name = f"CourierPrime{suffix}"
        pdfmetrics.registerFont(subset_font()(name, str(font_path(f"Courier-Prime{suffix}.ttf"))))
        names[key] = name
    return names


@cache
def _covers(name: str) -> frozenset[int]:
    """Code points a registered font has a glyph for."""
    from reportlab.pdfbase import pdfmetrics

    font = pdfmetrics.getFont(name)
    glyphs = getattr(getattr(font, "face", None), "charToGlyph", None)
    if glyphs is None:  # a built-in Type 1 font: the WinAnsi characters
        return frozenset(ord(ch) for c in range(32, 256) for ch in bytes([c]).decode("cp1252", "ignore"))
    return frozenset(c for c, g in glyphs.items() if g)


@cache
def _bundled(bold: bool) -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    name = "DejaVuSansMono" + ("-Bold" if bold else "")
    pdfmetrics.registerFont(TTFont(name, str(font_path(_BUNDLED[bold]))))
    return name


@dataclass(frozen=True, slots=True)
class Stretch:
    """Consecutive characters drawn with one font and spacing."""

    font: str
    text: str
    cells: int
    """Grid cells it fills."""
    space: float
    """Extra points after each glyph (PDF ``Tc``) so each glyph fills its cells."""
    shift: float
    """Points right of the grid column: centres glyphs narrower than their cells."""
    slant: bool
    """Draw sheared: a synthetic italic."""


@dataclass(frozen=True, slots=True)
class _Face:
    regular: str
    bold: str
    covers: frozenset[int]


class Fonts:
    """The fonts of one PDF: Courier Prime, then what prints the characters it lacks."""

    def __init__(self, family: str, needed: Iterable[str], files: tuple[str, ...] = (),
                 size: float = 12.0, column: float = 7.2) -> None:
        self.primary = primary(family)
        self.size, self.column = size, column
        self._plain = _covers(self.primary[False, False])
        self._faces: list[_Face] = []
        self._of: dict[str, int] = {}  # character → index into _faces
        rest = sorted({c for c in needed if ord(c) not in self._plain and _printable(c)})
        self.missing: tuple[str, ...] = ()
        if rest:
            self._choose(rest, files)

    def _choose(self, rest: list[str], files: tuple[str, ...]) -> None:
        def take(face: _Face) -> None:
            nonlocal rest
            got = [c for c in rest if ord(c) in face.covers]
            if got:
                for c in got:
                    self._of[c] = len(self._faces)
                self._faces.append(face)
                rest = [c for c in rest if ord(c) not in face.covers]

        for f in files:
            if rest:
                take(_face_of(_Installed(f, 0, Path(f).stem, "", ()), rest))
        if rest:
            regular = _bundled(False)
            take(_Face(regular, _bundled(True), _covers(regular)))
        for font in _pick_installed(rest):
            if rest:
                take(_face_of(font, rest))
        self.missing = tuple(rest)

    def plain(self, text: str) -> bool:
        """Courier Prime prints all of ``text``: draw it as one run, as always."""
        return text.isascii() or all(ord(c) in self._plain for c in text)

    def stretches(self, text: str, bold: bool, italic: bool) -> list[Stretch]:
        """``text`` cut where the font changes, each stretch spaced to the grid."""
        from reportlab.pdfbase.pdfmetrics import stringWidth

        out: list[Stretch] = []
        key: tuple[str, float, bool] | None = None
        chars: list[str] = []
        n = 0
        for c in text:
            k = self._of.get(c)
            if k is None:
                if ord(c) not in self._plain and unicodedata.category(c) == "Cf":
                    continue  # a zero-width format character no font draws
                this = (self.primary[bold, italic], 0.0, False)
            else:
                face = self._faces[k]
                font = face.bold if bold else face.regular
                room = char_cells(c) * self.column
                this = (font, room - stringWidth(c, font, self.size), italic)
            if this != key and chars:
                out.append(_stretch(key, chars, n))  # type: ignore[arg-type]
                chars, n = [], 0
            key = this
            chars.append(c)
            n += char_cells(c)
        if chars:
            out.append(_stretch(key, chars, n))  # type: ignore[arg-type]
        return out

    def warn(self) -> None:
        """One warning line naming the characters that print blank."""
        if not self.missing:
            return
        shown = " ".join(f"{c} (U+{ord(c):04X})" for c in self.missing[:12])
        more = f" and {len(self.missing) - 12} more" if len(self.missing) > 12 else ""
        wide = any(char_cells(c) == 2 for c in self.missing)
        package = "fonts-noto-cjk" if wide else "fonts-noto-core"
        log.warning("no font has a glyph for %s%s: they print blank in the PDF; install a font "
                    "that has them (apt install %s) or name one with --font FILE",
                    shown, more, package)


def _stretch(key: tuple[str, float, bool], chars: list[str], n: int) -> Stretch:
    font, space, slant = key
    return Stretch(font, "".join(chars), n, space, max(space, 0.0) / 2, slant)


def _printable(c: str) -> bool:
    return not c.isspace() and unicodedata.category(c) not in ("Cc", "Cf")


# ---------------------------------------------------------------- installed fonts
@dataclass(frozen=True, slots=True)
class _Installed:
    """A font file (and face in a collection) on this machine."""

    path: str
    index: int
    family: str
    style: str
    ranges: tuple[tuple[int, int], ...]
    """Sorted code point ranges it covers (inclusive)."""
    cff: bool = False

    def has(self, cp: int) -> bool:
        i = bisect.bisect_right(self.ranges, (cp, 0x10FFFF)) - 1
        return i >= 0 and self.ranges[i][0] <= cp <= self.ranges[i][1]


def _pick_installed(rest: list[str]) -> list[_Installed]:
    """Installed fonts for ``rest``, best first: most of it, monospaced, the script's
    region (Japanese kana → a JP face), sans before serif, TrueType before CFF."""
    if not rest:
        return []
    fonts = [f for f in installed() if _regular(f.style)]
    region = ("JP" if any("\u3040" <= c <= "\u30ff" for c in rest) else
              "KR" if any("\uac00" <= c <= "\ud7af" for c in rest) else "SC")
    sample = [ord(c) for c in rest[:: max(1, len(rest) // 200)]]
    chosen: list[_Installed] = []
    left = set(sample)
    while left and len(chosen) < 4:
        def rank(f: _Installed, left: set[int] = left) -> tuple[int, bool, bool, bool, bool]:
            fam = f.family.lower()
            return (sum(1 for cp in left if f.has(cp)), "mono" in fam, region.lower() in fam.split(),
                    "serif" not in fam, not f.cff)
        best = max(fonts, key=rank, default=None)
        if best is None or rank(best)[0] == 0:
            break
        chosen.append(best)
        left = {cp for cp in left if not best.has(cp)}
    return chosen


def _regular(style: str) -> bool:
    s = style.lower()
    return not s or any(w in s for w in ("regular", "book", "normal", "roman", "medium"))


@cache
def installed() -> tuple[_Installed, ...]:
    """Fonts on this machine: fontconfig's list, else the usual folders (CJK-named files)."""
    if shutil.which("fc-list"):
        try:
            listing = subprocess.run(
                ["fc-list", "--format", "%{file}\t%{index}\t%{family[0]}\t%{style[0]}\t"
                                        "%{fontformat}\t%{charset}\n"],
                capture_output=True, text=True, timeout=20, check=True).stdout
        except (OSError, subprocess.SubprocessError):
            listing = ""
        out = []
        for row in listing.splitlines():
            parts = row.split("\t")
            if len(parts) != 6 or parts[4] not in ("TrueType", "CFF"):
                continue
            path, index, family, style, kind, charset = parts
            ranges = tuple(sorted(_range(r) for r in charset.split()))
            out.append(_Installed(path, int(index or 0), family, style, ranges, kind == "CFF"))
        if out:
            return tuple(sorted(out, key=lambda f: (f.path, f.index)))
    return _scan_folders()


def _range(r: str) -> tuple[int, int]:
    a, _, b = r.partition("-")
    return int(a, 16), int(b or a, 16)


def _scan_folders() -> tuple[_Installed, ...]:
    home = Path.home()
    folders = [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), home / ".fonts",
               home / ".local/share/fonts", Path("/Library/Fonts"), Path("/System/Library/Fonts"),
               home / "Library/Fonts", Path(os.environ.get("WINDIR", "C:/Windows")) / "Fonts"]
    files = sorted(p for d in folders if d.is_dir() for p in d.rglob("*")
                   if p.suffix.lower() in (".ttf", ".otf", ".ttc") and _CJK_HINT.search(p.name))
    out = []
    for p in files[:40]:
        try:
            out.append(_read(str(p), 0))
        except Exception:  # noqa: BLE001 - an unreadable file is simply not a candidate
            continue
    return tuple(out)


def _read(path: str, index: int) -> _Installed:
    from fontTools.ttLib import TTFont

    with open(path, "rb") as fh, TTFont(fh, fontNumber=index, lazy=True) as font:
        cps = sorted(font.getBestCmap() or {})
        family = font["name"].getDebugName(1) or Path(path).stem
        style = font["name"].getDebugName(2) or ""
        cff = "CFF " in font
    ranges: list[tuple[int, int]] = []
    for cp in cps:
        if ranges and ranges[-1][1] == cp - 1:
            ranges[-1] = (ranges[-1][0], cp)
        else:
            ranges.append((cp, cp))
    return _Installed(path, index, family, style, tuple(ranges), cff)


def check_font(path: str) -> None:
    """Refuse a ``--font`` file that cannot be read as a font, before anything is written."""
    try:
        _read(path, 0)
    except Exception as e:  # noqa: BLE001 - any failure means the same to the user
        raise FontError(f"--font {path}: not a font file adapt can use ({e})") from None


def _face_of(font: _Installed, rest: list[str]) -> _Face:
    """Register ``font`` with ReportLab for the characters of ``rest`` it has."""
    if not font.ranges:  # a --font file: read its coverage now
        try:
            font = _read(font.path, font.index)
        except Exception as e:  # noqa: BLE001
            raise FontError(f"--font {font.path}: not a font file adapt can use ({e})") from None
    chars = frozenset(c for c in rest if font.has(ord(c)))
    name = _register(font.path, font.index, chars, font.cff)
    return _Face(name, name, frozenset(ord(c) for c in chars))


@cache
def _register(path: str, index: int, chars: frozenset[str], cff: bool) -> str:
    """The ReportLab name of a font for ``chars``. TrueType outlines are read as they
    are; CFF outlines (Noto CJK, most .otf), which ReportLab cannot embed, are cut down
    to ``chars`` and converted to TrueType with fontTools."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFError, TTFont

    key = f"{path}|{index}|{''.join(sorted(chars))}".encode()
    name = "adapt-" + hashlib.sha1(key).hexdigest()[:12]
    try:
        if cff:
            raise TTFError("CFF outlines")
        pdfmetrics.registerFont(TTFont(name, path, subfontIndex=index))
    except (TTFError, OSError, ValueError, KeyError, AssertionError):
        try:
            pdfmetrics.registerFont(TTFont(name, io.BytesIO(_to_truetype(path, index, chars))))
        except Exception as e:  # noqa: BLE001
            raise FontError(f"cannot embed the font {path}: {e}") from None
    return name


def _to_truetype(path: str, index: int, chars: frozenset[str]) -> bytes:
    """A TrueType-outline font with only ``chars``, from a CFF-outline one."""
    from fontTools import subset
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import TTFont, newTable

    opts = subset.Options()
    opts.layout_features, opts.hinting, opts.notdef_outline = [], False, True
    opts.name_IDs = ["*"]
    with open(path, "rb") as fh, TTFont(fh, fontNumber=index, lazy=True) as font:
        sub = subset.Subsetter(opts)
        sub.populate(unicodes=[ord(c) for c in chars])
        sub.subset(font)
        if "CFF " not in font:
            raise ValueError("neither TrueType nor CFF outlines")
        order = font.getGlyphOrder()
        glyphs = font.getGlyphSet()
        glyf = newTable("glyf")
        glyf.glyphOrder, glyf.glyphs = order, {}
        for g in order:
            pen = TTGlyphPen(None)
            glyphs[g].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
            glyf.glyphs[g] = pen.glyph()
        for table in ("CFF ", "VORG"):
            if table in font:
                del font[table]
        font["glyf"], font["loca"] = glyf, newTable("loca")
        maxp = font["maxp"]
        maxp.tableVersion = 0x00010000
        for attr in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs",
                     "maxInstructionDefs", "maxStackElements", "maxSizeOfInstructions",
                     "maxComponentElements", "maxPoints", "maxContours", "maxCompositePoints",
                     "maxCompositeContours", "maxComponentDepth"):
            setattr(maxp, attr, 0)
        maxp.maxZones = 1
        font["head"].glyphDataFormat, font["head"].indexToLocFormat = 0, 0
        font.sfntVersion = "\x00\x01\x00\x00"
        post = font["post"]
        post.formatType, post.extraNames, post.mapping = 2.0, [], {}
        out = io.BytesIO()
        font.save(out)
        return out.getvalue()
