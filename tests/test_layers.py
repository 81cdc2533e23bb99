"""The folders of ``potensi/`` are its layers and imports only point down (no cycles).

Layers, lowest first: core ← data ← indicators ← conclusions ← study ← report ← commands/cli.
A module may import its own layer or a lower one, never a higher one; the module graph has no
cycle. The package root (``potensi/__init__.py``, the public API) may import any layer.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "potensi"
LAYERS = ["core", "data", "indicators", "conclusions", "study", "report", "commands"]
RANK = {name: i for i, name in enumerate(LAYERS)}
RANK["cli"] = RANK["commands"]
MAX_LINES = 560  # "no module over ~500 lines"
#: The one catalogue of Indonesian wording is a list of strings, not logic: one module by design.
SIZE_EXEMPT = {"potensi.core.wording"}


def _modules() -> dict[str, Path]:
    out = {}
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(PACKAGE.parent).with_suffix("")
        parts = list(rel.parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = path
    return out


def _imports(name: str, path: Path) -> set[str]:
    """Absolute ``potensi.*`` modules imported by one module (relative imports resolved)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("potensi")}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                mod = ".".join(base + ([node.module] if node.module else []))
            else:
                mod = node.module or ""
            if mod.startswith("potensi"):
                found.add(mod)
                found |= {f"{mod}.{a.name}" for a in node.names}
    return found


def _layer(module: str) -> int | None:
    parts = module.split(".")
    return RANK.get(parts[1]) if len(parts) > 1 else None


MODULES = _modules()
GRAPH = {name: {m for m in _imports(name, path) if m in MODULES and m != name} for name, path in MODULES.items()}


def test_every_module_is_in_a_layer():
    stray = [m for m in MODULES if m != "potensi" and _layer(m) is None]
    assert not stray, f"modules outside the layer folders: {stray}"


@pytest.mark.parametrize("name", sorted(m for m in MODULES if m != "potensi"))
def test_imports_point_down(name):
    mine = _layer(name)
    upward = sorted(m for m in GRAPH[name] if m != "potensi" and (_layer(m) or 0) > mine)
    assert not upward, f"{name} (layer {LAYERS[mine]}) imports a higher layer: {upward}"


def test_no_import_cycle():
    state: dict[str, int] = {}

    def visit(node: str, stack: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(GRAPH[node]):
            if nxt == "potensi" or nxt.startswith(f"{node}."):
                continue
            if state.get(nxt) == 1:
                raise AssertionError("import cycle: " + " -> ".join([*stack[stack.index(nxt):], nxt]))
            if not state.get(nxt):
                visit(nxt, [*stack, nxt])
        state[node] = 2

    for name in sorted(GRAPH):
        if not state.get(name):
            visit(name, [name])


def test_detector_sees_an_upward_import(tmp_path):
    # the checker itself can fail: an indicator module importing the report layer is found
    fake = tmp_path / "potensi" / "indicators" / "bad.py"
    fake.parent.mkdir(parents=True)
    fake.write_text("from potensi.report import render\nfrom ..study import province\n")
    found = _imports("potensi.indicators.bad", fake)
    assert {"potensi.report.render", "potensi.study.province"} <= found
    assert max(_layer(m) or 0 for m in found) > RANK["indicators"]


@pytest.mark.parametrize("name", sorted(set(MODULES) - SIZE_EXEMPT))
def test_module_size(name):
    n = len(MODULES[name].read_text(encoding="utf-8").splitlines())
    assert n <= MAX_LINES, f"{name} has {n} lines (limit ~500): split it"
