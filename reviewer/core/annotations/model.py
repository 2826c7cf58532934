"""Domain records: severities, themes, letters with their metadata, and annotations.

All records are frozen dataclasses; a change makes a new record (``dataclasses.replace``) and goes
through a command so it can be undone. ``to_dict``/``from_dict`` give the stored JSON form.
"""

from __future__ import annotations

import dataclasses
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from reviewer.core.text.documents import Extracted
from reviewer.core.text.words import counted, person

DOC_TYPES: tuple[str, ...] = (
    "focused visit",
    "monitoring visit",
    "assurance visit",
    "joint inspection",
    "inspection report",
    "committee report",
    "news item",
    "other",
)
LETTER_TYPES: tuple[str, ...] = ("focused visit", "monitoring visit", "assurance visit", "joint inspection")  # Ofsted's
# letters (ILACS-era visits and joint targeted area inspections): dated, signed, addressed to the council
DOC_TYPE_LABELS = {"focused visit": "Focused visit", "monitoring visit": "Monitoring visit",
                   "assurance visit": "Assurance visit", "joint inspection": "Joint targeted area inspection",
                   "inspection report": "Inspection report", "committee report": "Committee report",
                   "news item": "News item", "other": "Other"}
# An inspection report's framework: ILACS (2018-) standard or short inspections, the single inspection framework
# (2013-18) and its re-inspections, the looked-after-children and child-protection inspections before it
FRAMEWORK_LABELS = {"ilacs standard": "ILACS standard inspection", "ilacs short": "ILACS short inspection",
                    "ilacs": "ILACS inspection", "sif": "SIF inspection", "sif re-inspection": "SIF re-inspection",
                    "looked after children": "Looked after children inspection",
                    "child protection": "Child protection inspection"}


def kind_label(m: LetterMeta) -> str:
    """What a document is, as lists and exports name it: its type ("Focused visit"), an inspection report by its
    framework where known ("ILACS short inspection", "SIF re-inspection"); "" where not known."""
    if m.doc_type == "inspection report" and m.framework in FRAMEWORK_LABELS:
        return FRAMEWORK_LABELS[m.framework]
    return DOC_TYPE_LABELS.get(m.doc_type or "", m.doc_type or "")


def now_iso() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


def stamp_iso() -> str:
    """Now, to the millisecond: when an annotation was made or edited (newest edit wins in a merge)."""
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


def parse_time(iso: str | None) -> datetime:
    """An ISO date-time as an aware datetime in UTC; missing or unreadable stamps sort first, and so do
    stamps beyond what a date can hold in UTC ("9999-12-31T23:59:59-12:00", "0001-01-01T00:30:00+01:00":
    a hostile pack's, which would otherwise stop every export that writes times)."""
    try:
        t = datetime.fromisoformat(str(iso or "").replace("Z", "+00:00"))
        return t.astimezone(timezone.utc) if t.tzinfo else t.replace(tzinfo=timezone.utc)
    except (ValueError, OverflowError):
        return datetime.min.replace(tzinfo=timezone.utc)


def new_id() -> str:
    return uuid.uuid4().hex


# ---------------------------------------------------------------- reading records: one schema
# Every record that enters from outside the running program (the library file, its journal, a
# backup, an audit pack, a project) is read by the ``from_dict`` methods below, and only by them:
# they are the schema. A field of the wrong type or out of range raises ``RecordError`` naming it,
# never an AttributeError later; text is passed through ``clean_text``.

MAX_TEXT = 5_000_000  # characters in a quote, note or context: a whole long letter fits
MAX_NAME = 100_000  # a title, label, name, date or other short text
MAX_ID = 200
MAX_ITEMS = 100_000  # entries in a list (pages, themes, cues, inspectors, history)
MAX_OFFSET = 2**40  # code-point offsets and page counts


class RecordError(ValueError):
    """A record of the wrong shape: the message names the field and what is wrong with it."""


