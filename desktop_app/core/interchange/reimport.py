"""Importing into a project that already holds some of the file: recognising what is there.

A document is already present when the project has one with the same text (or the same GUID and the
same text); an annotation when its document holds one with the same GUID, or the same span, code and
coder; a memo when its GUID is known, or the same thing has a memo with the same text; a code when its
GUID is known, or its path. What is present is not added again. Where the file and the project
disagree about something present (a memo, a span, a title, a code's description, colour, name or
parent) the difference is reported and settled by the policy:

- ``ours``: the project keeps what it has;
- ``theirs``: the file's version replaces the project's;
- ``both``: texts are kept side by side (the project's, then the file's), a moved span is added as a
  second annotation; a colour, a name or a parent cannot be two things, and stays ours.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from desktop_app.core.errors import GovCoderError

POLICIES = ("ours", "theirs", "both")


def check_policy(policy: str) -> str:
    if policy not in POLICIES:
        raise GovCoderError(f"unknown conflict policy {policy!r} (choose ours, theirs or both)")
    return policy


@dataclass
class Difference:
    """Something present in both the project and the file that they say differently."""

    kind: str  # "annotation memo", "moved span", "code description", "code colour", "code name", ...
    subject: str  # which record: a code path, a document title and span
    ours: str
    theirs: str
    action: str  # what was done under the policy

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    def describe(self) -> str:
        return f"{self.kind}: {self.subject}: ours {_short(self.ours)}, theirs {_short(self.theirs)}: {self.action}"


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(str(text).split())
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


def merged_text(ours: str, theirs: str, policy: str) -> str:
    """The text kept for a memo or description both sides have, under the policy."""
    if policy == "theirs":
        return theirs
    if policy == "both":
        return f"{ours.rstrip()}\n\n{theirs.strip()}" if ours.strip() else theirs
    return ours


def text_action(policy: str) -> str:
    return {"ours": "kept ours", "theirs": "took theirs", "both": "kept both (ours, then theirs)"}[policy]


def single_action(policy: str) -> str:
    """For what cannot hold two values (a colour, a name, a parent)."""
    return "took theirs" if policy == "theirs" else "kept ours"
