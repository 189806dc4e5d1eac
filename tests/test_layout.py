"""The tree shows the architecture: stages as subpackages whose imports run one way.

Read from the source with ``ast`` (every import, including those inside functions and under
``TYPE_CHECKING``), so a new module that reaches into another stage's internals, or an import
that closes a cycle, fails here before a reviewer has to spot it.
"""

from __future__ import annotations

import ast
import graphlib
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "quotes"
MAX_LINES = 400
MAX_TOP_MODULES = 8

# Each unit may import only units of a lower layer (and itself). The data's walk, bottom up.
LAYERS = {
    "quotes.errors": 0,
    "quotes.models": 1,
    "quotes.text": 2,
    "quotes.sources": 3,
    "quotes.statements": 3,
    "quotes.extract": 4,
    "quotes.store": 4,
    "quotes.provenance": 5,
    "quotes.cite": 5,
    "quotes.ingestion": 6,
    "quotes.interfaces": 7,
    "quotes.__main__": 8,
}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def bound_names(package: str) -> set[str]:
    """Names a package's ``__init__`` binds: ``from pkg import name`` gets these, not a submodule."""
    path = MODULES[package]
    if path.name != "__init__.py":
        return set()
    names: set[str] = set()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.ImportFrom | ast.Import):
            names.update(alias.asname or alias.name for alias in node.names)
        elif isinstance(node, ast.FunctionDef | ast.ClassDef):
            names.add(node.name)
    return names


def imported(name: str, path: Path) -> set[str]:
    """Absolute names of every ``quotes`` module or package this module imports."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:  # `from . import model` imports a module, unless the package binds the name
                sub = f"{base}.{alias.name}"
                is_module = sub in MODULES and (base not in MODULES or alias.name not in bound_names(base))
                found.add(sub if is_module else base)
    return {f for f in found if f == "quotes" or f.startswith("quotes.")}


IMPORTS = {name: imported(name, path) for name, path in MODULES.items()}


def unit(name: str) -> str:
    """The stage a module belongs to: its first-level subpackage, or the top-level module itself."""
    return ".".join(name.split(".")[:2])


def inner_unit(name: str) -> str:
    """A nested subpackage (``quotes.extract.attribution``) is a unit of its own inside its stage."""
    parts = name.split(".")
    if len(parts) >= 3 and f"{'.'.join(parts[:3])}" in MODULES and (PACKAGE / parts[1] / parts[2]).is_dir():
        return ".".join(parts[:3])
    return unit(name)


def test_at_most_eight_top_level_modules_and_at_least_four_subpackages() -> None:
    top = [p.name for p in PACKAGE.glob("*.py")]
    subpackages = [p.name for p in PACKAGE.iterdir() if (p / "__init__.py").exists()]
    assert len(top) <= MAX_TOP_MODULES, top
    assert len(subpackages) >= 4, subpackages


@pytest.mark.parametrize("name", sorted(MODULES))
def test_module_is_short(name: str) -> None:
    lines = len(MODULES[name].read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{name} has {lines} lines; split it by job"


@pytest.mark.parametrize("name", sorted(n for n, p in MODULES.items() if p.name == "__init__.py" and n != "quotes"))
def test_every_subpackage_names_its_public_api(name: str) -> None:
    tree = ast.parse(MODULES[name].read_text(encoding="utf-8"))
    assigned = [node for node in tree.body if isinstance(node, ast.Assign)]
    names = [t.id for node in assigned for t in node.targets if isinstance(t, ast.Name)]
    docstring = ast.get_docstring(tree)
    assert docstring, f"{name}: say what this stage does"
    if name != "quotes.interfaces":  # a namespace for the interfaces, nothing to export
        assert "__all__" in names, f"{name} has no __all__"


def test_other_stages_are_reached_only_through_their_public_api() -> None:
    leaks = []
    for name, targets in IMPORTS.items():
        for target in targets:
            own = inner_unit(name)
            if inner_unit(target) == own or target == "quotes":
                continue
            if target != inner_unit(target) and target not in LAYERS:  # a module inside another unit
                leaks.append(f"{name} imports {target}")
    assert leaks == []


def test_imports_run_one_way_down_the_layers() -> None:
    upward = []
    for name, targets in IMPORTS.items():
        if name == "quotes":  # the facade re-exports every stage
            continue
        for target in targets:
            if target == "quotes":
                upward.append(f"{name} imports the package facade")
            elif unit(target) != unit(name) and LAYERS[unit(target)] >= LAYERS[unit(name)]:
                upward.append(f"{name} ({LAYERS[unit(name)]}) imports {target} ({LAYERS[unit(target)]})")
    assert upward == []


def test_no_import_cycle_between_units() -> None:
    graph: dict[str, set[str]] = {}
    for name, targets in IMPORTS.items():
        graph.setdefault(inner_unit(name), set()).update(
            inner_unit(t) for t in targets if inner_unit(t) != inner_unit(name) and t != "quotes"
        )
    graphlib.TopologicalSorter(graph).prepare()  # raises CycleError naming the cycle


def test_the_library_never_imports_an_interface() -> None:
    offenders = [n for n, ts in IMPORTS.items() if unit(n) != "quotes.interfaces" and n != "quotes.__main__"
                 and any(unit(t) == "quotes.interfaces" for t in ts)]
    assert offenders == []
