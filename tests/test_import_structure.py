"""The code depends one way (docs/architecture.md): read every import of the project's Python
files with `ast` (imports inside functions too; `if TYPE_CHECKING:` ones are left out, as they
never run) and check there is no circle between files or between apps, and that the ground
floor imports nothing above it."""

import ast
from collections import defaultdict
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
PACKAGES = [
    "interventures",
    "partners",
    "reports",
    "practices",
    "events",
    "plans",
    "synthesis",
    "portal",
    "demo",
]
# What each may import of the project: the core package (settings, utilities, the activity log
# and the workflow) imports no app; partners, the ground floor, only the core.
ALLOWED = {
    "interventures": set(),
    "partners": {"interventures"},
}
NOBODY_IMPORTS = {"portal", "demo"}


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def project_modules() -> dict[str, Path]:
    return {
        module_name(path): path
        for package in PACKAGES
        for path in (ROOT / package).rglob("*.py")
        if "migrations" not in path.parts
    }


def is_type_checking_block(node: ast.AST) -> bool:
    return isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)


def imported_names(tree: ast.AST, package: str) -> set[str]:
    names = set()
    stack = [tree]
    while stack:
        node = stack.pop()
        if is_type_checking_block(node):
            continue
        stack.extend(ast.iter_child_nodes(node))
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join([*base, *([node.module] if node.module else [])])
            else:
                module = node.module or ""
            names.add(module)
            names.update(f"{module}.{alias.name}" for alias in node.names)
    return names


def import_graph() -> dict[str, set[str]]:
    modules = project_modules()
    graph = defaultdict(set)
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for imported in imported_names(ast.parse(path.read_text()), package):
            if imported in modules and imported != name:
                graph[name].add(imported)
    return graph


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one node (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for other in sorted(graph.get(node, ())):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def app_graph(graph: dict[str, set[str]]) -> dict[str, set[str]]:
    apps = defaultdict(set)
    for module, imported in graph.items():
        for other in imported:
            source, target = module.split(".")[0], other.split(".")[0]
            if source != target:
                apps[source].add(target)
    return apps


def test_no_two_files_import_each_other_even_through_others():
    assert circles(import_graph()) == []


def test_no_two_apps_import_each_other_even_through_others():
    assert circles(app_graph(import_graph())) == []


def test_the_ground_floor_imports_nothing_above_it():
    apps = app_graph(import_graph())
    for app, allowed in ALLOWED.items():
        assert apps.get(app, set()) <= allowed, f"{app} imports {apps[app] - allowed}"


def test_nothing_imports_the_top_app_or_the_demo_data():
    apps = app_graph(import_graph())
    for app, imported in apps.items():
        assert not imported & NOBODY_IMPORTS, f"{app} imports {imported & NOBODY_IMPORTS}"


def test_the_check_finds_a_circle_and_skips_type_only_imports():
    assert circles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    tree = ast.parse("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from x import y\n")
    assert imported_names(tree, "pkg") == {"typing", "typing.TYPE_CHECKING"}


def test_the_apps_the_synthesis_cites_never_import_it():
    """The synthesis draws on the regions' reports, practices and partners; they know nothing
    of it (a report section's citations are reached through `synthesis_citations`)."""
    apps = app_graph(import_graph())
    for app in ("interventures", "partners", "reports", "practices", "events", "plans"):
        assert "synthesis" not in apps.get(app, set()), f"{app} imports synthesis"
