"""The README and docs/ agree with the tree: links lead somewhere, the layout lists every folder."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
LINK = re.compile(r"\]\(([^)\s]+)\)")
HEADING = re.compile(r"^#{1,6} (.+)$", re.MULTILINE)
# Folders made by running things (git-ignored), not part of the project.
NOT_PROJECT = {
    "var",
    "media",
    "staticfiles",
    "test-artifacts",
    "build",
    "node_modules",
    "__pycache__",
}


def anchors(page):
    """GitHub's heading anchors: lower case, punctuation dropped, spaces as hyphens."""
    return {
        re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")
        for heading in HEADING.findall(page.read_text(encoding="utf-8"))
    }


def relative_links(page):
    for target in LINK.findall(page.read_text(encoding="utf-8")):
        if not re.match(r"^[a-z]+:", target):
            yield target


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.name)
def test_every_relative_link_leads_to_a_file_and_heading_that_exist(page):
    broken = []
    for target in relative_links(page):
        path, _, anchor = target.partition("#")
        linked = (page.parent / path).resolve() if path else page
        if not linked.exists() or (anchor and anchor not in anchors(linked)):
            broken.append(target)

    assert broken == []


def test_the_readme_is_read_in_minutes():
    # What it is, the two commands and where everything else lives; the rest is in docs/.
    assert len((ROOT / "README.md").read_text(encoding="utf-8").splitlines()) <= 200


def test_the_readme_links_every_docs_page():
    linked = {Path(target.partition("#")[0]).name for target in relative_links(ROOT / "README.md")}

    assert {page.name for page in PAGES[1:]} <= linked


def test_the_project_layout_table_lists_every_top_level_folder():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    layout = readme.split("## Project layout", 1)[1].split("\n## ", 1)[0]
    listed = set(re.findall(r"^\| `([^`/]+)/", layout, re.MULTILINE))
    folders = {
        path.name
        for path in ROOT.iterdir()
        if path.is_dir()
        and (path.name == ".ci" or not path.name.startswith("."))
        and path.name not in NOT_PROJECT
        and not path.name.endswith(".egg-info")
    }

    assert folders == listed
