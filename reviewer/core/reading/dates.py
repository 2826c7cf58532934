"""How a document writes a date, read as an ISO date: "3 May 2015", "24th of November 2022", "Monday, January 16,
2023", "2017-11-24", a British date in figures ("15/12/2022", "14.06.23"), and the patterns a visit's days are
written in ("23 to 25 November", "23rd & 24th November 2022"). Which of a document's dates is which (its visit, its
publication) is ``metadata``'s to say; the outline reads a letter's date with the same patterns."""

from __future__ import annotations

import re
from datetime import date

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], start=1)}
MONTH = r"(January|February|March|April|May|June|July|August|September|October|November|December)"
MON = (r"(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|"
       r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
DATE = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?(?:\s+of)?\s+{MONTH}\s+(\d{{4}})\b", re.I)  # ("24th of November")
WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"  # "from Monday 3 February to Friday 14 ..."
RANGE = re.compile(  # (the days between a visit's first and last, when it lists them: "23, 24 and 25 November
    # 2022", "23rd & 24th & 25th November 2022")
    rf"\b{WEEKDAY}(\d{{1,2}})(?:st|nd|rd|th)?(?:(?:\s+of)?\s+{MON})?(?:\s+(\d{{4}}))?"
    rf"(?:\s*(?:,|&|and)\s*{WEEKDAY}\d{{1,2}}(?:st|nd|rd|th)?(?=\s*(?:,|&|and)\s*{WEEKDAY}\d)){{0,5}},?\s*"
    rf"(?:and|to|&|-|–|—)\s*"
    rf"{WEEKDAY}(\d{{1,2}})(?:st|nd|rd|th)?(?:\s+of)?\s+{MON}\s+(\d{{4}})",
    re.I,
)


def iso(day: int, month: str, year: int) -> str | None:
    try:
        return date(int(year), month_number(month), int(day)).isoformat()
    except (ValueError, KeyError, TypeError):
        return None


def month_number(word: str) -> int:
    w = word.lower().rstrip(".")
    for name, number in MONTHS.items():
        if len(w) >= 3 and name.startswith(w[:3]) and (w == name or len(w) <= 4):
            return number
    raise KeyError(word)


ANY_DATE = (rf"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(\d{{1,2}})(?:st|nd|rd|th)?(?:\s+of)?\s+{MON},?\s+"
            rf"(\d{{4}})")
NUMERIC_DATE = r"(\d{1,2})/(\d{1,2})/(\d{4})"


def figures_year(year: str) -> int | None:
    """The year a date in figures gives: two figures this century's ("22": 2022), four a year of the last century
    or this one; None for any other ("0022", "202": a slip of the keys, no year a letter is written in)."""
    if len(year) == 2:
        return 2000 + int(year)
    return int(year) if len(year) == 4 and year[:2] in ("19", "20") else None


def numeric_date(day: str, month: str, year: str) -> str | None:
    """The day a British date in figures names ("15/12/2022", "15/12/22"), or None where it names none."""
    if (y := figures_year(year)) is None:
        return None
    try:
        return date(y, int(month), int(day)).isoformat()
    except ValueError:
        return None


FIGURES = re.compile(r"(\d{1,2})([/.])(\d{1,2})\2(\d{4}|\d{2})(?![\d/]|\.\d)")  # "14/06/2023", "14.06.23"


def figures_at_start(s: str) -> str | None:
    """The day a British date in figures that ``s`` starts with names."""
    m = FIGURES.match(s)
    return numeric_date(m.group(1), m.group(3), m.group(4)) if m else None


MONTH_FIRST = rf"{WEEKDAY}{MON}\s+(\d{{1,2}})(?:st|nd|rd|th)?,\s+(\d{{4}})"  # "Monday, January 16, 2023"
ISO_DATE = r"(?<![\d/-])(\d{4})-(\d{2})-(\d{2})(?![\d/-])"  # a web page's "2017-11-24"


def date_of(s: str, at_start: bool = False) -> str | None:
    """The date ``s`` prints first (``at_start``: the date ``s`` starts with), as the British, American or ISO
    form has it."""
    found = []
    for form in (ANY_DATE, MONTH_FIRST, ISO_DATE):
        m = (re.match if at_start else re.search)(form, s, re.I)
        if m:
            found.append((m.start(), form, m))
    for _, form, m in sorted(found, key=lambda f: f[0]):
        try:
            if form is ANY_DATE:
                return iso(int(m.group(1)), m.group(2), int(m.group(3)))
            if form is MONTH_FIRST:
                return iso(int(m.group(2)), m.group(1), int(m.group(3)))
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
        except ValueError:
            continue
    return None
