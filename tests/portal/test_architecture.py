"""Which app may import which (docs/architecture.md): shared code below, the apps above it."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# The floors, lowest first: each may import only its own floor and the ones below it.
FOUNDATION = ["outbox", "pagecache"]
SHARED = "portal"
PEOPLE = "people"
CONTENT_APPS = [
    "home",
    "events",
    "library",
    "membership",
    "members",
    "notifications",
    "registrations",
    "trials",
]
ON_TOP = ["editorial", "demo"]
FIRST_PARTY = [*FOUNDATION, SHARED, PEOPLE, *CONTENT_APPS, *ON_TOP]
# The project package assembles everything: the root URLconf includes the apps' URLs.
PROJECT = "config"
# A page model serving its own form: JoinPage's route imports the view (which imports the
# models) when it runs, as its comment says.
ALLOWED_CYCLE = {"membership.models", "membership.views", "membership.forms"}


def modules():
    found = {}
    for app in [*FIRST_PARTY, PROJECT]:
        for path in (ROOT / app).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            name = ".".join(path.relative_to(ROOT).with_suffix("").parts)
            found[name.removesuffix(".__init__")] = ast.parse(path.read_text(encoding="utf-8"))
    return found


MODULES = modules()


def _resolve(name):
    while name and name not in MODULES:
        name = name.rpartition(".")[0]
    return name


def imports(module, *, top_level_only=False):
    tree = MODULES[module]
    nodes = tree.body if top_level_only else ast.walk(tree)
    names = set()
    for node in nodes:
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return {_resolve(name) for name in names} - {"", module}


def _app(module):
    return module.split(".")[0]


def test_the_foundation_imports_no_other_first_party_package():
    upward = {
        (module, imported)
        for module in MODULES
        if _app(module) in FOUNDATION
        for imported in imports(module)
        if _app(imported) != _app(module)
    }
    assert upward == set()


def test_the_shared_layer_imports_only_the_foundation():
    upward = {
        (module, imported)
        for module in MODULES
        if _app(module) == SHARED
        for imported in imports(module)
        if _app(imported) not in {SHARED, *FOUNDATION}
    }
    assert upward == set()


def test_records_of_people_build_only_on_the_shared_layer():
    upward = {
        (module, imported)
        for module in MODULES
        if _app(module) == PEOPLE
        for imported in imports(module)
        if _app(imported) not in {PEOPLE, SHARED, *FOUNDATION}
    }
    assert upward == set()


def test_nothing_imports_the_project_package():
    assert {
        (module, imported)
        for module in MODULES
        if _app(module) != PROJECT
        for imported in imports(module)
        if _app(imported) == PROJECT
    } == set()


def _imports_inside_functions(tree):
    return {
        node.lineno
        for function in ast.walk(tree)
        if isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef)
        # Django's documented place for importing what registers itself (signals, checks).
        and function.name != "ready"
        for node in ast.walk(function)
        if isinstance(node, ast.Import | ast.ImportFrom)
    }


def test_modules_import_at_the_top_but_the_join_page_serving_its_form():
    inside_functions = {
        module for module, tree in MODULES.items() if _imports_inside_functions(tree)
    }

    assert inside_functions == {"membership.models"}


@pytest.mark.parametrize("top_app", ["editorial", "demo"])
def test_nothing_imports_the_apps_that_sit_on_top(top_app):
    assert {
        (module, imported)
        for module in MODULES
        if module.split(".")[0] != top_app
        for imported in imports(module)
        if imported.split(".")[0] == top_app
    } == set()


def _cycles(graph):
    """Strongly connected components with more than one module (Tarjan's algorithm)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in graph[node]:
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.add(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(component)

    for node in graph:
        if node not in index:
            visit(node)
    return found


def test_apps_depend_on_each_other_in_one_direction_only():
    apps = {app: set() for app in FIRST_PARTY}
    for module in MODULES:
        if _app(module) != PROJECT:
            apps[_app(module)] |= {_app(imported) for imported in imports(module)}
    for app, imported in apps.items():
        imported.discard(app)

    assert _cycles(apps) == []


@pytest.mark.parametrize("top_level_only", [True, False], ids=["top-level", "any-import"])
def test_there_are_no_import_cycles_but_the_join_page_serving_its_form(top_level_only):
    graph = {module: imports(module, top_level_only=top_level_only) for module in MODULES}
    cycles = _cycles(graph)

    expected = [] if top_level_only else [ALLOWED_CYCLE]
    assert cycles == expected


def _defined_names(tree):
    names = set()
    for node in tree.body:
        if isinstance(node, ast.Assign):
            names.update(target.id for target in node.targets if isinstance(target, ast.Name))
        elif isinstance(node, ast.FunctionDef | ast.ClassDef):
            names.add(node.name)
    return names


@pytest.mark.parametrize(
    ("name", "home"),
    [
        ("UK_TIME", "portal.dates"),
        ("uk_today", "portal.dates"),
        ("TEXT_FEATURES", "portal.rich_text"),
        ("BODY_TEXT_FEATURES", "portal.rich_text"),
        ("DOI_PATTERN", "portal.doi"),
        ("JSON_SCRIPT_ESCAPES", "portal.structured_data"),
        ("FEED_LENGTH", "portal.feeds"),
        ("calendar_attachment", "events.calendar"),
        ("absolute_url", "people.links"),
    ],
)
def test_a_shared_fact_is_defined_in_one_place(name, home):
    defined_in = [module for module, tree in MODULES.items() if name in _defined_names(tree)]

    assert defined_in == [home]


def test_portal_models_holds_no_blocks():
    blocks_in_models = [
        node.name
        for node in MODULES["portal.models"].body
        if isinstance(node, ast.ClassDef) and node.name.endswith("Block")
    ]

    assert blocks_in_models == []
