"""Our apps import in one direction, and no module imports itself back.

Apps, highest first: demo → workshops → search → booklets → curriculum → accounts → operations.
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
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ORDER = [
    "config",
    "demo",
    "workshops",
    "search",
    "booklets",
    "curriculum",
    "accounts",
    "operations",
]
REASON = re.compile(r"#(?!\s*noqa)\s*\w")


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {
    _module_name(path): path
    for app in ORDER
    for path in sorted((ROOT / app).rglob("*.py"))
    if "migrations" not in path.parts
}


def _comment_of(module: str, line: int) -> str:
    """The import's own line, and the line above the run of imports it is part of."""
    lines = MODULES[module].read_text().splitlines()
    top = line - 1
    while top > 0 and lines[top - 1].lstrip().startswith(("from ", "import ")):
        top -= 1
    return lines[line - 1] + (lines[top - 1] if top > 0 else "")


@dataclass
class Import:
    importer: str
    target: str
    line: int
    in_function: bool

    @property
    def says_why(self) -> bool:
        return self.in_function and bool(REASON.search(_comment_of(self.importer, self.line)))

    def __str__(self) -> str:
        return f"{MODULES[self.importer].relative_to(ROOT)}:{self.line} imports {self.target}"


def _targets(node, importer: str) -> list[str]:
    """The modules of ours an import statement loads, most specific first."""
    if isinstance(node, ast.Import):
        names = [alias.name for alias in node.names]
    else:
        base = node.module or ""
        if node.level:  # relative: from the importer's package, up
            package = importer.split(".")
            if MODULES[importer].name != "__init__.py":
                package.pop()
            package = package[: len(package) - node.level + 1]
            base = ".".join([*package, base] if base else package)
        names = [f"{base}.{alias.name}" for alias in node.names]
    found = []
    for name in names:
        while name and name not in MODULES:
            name = name.rpartition(".")[0]
        if name:
            found.append(name)
    return found


def _imports() -> list[Import]:
    found = []

    def visit(node, name: str, in_function: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.Import | ast.ImportFrom):
                found.extend(
                    Import(name, target, child.lineno, in_function)
                    for target in _targets(child, name)
                )
            visit(
                child,
                name,
                in_function or isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef),
            )

    for name, path in MODULES.items():
        visit(ast.parse(path.read_text()), name, False)
    return found


IMPORTS = _imports()


def _rank(module: str) -> int:
    return ORDER.index(module.split(".")[0])


def test_no_app_imports_a_higher_one():
    assert [str(imp) for imp in IMPORTS if _rank(imp.target) < _rank(imp.importer)] == []


def _edges() -> dict[str, set[str]]:
    """What each module loads when it is first imported (parent packages included)."""
    edges: dict[str, set[str]] = {name: set() for name in MODULES}
    for imp in IMPORTS:
        if imp.says_why:
            continue
        own = imp.importer.split(".")
        parts = imp.target.split(".")
        loaded = {".".join(parts[:n]) for n in range(1, len(parts) + 1)}
        edges[imp.importer] |= (loaded & MODULES.keys()) - {
            ".".join(own[:n]) for n in range(1, len(own) + 1)
        }
    return edges


def _cycles(edges: dict[str, set[str]]) -> list[tuple[str, ...]]:
    """Each group of modules that import one another, round and back."""
    reach = {}
    for start in edges:
        seen, todo = set(), list(edges[start])
        while todo:
            if (node := todo.pop()) not in seen:
                seen.add(node)
                todo.extend(edges.get(node, ()))
        reach[start] = seen
    return sorted(
        {tuple(sorted(m for m in reach[n] if n in reach[m])) for n in edges if n in reach[n]}
    )


def test_no_module_imports_itself_back():
    assert _cycles(_edges()) == []


def test_every_import_inside_a_function_says_why():
    assert sorted({str(imp) for imp in IMPORTS if imp.in_function and not imp.says_why}) == []


@pytest.mark.parametrize(
    ("edges", "expected"),
    [
        ({"a": {"b"}, "b": {"a"}, "c": {"a"}}, [("a", "b")]),
        ({"a": {"b"}, "b": {"c"}, "c": set()}, []),
    ],
)
def test_cycles_are_found(edges, expected):
    assert _cycles(edges) == expected
