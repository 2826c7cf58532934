"""The action plan: what will be done about a finding, by whom, by when, and how it is going.

An ``Action`` answers one annotation (a priority action or area for improvement). Actions are kept
in the library's settings as ``action:<id>`` holding the action as JSON (like deletions: no change
to the store's schema); adding and updating are ``PutSetting`` commands, undone as one step.
Deleting an action empties its entry and leaves an ``ActionTombstone`` (``action-deleted:<id>``: who,
when) so the deletion travels in packs as an annotation's does.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from reviewer.core.annotations.commands import Batch, Command, PutSetting
from reviewer.core.annotations.titles import MONTH_NAMES
from reviewer.core.annotations.model import (
    MAX_TEXT,
    RecordError,
    _ident,
    _kind,
    _list,
    _row,
    _text,
    _within,
    new_id,
    parse_time,
    stamp_iso,
)

PREFIX = "action:"
GONE_PREFIX = "action-deleted:"
STATUSES: tuple[str, ...] = ("red", "amber", "green", "complete")
STATUS_LABELS = {"red": "Red", "amber": "Amber", "green": "Green", "complete": "Complete"}


def key(action_id: str) -> str:
    return PREFIX + action_id


def gone_key(action_id: str) -> str:
    return GONE_PREFIX + action_id


def parse_due(v: Any, field: str = "due") -> str:
    """A due date as YYYY-MM-DD, checked to be a real date; RecordError otherwise."""
    if not isinstance(v, str):
        raise RecordError(f"{field!r} must be a date (YYYY-MM-DD), not {_kind(v)}")
    s = v.strip()
    if len(s) != 10:
        raise RecordError(f"{field!r} is not a date (YYYY-MM-DD): {s[:40]!r}")
    try:
        return date.fromisoformat(s).isoformat()
    except ValueError:
        raise RecordError(f"{field!r} is not a date (YYYY-MM-DD): {s[:40]!r}") from None


_TYPED_FORMS = (  # as people type dates here: British order, or the month named, or ISO
    re.compile(r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"),
    re.compile(r"(?P<d>\d{1,2})\s*[/.\-]\s*(?P<m>\d{1,2})\s*[/.\-]\s*(?P<y>\d{4}|\d{2})"),
    re.compile(r"(?P<d>\d{1,2})(?:st|nd|rd|th)?\s*(?:of\s+)?(?P<name>[a-z]{3,9})\.?,?\s*[-/]?\s*(?P<y>\d{4}|\d{2})"),
    re.compile(r"(?P<name>[a-z]{3,9})\.?\s*(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4}|\d{2})"),
)
_WEEKDAY = re.compile(r"^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+")


PLAN_YEARS = (1900, 2999)  # the years a due date can be in


def typed_date(text: str) -> str | None:
    """A date as a person types one ("15 March 2027", "15 Mar 27", "15Jan2027", "15/03/2027", "Monday 15th
    March 2027", "March 15, 2027", "2027-03-15") as YYYY-MM-DD; None where it is not a real date."""
    s = _WEEKDAY.sub("", " ".join(text.lower().split()))
    for form in _TYPED_FORMS:
        m = form.fullmatch(s)
        if not m:
            continue
        parts = m.groupdict()
        if parts.get("name"):
            month = next((i for i, name in enumerate(MONTH_NAMES, 1)
                          if name.lower().startswith(parts["name"]) or parts["name"] == "sept" and i == 9), None)
        else:
            month = int(parts["m"])
        year = int(parts["y"]) + (2000 if len(parts["y"]) == 2 else 0)
        if not PLAN_YEARS[0] <= year <= PLAN_YEARS[1]:
            return None  # "15/03/0027" is no plan's year (it was 27 AD, "overdue by 730,378 days")
        try:
            return date(year, month or 0, int(parts["d"])).isoformat()
        except ValueError:
            return None
    return None


def shown_date(iso: str) -> str:
    """A YYYY-MM-DD date as the app shows it to be edited: "15 Mar 2027"."""
    d = date.fromisoformat(iso)
    return f"{d.day} {MONTH_NAMES[d.month - 1][:3]} {d.year:04d}"


def parse_status(v: Any) -> str:
    if not isinstance(v, str) or v.strip().lower() not in STATUSES:
        shown = v[:20] if isinstance(v, str) else _kind(v)
        raise RecordError(f"'status' must be one of {', '.join(STATUSES)}, not {shown!r}")
    return v.strip().lower()


def _stamp(d: dict[str, Any], k: str) -> str:
    s = _text(d, k, limit=100)
    if s and parse_time(s) == parse_time(None):
        raise RecordError(f"{k!r} is not a date and time: {s[:40]!r}")
    return s


@dataclass(frozen=True)
class Progress:
    """A dated note of how an action is going."""

    date: str  # YYYY-MM-DD
    text: str
    by: str = ""

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, d: Any) -> Progress:
        d = _row(d, "a progress note")
        return cls(parse_due(d.get("date"), "date"), _text(d, "text", limit=MAX_TEXT), _text(d, "by"))


