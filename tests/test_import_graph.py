"""Our apps import in one direction, and no module imports itself back.

Apps, highest first: demo → workshops → booklets → curriculum → accounts → operations.
A module may import its own app and the apps below it, never one above; config (the
project) may import anything, and nothing imports config. The direction is checked over
every import, at module level or inside a function, since either loads the other app.

Cycles are checked over module-level imports (those run when a module is first loaded)
and over imports inside functions that do not say why they are there. Importing `a.b.c`
runs `a/b/__init__.py` first, so it counts as importing `a.b` too (unless `a.b` is the
importer's own package, which is loading already). An import inside a function is how a
justified cycle (or loading only once Django's apps are ready) is broken, so each one of
our own modules carries its reason in a comment, on its line or above its run of
imports. Migrations and tests are not part of the graph, nor the scripts in bench/ and
tools/, which no module imports.
"""

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LAYERS = ["demo", "workshops", "booklets", "curriculum", "accounts", "operations"]
PROJECT = "config"
REASON = re.compile(r"#(?!\s*noqa)\s*\w")


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _sources() -> dict[str, Path]:
    return {
        _module_name(path): path
        for app in [PROJECT, *LAYERS]
        for path in sorted((ROOT / app).rglob("*.py"))
        if "migrations" not in path.parts
    }


MODULES = _sources()


def _comment_of(module: str, line: int) -> str:
    """The import's own line, and the line above the run of imports it is part of."""
    lines = MODULES[module].read_text().splitlines()
    top = line - 1
    while top > 0 and lines[top - 1].lstrip().startswith(("from ", "import ")):
        top -= 1
    return lines[line - 1] + (lines[top - 1] if top > 0 else "")


class Import:
    def __init__(self, importer: str, target: str, line: int, in_function: bool):
        self.importer, self.target, self.line = importer, target, line
        # An in-function import without its reason counts like any other.
        self.breaks_cycle = in_function and REASON.search(_comment_of(importer, line))
        self.in_function = in_function

    def __str__(self) -> str:
        return f"{MODULES[self.importer].relative_to(ROOT)}:{self.line} imports {self.target}"


def _targets(node, importer: str) -> list[str]:
    """The modules of ours an import statement loads, most specific first."""
    if isinstance(node, ast.Import):
        names = [alias.name for alias in node.names]
    else:
        base = node.module or ""
        if node.level:
            package = importer.split(".")
            if MODULES[importer].name != "__init__.py":
                package.pop()
            base = ".".join(package[: len(package) - node.level + 1] + ([base] if base else []))
        names = [
            f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES else base
            for alias in node.names
        ]
    found = []
    for name in names:
        while name and name not in MODULES:
            name = name.rpartition(".")[0]
        if name:
            found.append(name)
    return found


def _imports() -> list[Import]:
    found = []
    for name, path in MODULES.items():

        def visit(node, in_function: bool, name=name):
            for child in ast.iter_child_nodes(node):
                if isinstance(child, ast.Import | ast.ImportFrom):
                    found.extend(
                        Import(name, target, child.lineno, in_function)
                        for target in _targets(child, name)
                    )
                visit(child, in_function or isinstance(child, ast.FunctionDef | ast.Lambda))

        visit(ast.parse(path.read_text()), False)
    return found


IMPORTS = _imports()


def _layer(module: str) -> int | None:
    app = module.split(".")[0]
    return LAYERS.index(app) if app in LAYERS else None


def test_no_app_imports_a_higher_one():
    wrong_way = [
        str(imp)
        for imp in IMPORTS
        if (imp.target.split(".")[0] == PROJECT and imp.importer.split(".")[0] != PROJECT)
        or (
            _layer(imp.importer) is not None
            and _layer(imp.target) is not None
            and _layer(imp.target) < _layer(imp.importer)
        )
    ]
    assert wrong_way == []


def _edges() -> dict[str, set[str]]:
    edges: dict[str, set[str]] = {name: set() for name in MODULES}
    for imp in IMPORTS:
        if imp.breaks_cycle:
            continue
        parts = imp.importer.split(".")
        own_packages = {".".join(parts[:n]) for n in range(1, len(parts) + 1)}
        parts = imp.target.split(".")
        loaded = {".".join(parts[:n]) for n in range(1, len(parts) + 1)}
        edges[imp.importer] |= (loaded & MODULES.keys()) - own_packages
    return edges


def _cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """One cycle per strongly connected group of modules (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    groups = []

    def connect(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for other in sorted(edges[node]):
            if other not in index:
                connect(other)
                low[node] = min(low[node], low[other])
            elif other in stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            group = []
            while not group or group[-1] != node:
                group.append(stack.pop())
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(edges):
        if node not in index:
            connect(node)
    return groups


def test_no_module_imports_itself_back():
    assert _cycles(_edges()) == []


def test_every_import_inside_a_function_says_why():
    silent = {str(imp) for imp in IMPORTS if imp.in_function and not imp.breaks_cycle}
    assert sorted(silent) == []


@pytest.mark.parametrize(
    ("edges", "expected"),
    [
        ({"a": {"b"}, "b": {"a"}, "c": set()}, [["a", "b"]]),
        ({"a": {"b"}, "b": {"c"}, "c": set()}, []),
    ],
)
def test_cycles_are_found(edges, expected):
    assert _cycles(edges) == expected
