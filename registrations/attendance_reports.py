"""Attendance reports from online meetings (Microsoft Teams, Zoom): who attended, for how long.

Organisers download the report from the meeting service and upload it; nothing here talks to
Teams or Zoom. The accepted columns are listed in docs/events.md. What both services export:

- Teams "Download attendance list": UTF-16 (or UTF-8) and tab- or comma-separated, in numbered
  sections. "1. Summary" has rows such as `Meeting duration  2h 1m 11s`; "2. Participants" is
  a table with `Name`, `Email` and `In-Meeting Duration` (`1h 59m 55s`), one row a person;
  the sections after it repeat people per join and are not read.
- Zoom "Participants" export: a table with `Name (original name)`, `Email` (or `User email`)
  and `Total duration (minutes)` (or `Duration (minutes)`, one row per join, which are added
  up). With "Show unique users" off, a meeting table (`Meeting ID`, ..., `Duration (minutes)`)
  comes first and gives the meeting's length.

A person's minutes are added up over their rows, by email, case-insensitively.
"""

import csv
import re
from dataclasses import dataclass, field

MAX_REPORT_BYTES = 2 * 1024 * 1024

EMAIL_COLUMNS = ("email", "user email", "email address", "participant id (upn)")
NAME_COLUMNS = ("name", "full name", "name (original name)", "participant", "display name")
# Durations written as text ("1h 2m 3s" or "1:02:03"), then those in minutes.
DURATION_TEXT_COLUMNS = ("in-meeting duration", "duration", "attendance duration")
DURATION_MINUTE_COLUMNS = (
    "total duration (minutes)",
    "duration (minutes)",
    "time in session (minutes)",
)
MEETING_DURATION_LABELS = ("meeting duration", "duration")
SECTION_HEADING = re.compile(r"^\d+\.\s+\S")
DURATION_PART = re.compile(
    r"(\d+(?:\.\d+)?)\s*(h|hr|hrs|hours?|m|min|mins|minutes?|s|sec|secs|seconds?)\b"
)


class ReportError(ValueError):
    """The file is not an attendance report the portal can read; the message says why."""


@dataclass
class ReportRow:
    name: str
    email: str
    minutes: float


@dataclass
class AttendanceReport:
    rows: list = field(default_factory=list)  # one per email, minutes added up
    meeting_minutes: float | None = None
    service: str = ""


def _text(data):
    if len(data) > MAX_REPORT_BYTES:
        raise ReportError("The file is larger than 2 MB: upload the attendance report itself.")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
    elif len(data) > 1 and data[1:2] == b"\x00" and data[0:1] != b"\x00":
        encoding = "utf-16-le"  # Teams without a byte order mark
    else:
        encoding = "utf-8-sig"
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            raise ReportError("The file is not a text (CSV) file.") from None


def _rows(text):
    lines = text.splitlines()
    sample = "\n".join(lines[:40])
    delimiter = "\t" if sample.count("\t") > sample.count(",") else ","
    return [[cell.strip() for cell in row] for row in csv.reader(lines, delimiter=delimiter)]


def parse_duration(value):
    """Minutes from "1h 2m 3s", "45 mins", "1:02:03", "02:03" or a number of minutes; None if
    unreadable."""
    value = value.strip().lower()
    if not value:
        return None
    try:
        number = float(value.replace(",", "."))
    except ValueError:
        pass
    else:
        return number if number >= 0 else None  # a bare number is minutes
    if re.fullmatch(r"\d{1,3}:\d{2}(:\d{2})?", value):
        parts = [int(part) for part in value.split(":")]
        if len(parts) == 2:
            parts = [0, *parts]
        hours, minutes, seconds = parts
        return hours * 60 + minutes + seconds / 60
    parts = DURATION_PART.findall(value)
    if not parts:
        return None
    total = 0.0
    for amount, unit in parts:
        amount = float(amount)
        if unit.startswith("h"):
            total += amount * 60
        elif unit.startswith("s"):
            total += amount / 60
        else:
            total += amount
    return total


def _column(header, names):
    for name in names:
        if name in header:
            return header.index(name)
    return None


def _meeting_minutes(rows):
    """The meeting's length: Teams' summary row, or the Zoom meeting table's duration."""
    for index, row in enumerate(rows):
        lowered = [cell.lower() for cell in row]
        if lowered and lowered[0] in MEETING_DURATION_LABELS and len(row) > 1:
            minutes = parse_duration(row[1])
            if minutes:
                return minutes
        if "meeting id" in lowered and index + 1 < len(rows):
            column = _column(lowered, DURATION_MINUTE_COLUMNS)
            following = rows[index + 1]
            if column is not None and column < len(following):
                minutes = parse_duration(following[column])
                if minutes:
                    return minutes
    return None


def read_report(data):
    """An `AttendanceReport` from the bytes of an uploaded file; `ReportError` if unreadable."""
    rows = _rows(_text(data))
    for index, row in enumerate(rows):
        header = [cell.lower() for cell in row]
        if "meeting id" in header:
            continue  # Zoom's meeting table: its "User email" is the host's
        email_column = _column(header, EMAIL_COLUMNS)
        minute_column = _column(header, DURATION_MINUTE_COLUMNS)
        text_column = _column(header, DURATION_TEXT_COLUMNS)
        if email_column is None or (minute_column is None and text_column is None):
            continue
        name_column = _column(header, NAME_COLUMNS)
        report = AttendanceReport(
            meeting_minutes=_meeting_minutes(rows[:index]),
            service="Zoom" if minute_column is not None else "Teams",
        )
        by_email = {}
        for line in rows[index + 1 :]:
            if not any(line) or (line and SECTION_HEADING.match(line[0])):
                break  # the end of the participants table
            email = line[email_column].strip().lower() if email_column < len(line) else ""
            name = line[name_column] if name_column is not None and name_column < len(line) else ""
            if minute_column is not None and minute_column < len(line):
                minutes = parse_duration(line[minute_column])
            elif text_column is not None and text_column < len(line):
                minutes = parse_duration(line[text_column])
            else:
                minutes = None
            key = email or f"no email: {name}"
            if key in by_email:
                by_email[key].minutes += minutes or 0
            else:
                by_email[key] = ReportRow(name=name[:200], email=email[:254], minutes=minutes or 0)
        report.rows = list(by_email.values())
        if not report.rows:
            raise ReportError("The report's participants table is empty.")
        return report
    raise ReportError(
        "This is not a Teams or Zoom attendance report: no table with an email column and a "
        "duration column was found. See the columns the portal accepts in the guide."
    )
