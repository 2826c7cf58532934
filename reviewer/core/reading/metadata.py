"""Reading a letter's metadata from its text: authority, type, dates and inspectors.

Best effort, for the auditor to confirm: a field the letter does not state is ``None``.
"""

from __future__ import annotations

import dataclasses
import re
from datetime import date

from reviewer.core.reading.judgements import read_judgements
from reviewer.core.annotations.model import LetterMeta
from reviewer.core.text.textsearch import collapse_ws

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], start=1)}
_MONTH = r"(January|February|March|April|May|June|July|August|September|October|November|December)"
_DATE = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH}\s+(\d{{4}})\b", re.I)
_RANGE = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th)?(?:\s+{_MONTH})?(?:\s+(\d{{4}}))?\s*(?:and|to|-|–|—)\s*"
    rf"(\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH}\s+(\d{{4}})",
    re.I,
)
_NAME = r"[A-Z][A-Za-z'’\-]+(?:\s+[A-Z][A-Za-z'’\-]+){1,3}"


def iso(day: int, month: str, year: int) -> str | None:
    try:
        return date(int(year), MONTHS[month.lower()], int(day)).isoformat()
    except (ValueError, KeyError):
        return None


def _authority(flat: str) -> str | None:
    patterns = [
        r"(?:Focused|Monitoring|Joint targeted area inspection)\s+visit\s+(?:to|of)\s+(.+?)\s+(?:local authority\s+)?children['’]s services",
        r"Inspection of\s+(.+?)\s+local authority children['’]s services",
        r"^(?:\d+\s+)?(.+?)\s+(?:(?:Metropolitan\s+)?(?:City|County|Borough|District)\s+)?Council\s+Inspection of",
        r"Local authority:\s*(.+?)\s{2,}",
        r"visit to\s+(.+?)\s+(?:local authority\s+)?children['’]s services",
        r"^(.+?)\s+(?:Council|County Council|Borough Council)\b.*?(?:committee|cabinet)",
    ]
    for pat in patterns:
        m = re.search(pat, flat, re.I)
        if m:
            name = m.group(1).strip(" .,:;")
            name = re.sub(r"^(?:the|a|\d+)\s+", "", name, flags=re.I)
            name = re.sub(r"\s+(?:Metropolitan\s+)?(?:City|County|Borough|District)?\s*Council$", "", name)
            if 2 <= len(name) <= 60:
                return name
    return None


def _doc_type(flat: str) -> str | None:
    head = flat[:3000].lower()
    top = flat[:800]
    if re.search(r"\b(news story|press release|news item)\b", top, re.I):
        return "news item"
    if re.search(r"\b(committee|cabinet|scrutiny)\b", top, re.I) and re.search(r"\breport\b", top, re.I):
        return "committee report"
    if re.search(r"Inspection of services for children|single inspection framework|Judgement\s+Grade", top, re.I):
        return "inspection report"
    if re.search(r"Inspection of [A-Z][\w ,.'’-]{1,60}? local authority children['’]s services", top) or re.search(
        r"inspection dates", top, re.I
    ):
        return "inspection report"
    if "focused visit" in head:
        return "focused visit"
    if "monitoring visit" in head:
        return "monitoring visit"
    if re.search(r"inspection of .{2,60} children['’]s services", head) or "inspection dates" in head:
        return "inspection report"
    if re.search(r"\b(committee|cabinet|scrutiny)\b", head) and "report" in head:
        return "committee report"
    return "other"


def _visit_dates(flat: str) -> tuple[str | None, str | None]:
    m = re.search(r"(?:Inspection dates?|visit(?:ed)?|carried out|took place|on)\s*:?\s*" + _RANGE.pattern, flat, re.I)
    if m:
        g = m.groups()
        d1, m1, y1, d2, m2, y2 = g[0], g[1] or g[4], g[2] or g[5], g[3], g[4], g[5]
        return iso(int(d1), m1, int(y1)), iso(int(d2), m2, int(y2))
    m = re.search(r"(?:visit|inspection)[^.]{0,80}?\bon\s+" + _DATE.pattern, flat, re.I)
    if m:
        d = iso(int(m.group(1)), m.group(2), int(m.group(3)))
        return d, d
    return None, None