def clean_text(s: str) -> str:
    r"""``s`` as it can be stored (UTF-8). Text that came from bytes that were not UTF-8 (a Latin-1
    command-line argument or file name: Python hands them over as lone surrogates, U+DC80-U+DCFF)
    gets the Windows-1252 character each byte stands for ("caf\udce9" -> "café"); any other lone
    surrogate (e.g. a "\ud800" escape in JSON) becomes U+FFFD. Valid text is returned as it is."""
    if s.isascii():
        return s
    try:
        s.encode("utf-8")
        return s
    except UnicodeEncodeError:
        pass
    out = []
    for ch in s:
        o = ord(ch)
        if 0xDC80 <= o <= 0xDCFF:
            out.append(bytes((o - 0xDC00,)).decode("cp1252", "replace"))
        elif 0xD800 <= o <= 0xDFFF:
            out.append("\ufffd")
        else:
            out.append(ch)
    return "".join(out)


def _kind(v: Any) -> str:
    return {bool: "true/false", int: "a number", float: "a number", str: "text", list: "a list",
            dict: "an object", type(None): "null"}.get(type(v), type(v).__name__)


def _row(d: Any, what: str) -> dict[str, Any]:
    if not isinstance(d, dict):
        raise RecordError(f"{what} must be an object, not {_kind(d)}")
    return d


def _str(v: Any, field: str, limit: int = MAX_NAME) -> str:
    if type(v) is not str:
        raise RecordError(f"{field!r} must be text, not {_kind(v)}")
    if len(v) > limit:
        raise RecordError(f"{field!r} is longer than {limit:,} characters")
    return clean_text(v)


def _text(d: dict[str, Any], key: str, default: str = "", limit: int = MAX_NAME) -> str:
    """An optional text field: missing or null gives ``default``."""
    v = d.get(key)
    if v is None:
        return default
    if type(v) is str and len(v) <= limit and v.isascii():  # the usual case, quickly
        return v
    return _str(v, key, limit)


def _opt(d: dict[str, Any], key: str, limit: int = MAX_NAME) -> str | None:
    v = d.get(key)
    return None if v is None else _str(v, key, limit)


def _ident(v: Any, field: str) -> str:
    if type(v) is str and 0 < len(v) <= MAX_ID and v.isascii() and v.isprintable() and not v.isspace():
        return v  # the usual case, quickly
    s = _str(v, field, MAX_ID)
    if not s.strip() or not s.isprintable():
        raise RecordError(f"{field!r} must be a non-empty name without control characters")
    return s


def _letter_id(v: Any, field: str) -> str:
    if type(v) is not str or len(v) != 64 or v.strip("0123456789abcdef"):
        raise RecordError(f"{field!r} must be a letter's SHA-256 (64 hexadecimal digits)")
    return v


def _int(d: dict[str, Any], key: str, default: int | None = None, lo: int = 0, hi: int = MAX_OFFSET) -> int:
    v = d.get(key)
    if v is None and default is not None:
        return default
    if type(v) is not int:
        raise RecordError(f"{key!r} must be a whole number, not {_kind(v)}")
    if not lo <= v <= hi:
        raise RecordError(f"{key!r} is out of range ({lo} to {hi:,})")
    return v


def _bool(d: dict[str, Any], key: str, default: bool) -> bool:
    v = d.get(key)
    if v is None:
        return default
    if type(v) is not bool:
        raise RecordError(f"{key!r} must be true or false, not {_kind(v)}")
    return v


def _list(d: dict[str, Any], key: str) -> list[Any]:
    v = d.get(key)
    if v is None:
        return []
    if not isinstance(v, list):
        raise RecordError(f"{key!r} must be a list, not {_kind(v)}")
    if len(v) > MAX_ITEMS:
        raise RecordError(f"{key!r} has more than {MAX_ITEMS:,} entries")
    return v


def _strs(d: dict[str, Any], key: str, limit: int = MAX_NAME) -> tuple[str, ...]:
    return tuple(_str(x, key, limit) for x in _list(d, key))


def _nested(d: dict[str, Any], key: str) -> dict[str, Any] | None:
    v = d.get(key)
    if v is None:
        return None
    return _row(v, repr(key))


