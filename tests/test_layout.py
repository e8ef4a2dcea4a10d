"""The package layout reads as the pipeline: stage folders, small modules, no import cycles."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

from adapt.language.sentences import sentences

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "adapt"
STAGES = {"read", "speakers", "action", "language", "scenes", "fountain", "writers"}


def _modules() -> dict[str, Path]:
    out = {}
    for path in PACKAGE.rglob("*.py"):
        parts = list(path.relative_to(PACKAGE).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(["adapt", *parts])] = path
    return out


def _imports(path: Path, modules: dict[str, Path]) -> set[str]:
    """Modules of adapt that `path` imports anywhere (top level or inside functions)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("adapt"):
            for alias in node.names:
                sub = f"{node.module}.{alias.name}"
                found.add(sub if sub in modules else node.module)
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("adapt")}
    return found & set(modules)


def test_top_level_is_the_pipeline_not_a_heap() -> None:
    top = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert len(top) <= 10, top
    folders = {p.name for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    assert STAGES <= folders


def test_no_module_is_over_400_lines() -> None:
    long = {name: n for name, path in _modules().items()
            if (n := len(path.read_text(encoding="utf-8").splitlines())) > 400}
    assert not long


def test_no_import_cycles() -> None:
    modules = _modules()
    graph = {m: _imports(p, modules) - {m} for m, p in modules.items()}
    # A package's __init__ re-exporting its own modules is not a cycle of logic.
    for m in graph:
        graph[m] = {d for d in graph[m] if not (m.startswith(d + ".") and modules[d].name == "__init__.py")}
    state: dict[str, int] = {}

    def visit(m: str, path: list[str]) -> None:
        state[m] = 1
        for d in sorted(graph[m]):
            if state.get(d) == 1:
                pytest.fail("import cycle: " + " → ".join(path[path.index(d):] + [d]) if d in path
                            else f"import cycle through {d}")
            if d not in state:
                visit(d, path + [d])
        state[m] = 2

    for m in sorted(graph):
        if m not in state:
            visit(m, [m])


def test_the_model_imports_no_stage() -> None:
    assert _imports(PACKAGE / "model.py", _modules()) == set()


# ---- the one sentence splitter: the cases each former splitter's caller relied on
@pytest.mark.parametrize("text, expected", [
    # titles and initials end no sentence (attribution's resolver relied on this)
    ("Mr. Darcy bowed. Mrs. Bennet smiled.", ["Mr. Darcy bowed.", "Mrs. Bennet smiled."]),
    ("Dr. Watson and St. Clair left. J. Smith stayed.", ["Dr. Watson and St. Clair left.", "J. Smith stayed."]),
    # a quotation's own stops are the speaker's, and a tag after "?" stays with it
    ('"Where? Here?" I ask. She nods.', ['"Where? Here?" I ask.', "She nods."]),
    # an ellipsis trails off rather than ending the sentence
    ("She waited... Nothing came. Then rain.", ["She waited... Nothing came.", "Then rain."]),
    # a lower-case continuation is not a new sentence
    ("He said no. and left", ["He said no. and left"]),
])
def test_sentences(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_clauses_cut_at_semicolons_and_colons_for_scene_finding() -> None:
    text = "It was late; she walked into the kitchen: nobody there. Mr. Hale sat down."
    assert sentences(text, clauses=True) == [
        "It was late;", "she walked into the kitchen:", "nobody there.", "Mr. Hale sat down."]