@dataclass(frozen=True)
class Action:
    """One action of the plan, answering the annotation ``annotation_id``."""

    id: str
    annotation_id: str
    text: str
    owner: str
    due: str  # YYYY-MM-DD
    status: str  # red | amber | green | complete
    progress: tuple[Progress, ...] = ()
    created: str = ""
    modified: str = ""
    by: str = ""
    history: tuple[Action, ...] = ()  # earlier versions replaced by newer ones from packs

    def overdue(self, today: date | None = None) -> bool:
        return self.status != "complete" and date.fromisoformat(self.due) < (today or date.today())

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "annotation_id": self.annotation_id, "text": self.text, "owner": self.owner,
                "due": self.due, "status": self.status, "progress": [p.to_dict() for p in self.progress],
                "created": self.created, "modified": self.modified, "by": self.by,
                "history": [h.to_dict() for h in self.history]}

    @classmethod
    def from_dict(cls, d: Any, _depth: int = 0) -> Action:
        d = _row(d, "an action")
        if "due" not in d:
            raise RecordError("'due' is missing")
        if "status" not in d:
            raise RecordError("'status' is missing")
        hist = _list(d, "history") if d.get("history") else []
        if hist and _depth:
            raise RecordError("an earlier version of an action has earlier versions of its own")
        return cls(
            id=_ident(d.get("id"), "id"),
            annotation_id=_ident(d.get("annotation_id"), "annotation_id"),
            text=_text(d, "text", limit=MAX_TEXT),
            owner=_text(d, "owner"),
            due=parse_due(d.get("due")),
            status=parse_status(d.get("status")),
            progress=tuple(_within(f"progress[{i}]", Progress.from_dict, p)
                           for i, p in enumerate(_list(d, "progress"))) if d.get("progress") else (),
            created=_stamp(d, "created"),
            modified=_stamp(d, "modified"),
            by=_text(d, "by"),
            history=tuple(_within(f"history[{i}]", cls.from_dict, h, _depth + 1) for i, h in enumerate(hist)),
        )


def value(a: Action) -> str:
    return json.dumps(a.to_dict(), ensure_ascii=False, sort_keys=True)


def read_all(settings: Mapping[str, str]) -> dict[str, Action]:
    """Every action the library holds, by id (a damaged entry is passed over)."""
    out = {}
    for k, v in settings.items():
        if not k.startswith(PREFIX) or not v:
            continue
        try:
            a = Action.from_dict(json.loads(v))
        except (ValueError, RecordError):
            continue
        out[a.id] = a
    return out


def sorted_by_due(actions: Mapping[str, Action] | list[Action]) -> list[Action]:
    items = list(actions.values()) if isinstance(actions, Mapping) else list(actions)
    return sorted(items, key=lambda a: (a.due, a.created, a.id))


def new_action(annotation_id: str, text: str, owner: str, due: str, status: str, by: str,
               at: str | None = None) -> Action:
    """A new action, its due date and status checked (RecordError if nonsense)."""
    when = at or stamp_iso()
    return _checked(Action(new_id(), annotation_id, text.strip(), owner.strip(), parse_due(due),
                           parse_status(status), (), when, when, by))