def _published(flat: str, doc_type: str | None, created: str | None) -> str | None:
    m = re.search(r"\b(?:Report )?Publish(?:ed|ed on|ing date|ation date):?\s*" + _DATE.pattern, flat[:3000], re.I)
    if m:
        return iso(int(m.group(1)), m.group(2), int(m.group(3)))
    if doc_type == "inspection report":  # dated by its publication, which the text does not give:
        return created  # the file's own creation date, days before it was published, or nothing
    m = _DATE.search(flat[:1200])
    if m:
        return iso(int(m.group(1)), m.group(2), int(m.group(3)))
    return None


def _split_names(s: str) -> list[str]:
    s = re.sub(r",?\s*(?:His|Her) Majesty['’]s Inspectors?", "", s)
    s = re.sub(r"\s*\((?:lead|HMI)[^)]*\)", "", s, flags=re.I)
    parts = re.split(r",\s*(?:and\s+)?|\s+and\s+", s)
    return [_trim_name(p) for p in parts if re.fullmatch(_NAME, _trim_name(p))]


_NOT_NAME = {"her", "his", "hmi", "deputy", "lead", "inspector", "inspectors", "majesty's", "majesty’s",
             "ofsted", "senior", "social", "care", "regulatory"}


def _trim_name(s: str) -> str:
    words = s.strip(" .").split()
    keep: list[str] = []
    for w in words:
        if w.casefold() in _NOT_NAME:
            break
        keep.append(w)
    return " ".join(keep)


def _inspectors(flat: str) -> tuple[str | None, list[str]]:
    lead = None
    m = re.search(rf"Lead inspector:?\s*({_NAME})", flat)
    if m:
        lead = _trim_name(m.group(1)) or None
    m = re.search(r"(?:Inspectors? for this visit (?:were|was)|The inspectors were|inspectors were)\s+(.+?)\.(?:\s|$)", flat)
    names = _split_names(m.group(1)) if m else []
    if lead and lead not in names:
        names.insert(0, lead)
    if not lead and names:
        lead = names[0]
    return lead, names


_ORDINALS = {w: i for i, w in enumerate(
    ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"], start=1)}


def _visit_number(flat: str) -> int | None:
    m = re.search(r"\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d{1,2})(?:st|nd|rd|th)?"
                  r"\s+monitoring visit", flat[:4000], re.I)
    if not m:
        return None
    word = m.group(1).lower()
    return _ORDINALS.get(word) or (int(word) if word.isdigit() else None)


def read_metadata(text: str, created: str | None = None) -> LetterMeta:
    """``created``: the file's creation date (ISO), used only where the text gives no date of its own."""
    flat = collapse_ws(text)
    start, end = _visit_dates(flat)
    lead, names = _inspectors(flat)
    doc_type = _doc_type(flat)
    return LetterMeta(
        authority=_authority(flat),
        doc_type=doc_type,
        visit_start=start,
        visit_end=end,
        published=_published(flat, doc_type, created),
        lead_inspector=lead,
        inspectors=tuple(names),
        judgements=tuple(read_judgements(flat).items()) if doc_type == "inspection report" else (),
        visit_number=_visit_number(flat) if doc_type == "monitoring visit" else None,
    )


def fill_blanks(old: LetterMeta, new: LetterMeta) -> LetterMeta:
    """``old`` with only its empty fields taken from ``new``: what the auditor set or confirmed is
    never overwritten (letters read before a field was known get it when next opened)."""
    changes = {}
    for f in dataclasses.fields(LetterMeta):
        mine, found = getattr(old, f.name), getattr(new, f.name)
        if (mine is None or mine == () or mine == "") and found not in (None, (), ""):
            changes[f.name] = found
    return dataclasses.replace(old, **changes) if changes else old