def _within(what: str, fn, *args):  # type: ignore[no-untyped-def]
    try:
        return fn(*args)
    except RecordError as exc:
        raise RecordError(f"{what}: {exc}") from None


@dataclass(frozen=True)
class Severity:
    id: str
    label: str
    colour: str
    description: str = ""
    rank: int = 0  # 0 = strength ... 3 = priority action
    many: str = ""  # the label counted more than once ("2 areas for improvement"); "" for label + "s"

    def counted(self, n: int) -> str:
        """``n`` of this severity in words: "1 priority action", "2 areas for improvement", "3 context"."""
        return counted(n, self.label.lower(), self.many or None)


@dataclass(frozen=True)
class Theme:
    id: str
    label: str
    colour: str
    description: str = ""
    retired: bool = False
    cues: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        d = dataclasses.asdict(self)
        d["cues"] = list(self.cues)
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Theme:
        d = _row(d, "a theme")
        label = _str(d.get("label"), "label")
        if not label.strip():
            raise RecordError("'label' is empty")
        return cls(
            id=_ident(d.get("id"), "id"),
            label=label,
            colour=_text(d, "colour", limit=100) or "#888888",
            description=_text(d, "description", limit=MAX_TEXT),
            retired=_bool(d, "retired", False),
            cues=_strs(d, "cues"),
        )


@dataclass(frozen=True)
class LetterMeta:
    authority: str | None = None
    doc_type: str | None = None
    visit_start: str | None = None  # ISO dates
    visit_end: str | None = None
    published: str | None = None
    published_estimated: bool = False  # not printed in the document: the PDF's creation date, to confirm
    lead_inspector: str | None = None
    inspectors: tuple[str, ...] = ()
    judgements: tuple[tuple[str, str], ...] = ()  # (judgement, grade) for inspection reports
    visit_number: int | None = None  # which monitoring visit this is
    framework: str | None = None  # an inspection report's framework (FRAMEWORK_LABELS)

    def to_dict(self) -> dict[str, Any]:
        d = dataclasses.asdict(self)
        d["inspectors"] = list(self.inspectors)
        d["judgements"] = dict(self.judgements)
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> LetterMeta:
        d = {} if d is None else _row(d, "the letter's details")
        judgements = _nested(d, "judgements") or {}
        if len(judgements) > 1000:
            raise RecordError("'judgements' has too many entries")
        number = d.get("visit_number")
        return cls(
            authority=_opt(d, "authority"),
            doc_type=_opt(d, "doc_type"),
            visit_start=_opt(d, "visit_start", 100),
            visit_end=_opt(d, "visit_end", 100),
            published=_opt(d, "published", 100),
            published_estimated=d.get("published_estimated") is True,
            lead_inspector=_opt(d, "lead_inspector"),
            inspectors=_strs(d, "inspectors"),
            judgements=tuple((clean_text(k), _str(v, f"judgements.{k}")) for k, v in judgements.items()),
            visit_number=None if number is None else _int(d, "visit_number", hi=100_000),
            framework=framework if (framework := _opt(d, "framework", 100)) in FRAMEWORK_LABELS else None,
        )


@dataclass(frozen=True)
class SignOff:
    """A manager's sign-off of a letter's audit."""

    name: str
    date: str  # ISO date-time
    comment: str = ""

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> SignOff | None:
        if d is None:
            return None
        d = _row(d, "the sign-off")
        name = _text(d, "name")
        if not name:
            return None
        return cls(name=name, date=_text(d, "date", limit=100), comment=_text(d, "comment", limit=MAX_TEXT))