def updated(a: Action, by: str, status: str | None = None, due: str | None = None,
            progress: str | None = None, at: str | None = None, text: str | None = None,
            owner: str | None = None) -> Action:
    """``a`` with a new text, owner, status, due date and/or progress note (dated today), stamped now.

    A new wording or owner keeps the version it replaces in the action's history (as a newer edit from a
    pack does), so what was agreed before is never lost; an empty text is refused (RecordError)."""
    when = at or stamp_iso()
    changes: dict[str, Any] = {"modified": when, "by": by}
    if text is not None:
        if not text.strip():
            raise RecordError("an action needs a text: what will be done")
        changes["text"] = text.strip()
    if owner is not None:
        changes["owner"] = owner.strip()
    if status is not None:
        changes["status"] = parse_status(status)
    if due is not None:
        changes["due"] = parse_due(due)
    if progress is not None and progress.strip():
        changes["progress"] = (*a.progress, Progress(when[:10], progress.strip(), by))
    if changes.get("text", a.text) != a.text or changes.get("owner", a.owner) != a.owner:
        changes["history"] = (*a.history, dataclasses.replace(a, history=()))
    return _checked(dataclasses.replace(a, **changes))


def _checked(a: Action) -> Action:
    """``a`` as it will read back from the library: a field it could not read back (an owner's name too
    long, say) is a RecordError now, never an action passed over as damaged later."""
    return Action.from_dict(a.to_dict())


@dataclass(frozen=True)
class ActionTombstone:
    """An action deleted by someone, kept (who and when) so the deletion travels in packs."""

    id: str  # the action's id
    annotation_id: str
    letter_id: str
    by: str = ""
    at: str = ""  # when, ISO

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, d: Any) -> ActionTombstone:
        d = _row(d, "a deleted action")
        return cls(_ident(d.get("id"), "id"), _ident(d.get("annotation_id"), "annotation_id"),
                   _text(d, "letter_id", limit=100), _text(d, "by"), _stamp(d, "at"))


def read_gone(settings: Mapping[str, str]) -> dict[str, ActionTombstone]:
    """Every deletion of an action the library remembers, by action id (a damaged entry is passed over)."""
    out = {}
    for k, v in settings.items():
        if not k.startswith(GONE_PREFIX) or not v:
            continue
        try:
            t = ActionTombstone.from_dict(json.loads(v))
        except (ValueError, RecordError):
            continue
        out[t.id] = t
    return out


def answering(settings: Mapping[str, str], annotation_ids: Iterable[str]) -> list[Action]:
    """The actions that answer these annotations."""
    ids = set(annotation_ids)
    return [a for a in sorted_by_due(read_all(settings)) if a.annotation_id in ids]


def delete_commands(settings: Mapping[str, str], acts: Iterable[Action], letter_of: Mapping[str, str], by: str,
                    at: str | None = None) -> list[Command]:
    """Forget each action and remember its deletion (who, when); ``letter_of``: annotation id -> letter id."""
    when = at or stamp_iso()
    cmds: list[Command] = []
    for a in acts:
        t = ActionTombstone(a.id, a.annotation_id, letter_of.get(a.annotation_id, ""), by, when)
        cmds.append(PutSetting(key(a.id), settings.get(key(a.id), ""), "", "Delete action"))
        cmds.append(PutSetting(gone_key(a.id), settings.get(gone_key(a.id), ""),
                               json.dumps(t.to_dict(), ensure_ascii=False, sort_keys=True), "Delete action"))
    return cmds


def delete_command(settings: Mapping[str, str], acts: Iterable[Action], letter_of: Mapping[str, str], by: str,
                   at: str | None = None) -> Command:
    """Delete actions as one undoable step, each deletion remembered."""
    acts = list(acts)
    return Batch(delete_commands(settings, acts, letter_of, by, at),
                 "Delete action" if len(acts) == 1 else f"Delete {len(acts)} actions")


def put_command(settings: Mapping[str, str], after: Action, label: str) -> Command:
    """Store ``after`` (new or replacing the stored one): one undoable step."""
    return PutSetting(key(after.id), settings.get(key(after.id), ""), value(after), label)
