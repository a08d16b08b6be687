"""Every email extends the one layout (templates/email/), in HTML and in plain text."""

import re
from pathlib import Path

import pytest

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
EXTENDS = re.compile(r'{%\s*extends\s+"([^"]+)"\s*%}')
# Pieces included into emails, and subjects (one line, no layout), extend nothing.
PIECES = ("_subject.txt", "details.txt", "footer.txt", "_message.txt")


def email_templates():
    return sorted(
        path.relative_to(TEMPLATES).as_posix()
        for path in TEMPLATES.glob("*/email/*.*")
        if not path.name.endswith(PIECES)
    )


def layout_of(name):
    """The template at the top of `name`'s chain of extends."""
    while match := EXTENDS.search((TEMPLATES / name).read_text()):
        name = match.group(1)
    return name


@pytest.mark.parametrize("name", email_templates())
def test_each_email_extends_the_layout_for_its_kind(name):
    assert layout_of(name) == f"email/base{Path(name).suffix}"


def test_every_app_that_sends_email_is_covered():
    assert {name.split("/")[0] for name in email_templates()} >= {
        "membership",
        "notifications",
        "registrations",
    }