@dataclass(frozen=True)
class Letter:
    """A letter in the library. ``id`` is the SHA-256 of the file's bytes."""

    id: str
    title: str
    source: str  # original file name
    kind: str  # "pdf", "text" or "docx"
    pages: int
    meta: LetterMeta = field(default_factory=LetterMeta)
    added: str = ""
    text_sha: str = ""  # SHA-256 of the canonical text the anchors refer to
    extractor: str = ""  # extractor version that produced that text
    has_text: bool = True
    signoff: SignOff | None = None

    @property
    def short_id(self) -> str:
        return self.id[:10]

    def to_dict(self) -> dict[str, Any]:
        d = dataclasses.asdict(self)
        d["meta"] = self.meta.to_dict()
        d["signoff"] = self.signoff.to_dict() if self.signoff else None
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Letter:
        d = _row(d, "a letter")
        lid = _letter_id(d.get("id"), "id")
        source = _text(d, "source")
        kind = _text(d, "kind") or "pdf"
        if kind not in ("pdf", "text", "docx"):
            raise RecordError(f"'kind' must be pdf, text or docx, not {kind[:20]!r}")
        return cls(
            id=lid,
            title=_text(d, "title") or source or lid[:10],
            source=source,
            kind=kind,
            pages=_int(d, "pages", 0, hi=1_000_000),
            meta=_within("meta", LetterMeta.from_dict, d.get("meta")),
            added=_text(d, "added", limit=100),
            text_sha=_text(d, "text_sha", limit=100),
            extractor=_text(d, "extractor", limit=1000),
            has_text=_bool(d, "has_text", True),
            signoff=_within("signoff", SignOff.from_dict, d.get("signoff")),
        )


SEVERITY_IDS = ("strength", "context", "improvement", "priority")  # the scale's steps (codebook.severities names
# them): an annotation of any other is refused as damage, never kept to be left out of every count and summary. A
# version that adds a step raises the library's schema (store/schema.py), so this one calls it a newer version's


REVIEW_STATUSES: dict[str, str] = {"agreed": "Agreed", "challenged": "Challenged", "resolved": "Resolved"}


@dataclass(frozen=True)
class Review:
    """A manager's verdict on one annotation: agreed, challenged or resolved, with a comment."""

    status: str  # a key of REVIEW_STATUSES
    comment: str = ""
    reviewer: str = ""
    at: str = ""  # ISO date-time

    @property
    def label(self) -> str:
        return REVIEW_STATUSES.get(self.status, self.status)

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> Review | None:
        if d is None:
            return None
        d = _row(d, "the review")
        status = d.get("status")
        if status is None or status == "" or status == "none":
            return None
        if status not in REVIEW_STATUSES:
            raise RecordError(f"'status' must be one of {', '.join(REVIEW_STATUSES)}")
        return cls(status=status, comment=_text(d, "comment", limit=MAX_TEXT),
                   reviewer=_text(d, "reviewer"), at=_text(d, "at", limit=100))


@dataclass(frozen=True)
class Revision:
    """An earlier version of an annotation, kept when a newer edit from an audit pack replaced it, or when
    somebody other than its author changed it here (a manager's regrade: what the auditor said stays said)."""

    modified: str
    author: str
    severity: str
    themes: tuple[str, ...]
    note: str
    quote: str
    replaced: str = ""  # when the newer version arrived
    by: str = ""  # who made the newer version, where it was not the annotation's author

    def to_dict(self) -> dict[str, Any]:
        d = dataclasses.asdict(self)
        d["themes"] = list(self.themes)
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Revision:
        d = _row(d, "an earlier version")
        return cls(modified=_text(d, "modified", limit=100), author=_text(d, "author"),
                   severity=_text(d, "severity", limit=MAX_ID), themes=_strs(d, "themes", MAX_ID),
                   note=_text(d, "note", limit=MAX_TEXT), quote=_text(d, "quote", limit=MAX_TEXT),
                   replaced=_text(d, "replaced", limit=100), by=_text(d, "by"))


def _severity(d: dict[str, Any]) -> str:
    severity = _text(d, "severity", limit=MAX_ID) or "context"
    if severity not in SEVERITY_IDS:
        raise RecordError(f"'severity' must be one of {', '.join(SEVERITY_IDS)}, not {severity[:40]!r}")
    return severity


