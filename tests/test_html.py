"""HTML preview writer: structure, escaping and element classes."""
from __future__ import annotations

from html.parser import HTMLParser

from adapt.model import (
    Action,
    Boneyard,
    Centered,
    Lyrics,
    Note,
    PageBreak,
    SceneHeading,
    Screenplay,
    Section,
    Sung,
    Synopsis,
    Transition,
    dialogue,
    screenplay,
)
from adapt.writers.html import write_html

VOID = {"meta", "br", "hr", "link", "img", "input"}


class _Checker(HTMLParser):
    """Tracks tag balance, classes in use, external references and visible text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.classes: set[str] = set()
        self.tags: list[str] = []
        self.refs: list[str] = []
        self.text: list[str] = []
        self.by_class: dict[str, list[str]] = {}
        self._open_classes: list[list[str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        a = dict(attrs)
        self.refs += [v or "" for k, v in attrs if k in ("src", "href")]
        cls = (a.get("class") or "").split()
        self.classes.update(cls)
        if tag not in VOID:
            self.stack.append(tag)
            self._open_classes.append(cls)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"unexpected </{tag}> with open {self.stack}")
            return
        self.stack.pop()
        self._open_classes.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        for cls in {c for cs in self._open_classes for c in cs}:
            self.by_class.setdefault(cls, []).append(data)


def _check(doc: Screenplay) -> tuple[str, _Checker]:
    out = write_html(doc)
    c = _Checker()
    c.feed(out)
    c.close()
    assert c.errors == []
    assert c.stack == []
    return out, c


def _sample() -> Screenplay:
    return screenplay(
        SceneHeading("INT. KITCHEN - DAY", number="7"),
        Action("Anna *waits*, **bold** and _under_."),
        dialogue("ANNA", "(quietly)", "Hello?", extension="O.S."),
        dialogue("BOB", "Who?", Sung("Tra la.")),
        dialogue("CAROL", "Me!", dual=True),
        Transition("CUT TO:"),
        Centered("THE END"),
        Lyrics(("Row, row,", "row your boat")),
        Note("fix this"),
        Section("Act One"),
        Synopsis("They meet."),
        PageBreak(),
        Boneyard("cut material"),
        title="Kitchen", author="Me", contact="me@example.com",
    )


def test_well_formed_self_contained_page() -> None:
    out, c = _check(_sample())
    assert out.startswith("<!DOCTYPE html>")
    assert c.tags[:1] == ["html"]
    assert "style" in c.tags and "script" not in c.tags
    assert c.refs == []
    assert "@import" not in out and "url(" not in out


def test_each_element_class_present() -> None:
    _, c = _check(_sample())
    expected = {"title-page", "scene-heading", "scene-number", "action", "dialogue",
                "character", "parenthetical", "speech", "sung", "dual", "transition",
                "centered", "lyrics", "note", "section", "synopsis", "page-break"}
    assert expected <= c.classes


def test_text_lands_in_the_right_element() -> None:
    _, c = _check(_sample())
    joined = {k: "".join(v) for k, v in c.by_class.items()}
    assert joined["scene-heading"] == "7INT. KITCHEN - DAY"
    assert joined["action"] == "Anna waits, bold and under."
    assert joined["character"] == "ANNA (O.S.)BOBCAROL"
    assert joined["parenthetical"] == "(quietly)"
    assert joined["transition"] == "CUT TO:"
    assert joined["centered"] == "THE END"
    assert joined["note"] == "fix this"
    assert "CAROL" in joined["dual"] and "BOB" in joined["dual"]
    assert "ANNA" not in joined["dual"]
    assert "Kitchen" in joined["title-page"] and "me@example.com" in joined["title-page"]


def test_boneyard_not_shown() -> None:
    out, _ = _check(_sample())
    assert "cut material" not in out


def test_script_in_text_is_escaped() -> None:
    evil = '<script>alert("x")</script> & more'
    doc = screenplay(Action(evil), dialogue("<B>", evil), Note(evil),
                     SceneHeading("INT. <I> - DAY", number='"><script>'), title=evil)
    out, c = _check(doc)
    assert "<script>" not in out
    assert "&lt;script&gt;" in out
    assert "script" not in c.tags
    assert evil in "".join(c.text)


def test_emphasis_tags() -> None:
    out, _ = _check(screenplay(Action("*i* **b** _u_ ***bi***")))
    assert "<em>i</em>" in out
    assert "<strong>b</strong>" in out
    assert "<u>u</u>" in out
    assert "<strong><em>bi</em></strong>" in out


def test_newlines_become_breaks() -> None:
    out, _ = _check(screenplay(Action("one\ntwo")))
    assert "one<br>two" in out


def test_title_from_title_page() -> None:
    _, c = _check(screenplay(Action("x"), title="My *Film*"))
    assert c.by_class["tp-title"] == ["My ", "Film"]
    out = write_html(screenplay(Action("x"), title="A & B"))
    assert "<title>A &amp; B</title>" in out
    assert "<title>Screenplay</title>" in write_html(screenplay(Action("x")))


def test_no_title_page_block_when_empty() -> None:
    _, c = _check(screenplay(Action("x")))
    assert "title-page" not in c.classes
