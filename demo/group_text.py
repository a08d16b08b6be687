"""The group's own words, read from the text file the group supplied.

`implementation-group.txt` is a verbatim copy of the group's text; the demo content is built
from it so that nothing about the group is reworded or invented.
"""

import re
from dataclasses import dataclass
from pathlib import Path

GROUP_TEXT_FILE = Path(__file__).with_name("implementation-group.txt")

HEADINGS = ["Our Purpose", "Aims of the group", "Membership", "Upcoming meetings", "How to join?"]
AIM_NUMBER = re.compile(r"^\d+\.\s*")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


@dataclass(frozen=True)
class GroupText:
    name: str
    chair_line: str
    chair_name: str
    purpose: str
    aims: list[str]
    membership: str
    meetings: str
    how_to_join_heading: str
    how_to_join: str
    contact_email: str


def _clean(line):
    # The supplied text pads with trailing and non-breaking spaces; the words stay as they are.
    return " ".join(line.replace("\xa0", " ").split())


def read_group_text(path=GROUP_TEXT_FILE):
    lines = [_clean(line) for line in path.read_text(encoding="utf-8").splitlines()]
    lines = [line for line in lines if line]
    name, chair_line = lines[0], lines[1]

    sections, current = {}, None
    for line in lines[2:]:
        if line in HEADINGS:
            current = sections.setdefault(line, [])
        elif current is not None:
            current.append(line)

    how_to_join = " ".join(sections["How to join?"])
    return GroupText(
        name=name,
        chair_line=chair_line,
        chair_name=chair_line.split("\N{EN DASH}", 1)[1].strip(),
        purpose=" ".join(sections["Our Purpose"]),
        aims=[AIM_NUMBER.sub("", line) for line in sections["Aims of the group"]],
        membership=" ".join(sections["Membership"]),
        meetings=" ".join(sections["Upcoming meetings"]),
        how_to_join_heading="How to join?",
        how_to_join=how_to_join,
        contact_email=EMAIL.search(how_to_join).group(0),
    )