@dataclass(frozen=True)
class Annotation:
    """A tagged passage: code-point offsets into the letter's canonical text plus the quote and context."""

    id: str
    letter_id: str
    start: int
    end: int
    quote: str
    prefix: str
    suffix: str
    pages: tuple[int, ...]  # 1-based page numbers
    themes: tuple[str, ...]
    severity: str
    note: str = ""
    author: str = ""
    created: str = ""
    modified: str = ""
    orphaned: bool = False  # could not be placed in the current text: needs attention
    review: Review | None = None
    history: tuple[Revision, ...] = ()  # earlier versions replaced by newer ones from audit packs, or by others here

    @property
    def changed_by(self) -> str:
        """Who other than its author made this version ("" where it is the author's own)."""
        by = self.history[-1].by if self.history else ""
        return by if by and person(by) != person(self.author) else ""

    @property
    def page(self) -> int:
        return self.pages[0] if self.pages else 0

    def to_dict(self) -> dict[str, Any]:
        d = dataclasses.asdict(self)
        d["pages"] = list(self.pages)
        d["themes"] = list(self.themes)
        d["review"] = self.review.to_dict() if self.review else None
        d["history"] = [r.to_dict() for r in self.history]
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Annotation:
        d = _row(d, "an annotation")
        start, end = _int(d, "start"), _int(d, "end")
        if end < start:
            raise RecordError("'end' comes before 'start'")
        pages = _list(d, "pages")
        for p in pages:  # (a loop, not all() over a generator: 20,000 records are read as the window starts)
            if type(p) is not int or not 0 <= p <= 1_000_000:
                raise RecordError("'pages' must be page numbers")
        return cls(
            id=_ident(d.get("id"), "id"),
            letter_id=_letter_id(d.get("letter_id"), "letter_id"),
            start=start,
            end=end,
            quote=_text(d, "quote", limit=MAX_TEXT),
            prefix=_text(d, "prefix", limit=MAX_TEXT),
            suffix=_text(d, "suffix", limit=MAX_TEXT),
            pages=tuple(pages),
            themes=tuple([_ident(t, "themes") for t in _list(d, "themes")]),
            severity=_severity(d),
            note=_text(d, "note", limit=MAX_TEXT),
            author=_text(d, "author"),
            created=_text(d, "created", limit=100),
            modified=_text(d, "modified", limit=100),
            orphaned=_bool(d, "orphaned", False),
            review=None if d.get("review") is None else _within("review", Review.from_dict, d["review"]),
            history=tuple(_within(f"history[{i}]", Revision.from_dict, r) for i, r in enumerate(_list(d, "history")))
            if d.get("history") else (),
        )


@dataclass
class PreparedLetter:
    """A file read and ready to enter the library: its record, its bytes and its text."""

    letter: Letter
    data: bytes
    extracted: Extracted

    @property
    def notes(self) -> list[str]:
        return self.extracted.notes


@dataclass(frozen=True)
class Tombstone:
    """An annotation deleted by someone, kept (who and when) so the deletion travels in packs."""

    id: str  # the annotation's id
    letter_id: str
    by: str = ""
    at: str = ""  # when, ISO
    # the version deleted, as the deleter had it: its last change and its review's time ("" where it had none).
    # What was changed or reviewed elsewhere after that version is no part of what they deleted (a manager's
    # challenge was wiped by an auditor's later deletion of the version before it, the clocks deciding: stop 48)
    version: str = ""
    reviewed: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in dataclasses.asdict(self).items() if v or k in ("id", "letter_id", "by", "at")}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Tombstone:
        d = _row(d, "a deletion")
        tid, letter_id = _str(d.get("id"), "id", 100), _str(d.get("letter_id"), "letter_id", 100)
        if not tid or not letter_id:
            raise RecordError("a deletion names no annotation or letter")
        times = {}
        for name in ("at", "version", "reviewed"):
            times[name] = _text(d, name, limit=100)
            if times[name] and parse_time(times[name]) == parse_time(None):
                raise RecordError(f"'{name}' is not a date and time: {times[name][:40]!r}")
        return cls(tid, letter_id, _text(d, "by"), times["at"], times["version"], times["reviewed"])
