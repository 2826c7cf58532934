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

DOC_TYPES: tuple[str, ...] = (
    "focused visit",
    "monitoring visit",
    "inspection report",
    "committee report",
    "news item",
    "other",
)
DOC_TYPE_LABELS = {"focused visit": "Focused visit", "monitoring visit": "Monitoring visit",
                   "inspection report": "Inspection report", "committee report": "Committee report",
                   "news item": "News item", "other": "Other"}


def now_iso() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


def stamp_iso() -> str:
    """Now, to the millisecond: when an annotation was made or edited (newest edit wins in a merge)."""
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


def parse_time(iso: str | None) -> datetime:
    """An ISO date-time as an aware datetime; missing or unreadable stamps sort first."""
    try:
        t = datetime.fromisoformat(str(iso or "").replace("Z", "+00:00"))
    except ValueError:
        return datetime.min.replace(tzinfo=timezone.utc)
    return t if t.tzinfo else t.replace(tzinfo=timezone.utc)


def new_id() -> str:
    return uuid.uuid4().hex


@dataclass(frozen=True)
class Severity:
    id: str
    label: str
    colour: str
    description: str = ""
    rank: int = 0  # 0 = strength ... 3 = priority action


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
        return cls(
            id=str(d["id"]),
            label=str(d["label"]),
            colour=str(d.get("colour") or "#888888"),
            description=str(d.get("description") or ""),
            retired=bool(d.get("retired", False)),
            cues=tuple(str(c) for c in d.get("cues") or ()),
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

    def to_dict(self) -> dict[str, Any]:
        d = dataclasses.asdict(self)
        d["inspectors"] = list(self.inspectors)
        d["judgements"] = dict(self.judgements)
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> LetterMeta:
        d = d or {}
        return cls(
            authority=d.get("authority"),
            doc_type=d.get("doc_type"),
            visit_start=d.get("visit_start"),
            visit_end=d.get("visit_end"),
            published=d.get("published"),
            published_estimated=d.get("published_estimated") is True,
            lead_inspector=d.get("lead_inspector"),
            inspectors=tuple(d.get("inspectors") or ()),
            judgements=tuple((str(k), str(v)) for k, v in (d.get("judgements") or {}).items()),
            visit_number=d.get("visit_number") if isinstance(d.get("visit_number"), int) else None,
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
        if not d or not d.get("name"):
            return None
        return cls(name=str(d["name"]), date=str(d.get("date") or ""), comment=str(d.get("comment") or ""))


@dataclass(frozen=True)
class Letter:
    """A letter in the library. ``id`` is the SHA-256 of the file's bytes."""

    id: str
    title: str
    source: str  # original file name
    kind: str  # "pdf" or "text"
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
        return cls(
            id=str(d["id"]),
            title=str(d.get("title") or d.get("source") or d["id"][:10]),
            source=str(d.get("source") or ""),
            kind=str(d.get("kind") or "pdf"),
            pages=int(d.get("pages") or 0),
            meta=LetterMeta.from_dict(d.get("meta")),
            added=str(d.get("added") or ""),
            text_sha=str(d.get("text_sha") or ""),
            extractor=str(d.get("extractor") or ""),
            has_text=bool(d.get("has_text", True)),
            signoff=SignOff.from_dict(d.get("signoff")),
        )


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
        if not d or str(d.get("status")) not in REVIEW_STATUSES:
            return None
        return cls(status=str(d["status"]), comment=str(d.get("comment") or ""),
                   reviewer=str(d.get("reviewer") or ""), at=str(d.get("at") or ""))


@dataclass(frozen=True)
class Revision:
    """An earlier version of an annotation, kept when a newer edit from an audit pack replaced it."""

    modified: str
    author: str
    severity: str
    themes: tuple[str, ...]
    note: str
    quote: str
    replaced: str = ""  # when the newer version arrived

    def to_dict(self) -> dict[str, Any]:
        d = dataclasses.asdict(self)
        d["themes"] = list(self.themes)
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Revision:
        return cls(modified=str(d.get("modified") or ""), author=str(d.get("author") or ""),
                   severity=str(d.get("severity") or ""), themes=tuple(str(t) for t in d.get("themes") or ()),
                   note=str(d.get("note") or ""), quote=str(d.get("quote") or ""),
                   replaced=str(d.get("replaced") or ""))


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
    history: tuple[Revision, ...] = ()  # earlier versions replaced by newer ones from audit packs

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
        return cls(
            id=str(d["id"]),
            letter_id=str(d["letter_id"]),
            start=int(d["start"]),
            end=int(d["end"]),
            quote=str(d.get("quote") or ""),
            prefix=str(d.get("prefix") or ""),
            suffix=str(d.get("suffix") or ""),
            pages=tuple(int(p) for p in d.get("pages") or ()),
            themes=tuple(str(t) for t in d.get("themes") or ()),
            severity=str(d.get("severity") or "context"),
            note=str(d.get("note") or ""),
            author=str(d.get("author") or ""),
            created=str(d.get("created") or ""),
            modified=str(d.get("modified") or ""),
            orphaned=bool(d.get("orphaned", False)),
            review=Review.from_dict(d.get("review")),
            history=tuple(Revision.from_dict(r) for r in d.get("history") or () if isinstance(r, dict)),
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
