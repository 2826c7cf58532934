"""Reading a document's metadata from its text: authority (``subject``), type, dates, inspectors and judgements.

Best effort, for the auditor to confirm: a field the document does not state is ``None``.

Documents an auditor meets: focused-visit and monitoring-visit letters, inspection reports of every
framework since 2012 (the 2013 inspection of looked-after children services, the single inspection
framework of 2013-18 and its re-inspections, ILACS standard and short inspections), council
committee reports on progress since an inspection, and news items about a visit. Each gives its
subject authority in its title or first lines; other councils named further on (a neighbour, a
regional partnership) are not the subject. The authority is given as auditors name it: "Lewisham",
not "London Borough of Lewisham"; "Bristol", not "Bristol City of".

Dates: a letter, a committee report and a news item carry their own date. An inspection report
prints its publication date only before 2018 ("Report published: 3 May 2015"); otherwise the
PDF's creation date, a few days before publication, is offered as an estimate
(``published_estimated``), for the auditor to confirm, or where that says nothing, the usual wait after the
visit (``PUBLISHED_AFTER_VISIT``).
"""

from __future__ import annotations

import dataclasses
import re
from datetime import date, timedelta

from reviewer.core.reading.dates import (ANY_DATE, DATE, ISO_DATE, MON, MONTH, MONTH_FIRST, NUMERIC_DATE, RANGE, WEEKDAY,
                                         date_of, figures_at_start, figures_year, iso, month_number, numeric_date)
from reviewer.core.reading.judgements import BOARD, board_judgement, read_judgements, told_judgements
from reviewer.core.reading.subject import APOS, named_in_file, subject_of
from reviewer.core.annotations.model import LETTER_TYPES, LetterMeta
from reviewer.core.text.textsearch import collapse_ws

_CAPITAL, _LETTER = "A-ZÀ-ÖØ-Þ", "A-Za-zÀ-ÖØ-öø-ÿ"  # (names as their owners spell them: "Máire", "Zoë", "Ó Súilleabháin")
_NAME_WORD = rf"(?:[{_CAPITAL}][{_LETTER}'’\-]+|[{_CAPITAL}]\.?)"
_NAME = rf"[{_CAPITAL}][{_LETTER}'’\-]+(?:\s+{_NAME_WORD}){{1,3}}"


# ---------------------------------------------------------------- type
_REPORT_TITLE = re.compile(
    rf"Inspection of\s+(?:[A-Z][\w ,.'’&-]{{1,80}}?\s+)?local authority\s+children{APOS}s\s+services|"
    rf"(?:Re-?\s?inspection|Reinspection|Inspection) of (?:children{APOS}s social care services|services for children "
    rf"in need)|Inspection dates?\s*:|\bJudgement\s+Grade\b", re.I)
# The framework named in a sentence ("... under Ofsted's Inspection of Local Authority Children's Services (ILACS)
# framework"), not a report's title
_FRAMEWORK_NAMED = re.compile(r"(?:\bOfsted|Ofsted[’']s|\bthe|\bunder|\ban?|\bits|\bnew)\s+$", re.I)
_FRAMEWORK_AFTER = re.compile(r"\s*\(ILACS\)|\s+(?:framework|inspections)\b", re.I)


def _report_title(flat: str) -> re.Match[str] | None:
    """The first words in ``flat`` that title an inspection report, passing over the framework's name where a
    sentence mentions it."""
    for m in _REPORT_TITLE.finditer(flat):
        named = _FRAMEWORK_NAMED.search(flat[max(0, m.start() - 12):m.start()]) or _FRAMEWORK_AFTER.match(flat, m.end())
        if not named:
            return m
    return None


_COMMITTEE = re.compile(
    r"\bREPORT\s+TO\s*:|\bReport\s+to\s*:?\s+(?:the\s+)?[\w ,'’&-]{0,60}?(?:Committee|Cabinet|Board|Panel|Council)\b|"
    r"\b(?:Date of (?:the )?meeting|Meeting date|Agenda item|Agenda and (?:draft )?minutes|Wards? affected|Key decision|Report of\s*:|"
    r"Report author|Purpose of (?:the )?report|Meeting\s*:\s*\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|Meeting to be held on|"
    r"Electoral Divisions? affected|Decision[ -]maker|Cabinet Committee|Minutes(?=\s*:)|Additional documents(?=\s*:)|"
    r"Report of the [\w ]{0,40}?Director|submitted a report|(?:to )?update Members|"
    # a paper headed by its meeting: "Corporate Parenting Board – 20 January 2026"
    r"(?-i:[A-Z][\w’'&-]*(?: [A-Z&][\w’'&-]*){0,5} (?:Committee|Board|Cabinet|Panel|Forum)) ?[-–—:,] ?"
    r"\d{1,2}(?:st|nd|rd|th)? " + MON.replace("(", "(?:", 1) + r" \d{4}\b|"
    r"(?:Overview\s+(?:&|and)\s+)?Scrutiny\s+(?:Sub-?\s?)?Committee|Briefing (?:note|paper) (?:of|for|to)\b|"
    # a paper's cover lines: "Meeting of: Corporate Parenting Board", "Report from: Head of ...", "Report date: ..."
    r"Meeting of\s*:|Report (?:from|by)\s*:|(?:Date of report|Report date)\s*:|Minutes of (?:the )?meeting\b|"
    # a meeting's page of an agenda item: what it is for, what the members did with it
    r"(?:Sub-?\s?Committee|Committee|Scrutiny Board|Cabinet|Panel) (?:was presented with|received|considered|"
    r"noted)|(?:informed|updated|advised) the (?:Sub-?\s?)?Committee|opened the discussion|"
    r"Members (?:were|noted|agreed|asked|welcomed)|"
    r"(?-i:To) (?:update|inform|share|consider|receive|note|present|brief) (?:the|members|cabinet|committee|"
    r"councillors)\b)", re.I)
_NEWS = re.compile(r"\b(?:news story|press release|media release|news item|latest news|news release|"
                   r"(?:^|\n)\s*News\s*(?:\n|$)|posted on|posted by|news (?:and|&) (?:events|media)|newsroom)\b|"
                   r"\bposted\s*:", re.I)
# A journalist's telling: only a story says these of an inspection ("according to a critical Ofsted report").
_STORY = re.compile(r"\baccording to (?:[\w-]+ ){0,3}(?:Ofsted|inspectors|the watchdog)|\bthe (?:\w+ )?"
                    r"watchdog\b|[‘'\"“](?:inadequate|requires? improvement|good|outstanding)[’'\"”] (?:rating|grading)\b|\b(?:published|released) (?:yesterday|today)\b|\b(?:has|have|had|was|were) (?:now )?"
                    r"been rated\b", re.I)
_LETTER = re.compile(r"\bDear\s+[A-Z]|\bThis letter summarises|\bYours sincerely", re.I)
# A council's own paper that is no meeting's: its improvement plan, self-evaluation or annual report, titled so on a line of its
# own near the top ("Children's Services Improvement Plan 2024–2026", "Self-evaluation of social work practice,
# January 2025"), or an email or a letter to members (its "From:", "To:" and "Subject:" lines first, or "Dear
# Councillor"). Ofsted's letter never starts so.
_PLAN_TITLE = re.compile(r"^[^.\n]{0,80}\b(?:(?:Improvement|Recovery|Action|Development)\s+Plan|Annual\s+Report)\b[^.\n]{0,60}$|"
                         r"^[^.\n]{0,60}\bSelf[- ]?(?:evaluation|assessment)\b[^.\n]{0,80}$", re.I | re.M)
_MAIL_FIELD = re.compile(r"^[ \t]*(From|To|Subject|Sent|Date|Cc)[ \t]*:", re.I | re.M)


def _own_paper(text: str) -> bool:
    """A council's improvement plan, self-evaluation or email to members: the council's paper, not a meeting's."""
    lines = [ln for ln in text[:2000].splitlines() if ln.strip()][:8]
    top = "\n".join(lines)
    fields = {m.group(1).lower() for m in _MAIL_FIELD.finditer(top)}
    if {"from", "to", "subject"} <= fields and _MAIL_FIELD.match(lines[0] if lines else ""):
        return True
    return bool(_PLAN_TITLE.search(top) or _TO_MEMBERS.search(top))


# A letter to the council's own members or staff ("Dear Councillor", "Dear colleagues"), never Ofsted's (to the
# director, by name)
_TO_MEMBERS = re.compile(r"^[ \t]*Dear[ \t]+(?:all[ \t]+)?(?:Councillors?|Members?|Colleagues?|Elected Members|All)\b",
                         re.I | re.M)
# Someone else telling of a visit (a news site's round-up, a council's web page): not the inspectors' letter.
_TELLS_OF = re.compile(r"\b(?:Ofsted has published|inspectors? (?:today )?(?:visited|found|said|praised|highlighted|"
                       r"noted|published)|the full letter|ha(?:s|ve) been (?:published|released)|"
                       r"(?:has|have|had|was|were|is|are|been) (?:now )?(?:rated|judged)(?: as)? [‘'\"“]?(?:good|outstanding|"
                       r"inadequate|requires? improvement)|rating from Ofsted|Ofsted rating|the (?:education )?watchdog|"
                       r"Ofsted (?:found|said|praised|inspectors found)|according to Ofsted|the full report|"
                       r"(?:read|see|view) the (?:full )?(?:report|letter)|last updated)\b", re.I)


def document_kind(text: str) -> str:
    """What kind of document ``text`` is ("inspection report", "focused visit", "committee report", "news
    item", ...): the one reading of it, for the metadata and for the suggester alike."""
    return _doc_type(text, collapse_ws(text[:6000]))


def _titled(kind: str, top: str) -> re.Match[str] | None:
    """A letter's own title ("Monitoring visit to X", "FOCUSED VISIT TO X"), not a sentence's mention of one
    ("Ofsted's second monitoring visit of the council")."""
    first, rest = kind.split(" ", 1)
    return (re.search(rf"\b{first}\s+{rest}\s+(?:to|of)\b", top)
            or re.search(rf"\b{first.upper()}\s+{rest.upper()}\s+(?:TO|OF)\b", top))


def _doc_type(text: str, flat: str) -> str:
    top = flat[:800]
    head = flat[:3000]
    if _NEWS.search(text[:600]) and not _LETTER.search(head):
        return "news item"
    if _BYLINE.search(text[:1200]) and not _LETTER.search(head):
        return "news item"  # a byline, a dateline of the web: a story, even of a committee's meeting or a visit
    if _COMMITTEE.search(top) and not _LETTER.search(head[:1500]):
        return "committee report"
    if _own_paper(text) and not re.search(r"\bThis letter summarises", head, re.I):
        return "committee report"  # (an email to members starts "Dear Councillor" as a letter does)
    if _STORY.search(head) and not _LETTER.search(head):
        return "news item"  # a journalist's words: a story, even of a visit
    titles = [(m.start(), kind) for kind, m in (
        ("focused visit", _titled("Focused visit", top)),
        ("monitoring visit", _titled("Monitoring visit", top)),
        ("assurance visit", _titled("Assurance visit", top)),
        ("joint inspection", re.search(r"\b(?:Joint\s+targeted\s+area\s+inspection|JOINT\s+TARGETED\s+AREA\s+"
                                       r"INSPECTION)\b", top)),
        ("inspection report", _report_title(top))) if m]
    if titles:  # the document's own title comes first; later mentions are of other visits
        return min(titles)[1]
    low = head.lower()
    visit = next((kind for kind in ("focused visit", "monitoring visit", "assurance visit") if kind in low), None)
    if visit is None and "joint targeted area inspection" in low:
        visit = "joint inspection" if _LETTER.search(head) else None  # else a story of one, below
    told, letter = _TELLS_OF.search(head), _LETTER.search(head)
    if visit and told and (not letter or told.start() < letter.start()):
        return "news item"  # "Inspectors visited Central Bedfordshire's children's services ...": told of, even
        # where the page goes on to print the letter
    if visit:
        return visit
    if _report_title(head):
        return "inspection report"
    if (told or "joint targeted area inspection" in low) and not letter and ("ofsted" in low or "inspect" in low):
        return "news item"  # a council's or a paper's story of an inspection's findings: "rated 'good'"
    if re.search(r"\b(committee|cabinet|scrutiny)\b(?!\s+members?\b)", head, re.I) and re.search(r"\breport\b", head,
                                                                                               re.I):
        return "committee report"
    return "other"


# ---------------------------------------------------------------- dates
_DAY_TOKEN = re.compile(
    rf"\b(\d{{1,2}})[/.](\d{{1,2}})[/.](\d{{2,4}})\b|\b(\d{{1,2}})(?:st|nd|rd|th)?(?:\s+{MON})?(?:,?\s+(\d{{4}}))?\b", re.I)
_DATES_END = re.compile(r"Report published|Publi(?:shed|cation)|Lead inspector|The overall|"
                        r"Children['’]s services|Judgement|Inspection of|Her Majesty|His Majesty", re.I)


def _date_list(segment: str) -> list[str]:
    """Every date of "19 November-11 December 2013 and 28 – 30 January 2014" or "1/06/2015 – 25/06/2015",
    months and years taken from the next date that gives them."""
    parts: list[list[int | None]] = []
    for m in _DAY_TOKEN.finditer(segment):
        if m.group(1):
            if (y := figures_year(m.group(3))) is None:
                continue  # ("23/11/0022", "23/11/202": no year a letter is written in)
            parts.append([int(m.group(1)), int(m.group(2)), y])
        else:
            try:
                mon = month_number(m.group(5)) if m.group(5) else None
            except KeyError:
                mon = None
            parts.append([int(m.group(4)), mon, int(m.group(6)) if m.group(6) else None])
    out: list[str] = []
    month = year = None
    for p in reversed(parts):
        month = p[1] or month
        year = p[2] or year
        if month is None or year is None:
            return []
        try:
            out.append(date(year, month, p[0]).isoformat())  # type: ignore[arg-type]
        except ValueError:
            return []
    return out[::-1]


_LATEST = re.compile(rf"\b(?:the )?(?:most recent|latest)(?: one| visit| inspection| monitoring visit)?(?: was)? (?:on|from|"
                     rf"between) (\d{{1,2}})(?:st|nd|rd|th)?(?:\s*(?:and|to|&|-|–)\s*(\d{{1,2}})(?:st|nd|rd|th)?)?\s+{MONTH}"
                     rf"(?:\s+(\d{{4}}))?", re.I)


def _labelled_visit(flat: str) -> list[str]:
    """The dates the document lists as its inspection's ("Inspection dates: 8 July 2019 to 12 July 2019 and 7
    August 2019 to 8 August 2019": four, an inspection held in two spells), in order; none where it lists none."""
    m = re.search(r"\b(?:Inspection dates?|Dates? of (?:the )?(?:visit|inspection)|Visit dates?)\s*:?\s*", flat[:4000], re.I)
    if not m:
        return []
    seg = flat[m.end():m.end() + 160]
    stop = _DATES_END.search(seg)
    if stop:
        seg = seg[:stop.start()]
    return [d for d in _date_list(seg) if d] if re.match(r"\s*\d", seg) else []


VISIT_SWAPPED = 31  # days at most between the two dates of a visit written the wrong way round ("24 and 23 November")


def _visit_dates(flat: str) -> tuple[str | None, str | None]:
    """The visit's first and last days, in order: a visit said to end before it starts is two days written the wrong
    way round ("on 24-23/11/2022") or a slip in one date ("23 November 2022 to 24 November 2021"), which of the two
    unknown: none is read."""
    start, end = _visit_as_written(flat)
    if start and end and end < start:
        if (date.fromisoformat(start) - date.fromisoformat(end)).days > VISIT_SWAPPED:
            return None, None
        return end, start
    return start, end


def _visit_as_written(flat: str) -> tuple[str | None, str | None]:
    if got := _labelled_visit(flat):
        return got[0], got[-1]
    m = re.search(r"(?:visit(?:ed)?|carried out|took place|on|between|"
                  r"(?:inspection|inspected|visit|inspectors|on site)\b[^.]{0,60}?\b(?:from|of))\s*:?\s*"
                  r"(?:from\s+|between\s+)?(?:the\s+)?" + RANGE.pattern,
                  flat, re.I)
    if m:
        g = m.groups()
        d1, m1, y1, d2, m2, y2 = g[0], g[1] or g[4], g[2] or g[5], g[3], g[4], g[5]
        if latest := _LATEST.search(flat, m.end(), m.end() + 300):  # a story of several visits, the last its news
            year = int(latest.group(4) or y2)
            if not latest.group(4) and month_number(latest.group(3)) < month_number(m2):
                year += 1  # ("… the first on 28 February and 1 March 2023, … and the most recent one on 22 and 23
                # November": the same year; "… in November 2023, and the latest in March": the next)
            return iso(int(latest.group(1)), latest.group(3), year), iso(int(latest.group(2) or latest.group(1)),
                                                                          latest.group(3), year)
        return iso(int(d1), m1, int(y1)), iso(int(d2), m2, int(y2))
    m = re.search(r"(?:visit|inspection)[^.]{0,80}?\bon\s+" + DATE.pattern, flat, re.I)
    if m:
        d = iso(int(m.group(1)), m.group(2), int(m.group(3)))
        return d, d
    if m := _NUMERIC_VISIT.search(flat):  # a council's retyping: "on 23-24/11/2022", "from 4/03/2024 to 8/03/2024"
        if got := _date_list(m.group(1)):
            return got[0], got[-1]
    return None, None


_NUMERIC_VISIT = re.compile(r"(?:\bvisit(?:ed)?|\bcarried out|\btook place|\binspection)\b[^.]{0,60}?\b(?:on|from|between)\s+"
                            r"(\d{1,2}(?:([/.])\d{1,2}(?:\2\d{2,4})?)?\s*(?:-|–|to|and|&)\s*\d{1,2}([/.])\d{1,2}\3\d{2,4}|"
                            r"\d{1,2}([/.])\d{1,2}\4\d{2,4})(?![\d/]|\.\d)", re.I)  # (or with full stops: "23.11.2022")


_WRAPPED = re.compile(r"\b(?:was|were|is|are|be|been|being|and|which|then|first|now)[ \t]*$", re.I)


def _labelled_date(head: str, labels: str) -> str | None:
    """The date after a label that starts a line ("Report published: 3 May 2015", "DATE: 4th January 2016",
    "Date: 12/03/2024", " date 2017-11-24")."""
    # (the look-ahead makes "Date of meeting: ..." the label, not "Date" followed by "of meeting")
    for m in re.finditer(rf"(?:^|\n|\|)[ \t]*(?:{labels})[ \t]*:?\s*(?={WEEKDAY}(?:\d|{MON}))", head, re.I):
        if ":" not in m.group(0) and _WRAPPED.search(head, max(0, m.start() - 30), m.start()):
            continue  # "The report was | published on 24 January 2024": a sentence the page wrapped, not a label
        after = re.sub(r"^\d{1,2}[:.]\d{2}[ \t]*(?:[ap]\.?m\.?)?,?[ \t]+", "", head[m.end():m.end() + 50], flags=re.I)  # "16:28 13
        # November 2017"
        n = re.match(NUMERIC_DATE, after)
        if n:
            return numeric_date(*n.groups())
        found = date_of(after, at_start=True)
        if found:
            return found
    return None


_BYLINE = re.compile(  # a news page's byline or dateline: "By A Writer | 07 August 2018", "A Writer 06 April 2016",
    # "Thursday, February 22, 2018", "Saturday 24 October 2009 00:00 BST", a web page's " date 2024-03-22"
    rf"^[ \t]*(?:By[ \t]+[A-Z][^\n|]{{1,60}}\|[ \t]*{ANY_DATE}|"
    rf"(?!(?:Published|Publication|Date|Meeting|Updated|Posted|Issued|Decided|Report|Cabinet|Council)\b)"
    rf"(?:[A-Z][\w'’.-]+[ \t]+){{1,4}}{ANY_DATE}[ \t]*$|"
    rf"{MONTH_FIRST}[ \t]*$|{ANY_DATE}[ \t]+\d{{1,2}}[.:]\d{{2}}[ \t]*(?:BST|GMT|UTC|EST|EDT|CET|CEST)|date[ \t]+{ISO_DATE})",
    re.I | re.M)
_DATE_AT_END = re.compile(  # a line that ends with a date (and its hour): a dateline, a byline, a meeting's heading
    rf"(?:{ANY_DATE}|{MONTH_FIRST}|{ISO_DATE})(?:,?[ \t]+(?:at[ \t]+)?\d{{1,2}}[.:]\d{{2}}[ \t]*(?:[ap]\.?m\.?)?)?"
    rf"(?:[ \t]*(?:BST|GMT|UTC|EST|EDT|CET|CEST))?[ \t]*$", re.I)
_MEETING_LINE = re.compile(r"^[ \t•*-]*Meeting\b[^\n]{0,200}", re.I | re.M)  # "- Meeting of the Scrutiny Panel,
# Monday 13th October 2025 9.30 am (Item 47.)"
_TODAY = re.compile(r"\b(?:published|released|announced) today,?\s*\(?\s*([^)\n]{6,40})", re.I)  # "(Friday, 19
# February 2016)"


def _own_date(text: str) -> str | None:
    """A committee report's or news item's own date where no label gives it: a line near the top that ends with
    a date standing alone, after a separator or a byline's name ("Tuesday, 9 April 2024", "Scrutiny Subgroup -
    Tuesday, 2nd October, 2018", "By A Writer | 07 August 2018"), a "Meeting of ..." line, or the day
    "published today" names; never a date in a sentence, which is the inspection's, the letter's or an
    earlier visit's."""
    head = re.sub(rf"\b(\d{{1,2}}(?:st|nd|rd|th)?|{MON})[ \t]*\n[ \t]*(?={MON}\b|\d{{4}}\b)", r"\1 ",
                  text[:1500], flags=re.I)  # ("... 20 January | 2026", "... – 4 | February 2026": a title the page wrapped)
    for line in head.splitlines()[:30]:
        line = line.strip()
        m = _DATE_AT_END.search(line)
        before = line[:m.start()].rstrip() if m else ""
        if m and (not before or before[-1] in "-–|,:" or re.fullmatch(r"(?:By\s+)?(?:[A-Z][\w'’.-]*\s*){1,4}", before)):
            return date_of(line[m.start():])  # "Heading - Tuesday, 2nd October, 2018", "A Writer 06 April 2016"
        if between := re.search(rf"[-–—|][ \t]*(?={ANY_DATE}[ \t]*[-–—|])", line, re.I):
            return date_of(line[between.end():], at_start=True)  # "Cabinet — 12 March 2024 — Agenda item 7"
    m = _MEETING_LINE.search(text[:1500])
    found = date_of(m.group(0)) if m else None
    if found:
        return found
    m = _TODAY.search(text[:3000])
    return date_of(m.group(1), at_start=True) if m else None


_HELD_ON = re.compile(r"\b(?:Minutes|meeting)\b[^.\n]{0,160}?\bheld\s+on\s+", re.I)
_DAY_MONTH_LINE = re.compile(rf"^[ \t]*(?:Date|Meeting date|Date of (?:the )?meeting)[ \t]*:[ \t]*"
                             rf"(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?[ \t]+(\d{{1,2}})(?:st|nd|rd|th)?[ \t]+{MONTH}"
                             rf"[ \t]*$", re.I | re.M)
_WEEKDAYS = ("mon", "tues", "wednes", "thurs", "fri", "satur", "sun")


def _date_without_year(head: str) -> tuple[str, bool] | None:
    """A paper's meeting date printed with its weekday but no year ("Date: Thursday 9 March"): the latest year, of
    those the paper's first lines print (or the next), in which that day falls on that weekday (a paper is written
    after what it tells of: 9 March was a Thursday in 2017 and 2023 alike). Estimated, for the auditor to
    confirm."""
    m = _DAY_MONTH_LINE.search(head)
    if not m:
        return None
    fits = set()
    for year in {int(y) for y in re.findall(r"\b((?:19|20)\d{2})\b", head)}:
        for y in (year, year + 1):
            try:
                d = date(y, month_number(m.group(3)), int(m.group(2)))
            except ValueError:
                continue
            if _WEEKDAYS[d.weekday()] == m.group(1).lower():
                fits.add(d)
    return (max(fits).isoformat(), True) if fits else None


_MONTH_YEAR = re.compile(rf"(?:^[ \t]*(?:Date|Report date|Date of report|Meeting date|Version[^\n]{{0,20}}?|Published|"
                         rf"Publication date|Issued)?[ \t]*[:—–-]?|[,—–|-])[ \t]*{MONTH}[ \t]+((?:19|20)\d{{2}})[ \t]*"
                         rf"(?:$|\|)", re.I | re.M)


def _month_only(head: str) -> tuple[str | None, bool]:
    """A paper dated by its month alone, on a line of its own near the top ("Date: January 2024", "Version 3.2 —
    January 2025", "Self-evaluation of social work practice, January 2025", "Published September 2023", "July
    2024") or between a newsletter's bars ("Issue 42 | March 2023 | News for staff"): the month's first day,
    estimated."""
    m = _MONTH_YEAR.search(head)
    if not m:
        return None, False
    return date(int(m.group(2)), month_number(m.group(1)), 1).isoformat(), True


# Days from an inspection's last day to its report's publication (2018-): the median of the development reports'
# published record, 42 for standard and 43.5 for short inspections. An estimate, shown as one, where the report
# prints no date and its file was made long after (re-issued) or says nothing
PUBLISHED_AFTER_VISIT = 42


def _plausible_creation(created: str | None, visit_end: str | None) -> bool:
    """A report's PDF is made days before it is published, after the visit: one made before the visit
    ended, or half a year after it (a file re-issued later), says nothing of the publication date."""
    if not created:
        return False
    if not visit_end:
        return True
    days = (date.fromisoformat(created) - date.fromisoformat(visit_end)).days
    return 0 <= days <= 180


def _published(text: str, flat: str, doc_type: str, created: str | None, visit_end: str | None
               ) -> tuple[str | None, bool]:
    """(date, estimated)."""
    head = text[:4000]
    printed = _labelled_date(head, r"(?:Report\s+)?Publi(?:shed(?: on)?|shing date|cation date)")
    if printed:
        return printed, False
    if doc_type == "inspection report" and (said := re.search(r"\bReport published:\s*", head)):
        printed = date_of(head[said.end():said.end() + 40], at_start=True)  # (mid-line: a report saved from a
        if printed:  # web page as one long line, "… 11 February 2015 Report published: 27 March 2015 The overall …")
            return printed, False
    if doc_type == "inspection report":  # dated by its publication, which the text does not give:
        if _plausible_creation(created, visit_end):
            return created, True  # the file's own creation date, days before it was published
        if visit_end and visit_end >= "2018":  # a file made long after (re-issued), or none: the usual wait
            return (date.fromisoformat(visit_end) + timedelta(days=PUBLISHED_AFTER_VISIT)).isoformat(), True
        return None, False
    if doc_type == "committee report":  # where it prints no publication date, dated by its meeting
        own = _labelled_date(head, r"DATE|Date of (?:the )?meeting|Meeting date|Meeting(?: to be held on)?|Date of report|"
                                   r"Report date|Decided at meeting|Date of decision")
        if own:
            return own, False
    if doc_type == "news item":
        own = _labelled_date(head, r"Posted(?: on)?|Updated(?: on)?|Date")
        if own:
            return own, False
    if doc_type == "committee report" and (held := _HELD_ON.search(text[:1000])):
        said = text[held.end():held.end() + 60]
        if found := date_of(said, at_start=True) or figures_at_start(said):
            return found, False  # minutes: "... of the Scrutiny Committee held on Wednesday 14th June 2023 at 6pm",
            # "Minutes of the meeting held on 14/06/2023"
    if doc_type in ("committee report", "news item"):
        own = _own_date(text)
        if own:
            return own, False
        if doc_type == "news item":
            return _month_only(text[:600])  # (a newsletter's issue: "Issue 42 | March 2023")
        return _date_without_year(text[:1500]) or _month_only(text[:1500])
    for m in re.finditer(rf"{ANY_DATE}|(?<![\d/.-])(\d{{1,2}})([/.])(\d{{1,2}})\5(\d{{4}}|\d{{2}})(?![\d/]|\.\d)",
                         flat[:1200], re.I):  # (a letter retyped with its date as figures: "15/12/2022", "15.12.22")
        found = iso(int(m.group(1)), m.group(2), int(m.group(3))) if m.group(1) else numeric_date(*m.group(4, 6, 7))
        if found is None:
            continue
        if doc_type in LETTER_TYPES or found != visit_end:
            return found, False
    return None, False


_YEARLESS = re.compile(rf"\b(?:inspection|inspected|visit(?:ed)?|took place)\b[^.]{{0,60}}?\b(?:on|from|between)\s+"
                       rf"{WEEKDAY}(\d{{1,2}})(?:st|nd|rd|th)?\s+{MONTH}\s*(?:and|to|&|-|–|—)\s*{WEEKDAY}"
                       rf"(\d{{1,2}})(?:st|nd|rd|th)?\s+{MONTH}(?!\s*,?\s*\d{{4}})", re.I)


def _visit_without_year(flat: str, dated: str) -> tuple[str | None, str | None]:
    """A paper's inspection dates printed without their year ("its most recent inspection on 27 February - 14
    March", minutes dated 15 June 2023): the year is the paper's own, or the one before where the visit's months
    come after the paper's."""
    m = _YEARLESS.search(flat)
    if not m:
        return None, None
    try:
        paper = date.fromisoformat(dated)
        d1, m1, d2, m2 = int(m.group(1)), month_number(m.group(2)), int(m.group(3)), month_number(m.group(4))
        year = paper.year if (m2, d2) <= (paper.month, paper.day) else paper.year - 1
        first = date(year - (1 if m1 > m2 else 0), m1, d1)
        return first.isoformat(), date(year, m2, d2).isoformat()
    except (KeyError, ValueError):
        return None, None


# ---------------------------------------------------------------- inspectors
def _split_names(s: str) -> list[str]:
    s = re.sub(r",?\s*(?:His|Her) Majesty['’]s Inspectors?", "", s)
    s = re.sub(r"\s*\((?:lead|HMI)[^)]*\)", "", s, flags=re.I)
    parts = re.split(r"[,;]\s*(?:and\s+)?|\s+and\s+", s)
    return [_trim_name(p) for p in parts if re.fullmatch(_NAME, _trim_name(p))]


_NOT_NAME = {"her", "his", "hmi", "deputy", "lead", "inspector", "inspectors", "majesty's", "majesty’s",
             "ofsted", "senior", "social", "care", "regulatory", "team", "report", "judgement", "inspection",
             "age", "the", "children's", "children’s", "overall"}


def _trim_name(s: str) -> str:
    words = s.strip(" .,").split()
    keep: list[str] = []
    for w in words:
        if w.casefold().strip(",.") in _NOT_NAME:
            break
        keep.append(w.strip(","))
        if w.endswith(","):
            break
    return " ".join(keep)


def _inspectors(flat: str) -> tuple[str | None, list[str]]:
    lead = None
    # "Lead inspector: X"; "Lead inspectors: X, ..., and Y" (the first named leads); "Lead inspector on
    # site: X" (another wrote the report); "Reporting inspector X HMI" (inspections of 2012-13)
    m = re.search(rf"(?:Lead|Reporting) inspectors?(?: on site)?\s*:?\s*({_NAME})", flat) or \
        re.search(rf"\b[Tt]he lead inspector (?:was|is)\s+({_NAME})", flat)  # a paper's "The lead inspector was X HMI"
    if m:
        lead = _trim_name(m.group(1)) or None
        if lead and len(lead.split()) < 2:
            lead = None
    said = re.search(r"(?:[Ii]nspectors? for this visit (?:were|was)|The inspectors were|inspectors were)\s+(.+?)\.(?:\s|$)",
                     flat)
    names = _split_names(said.group(1)) if said else []
    if not names and m and lead:  # reports of 2013-18 list the team after the lead inspector
        at = m.start(1) + len(lead)
        after = flat[at:at + 1500]
        # (the labels in any case: "Deputy Lead inspector: ..." lost its deputy, h27)
        for t in re.finditer(r"(?:Deputy [Ll]ead [Ii]nspector|Team [Ii]nspectors?)\s*:?\s*(.{3,300}?)(?=\.(?:\s|$)|\s+\d{1,3}\s|\s+A second visit|\s+(?:Deputy [Ll]ead|"
                             r"Team [Ii]nspectors?|Shadow|Senior data|Data analyst|Quality assurance|Ofsted|Any complaints|"
                             r"The Office|Report author)\b|$)", after):
            for n in _split_names(re.sub(r"\b(?:S?HMI|AI|OI)\b|\([^)]*\)|/", ",", t.group(1))):
                if n not in names:
                    names.append(n)
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


_FRAMEWORK_TITLES = (
    ("sif re-inspection", re.compile(r"\bRe-?\s?inspection of services for children in need", re.I)),
    ("sif", re.compile(r"\bInspection of services for children in need of help and protection", re.I)),
    ("looked after children", re.compile(r"\bInspection of (?:looked after children services|services for looked "
                                         r"after children)", re.I)),
    ("child protection", re.compile(r"\bInspection of (?:local authority )?arrangements for the protection of "
                                    r"children", re.I)),
)
ILACS_FROM = 2018  # the framework's first inspections; a short inspection is held in one week, a standard in two
SHORT_DAYS = 6


def _framework(flat: str, start: str | None, end: str | None) -> str | None:
    """An inspection report's framework, from its title, else (ILACS) from its visit's dates: the report does
    not say whether it was a short or a standard inspection, but a short one is held on site in a week (the
    published record: 4 days from first to last in every short inspection of the corpus, 11 in every
    standard one), where an inspection held in two spells is told by its first."""
    top = flat[:1500]
    for key, title in _FRAMEWORK_TITLES:
        if title.search(top):
            return key
    if not start or int(start[:4]) < ILACS_FROM:
        return None
    spells = _labelled_visit(flat)
    if len(spells) == 4 and spells[0] == start:
        end = spells[1]
    if not end:
        return "ilacs"
    days = (date.fromisoformat(end) - date.fromisoformat(start)).days
    return "ilacs short" if 0 <= days <= SHORT_DAYS else "ilacs standard" if days > SHORT_DAYS else "ilacs"


def read_metadata(text: str, created: str | None = None, name: str | None = None) -> LetterMeta:
    """``created``: the file's creation date (ISO), offered (flagged as estimated) as an inspection
    report's publication date where the report does not print it. ``name``: the file's name, whose
    council ("Southampton scrutiny 23-01-2020.pdf") is taken where the text names none (a council's
    minutes page rarely names its own council)."""
    flat = collapse_ws(text)
    doc_type = _doc_type(text, flat)
    start, end = _visit_dates(flat) if doc_type != "other" else (None, None)
    lead, names = _inspectors(flat) if doc_type != "other" else (None, [])
    published, estimated = _published(text, flat, doc_type, created, end) if doc_type != "other" else (None, False)
    if doc_type == "committee report" and start is None and published and not estimated:
        start, end = _visit_without_year(flat, published)
    return LetterMeta(
        authority=(subject_of(text, flat, doc_type) or named_in_file(name)) if doc_type != "other" else None,
        doc_type=doc_type,
        visit_start=start,
        visit_end=end,
        published=published,
        published_estimated=estimated,
        lead_inspector=lead,
        inspectors=tuple(names),
        judgements=_judgements(flat, doc_type) if doc_type in ("inspection report", "committee report")
        else (),  # (a paper copies the inspection's judgement table, or tells its grades)
        visit_number=_visit_number(flat) if doc_type == "monitoring visit" else None,
        framework=_framework(flat, start, end) if doc_type == "inspection report" else None,
    )


def _judgements(flat: str, doc_type: str = "inspection report") -> tuple[tuple[str, str], ...]:
    """A report's judgements, with the board's where a single-inspection-framework report reviewed one; a
    committee paper's, as it copies them or tells them in its sentences."""
    found = read_judgements(flat) or (told_judgements(flat) if doc_type == "committee report" else {})
    if found and (board := board_judgement(flat)) is not None:
        found[BOARD] = board
    return tuple(found.items())


def fill_blanks(old: LetterMeta, new: LetterMeta) -> LetterMeta:
    """``old`` with only its empty fields taken from ``new``: what the auditor set or confirmed is
    never overwritten (letters read before a field was known get it when next opened).
    A publication date is taken with its "estimated" flag; a date read before the flag existed that
    is the very date the reader now estimates is marked estimated too."""
    changes = {}
    for f in dataclasses.fields(LetterMeta):
        if f.name == "published_estimated":
            continue
        mine, found = getattr(old, f.name), getattr(new, f.name)
        if f.name == "doc_type" and mine == "other" and found != "other":
            mine = None  # "other" is what the reader says of a kind it did not know then (an assurance visit)
        if (mine is None or mine == () or mine == "") and found not in (None, (), ""):
            changes[f.name] = found
        elif f.name == "judgements" and mine and (more := tuple((k, v) for k, v in found if k not in dict(mine))) \
                and all(dict(found).get(k) == v for k, v in mine):
            changes[f.name] = mine + more  # a judgement read since (the board's), beside the same ones as before
    if "published" in changes:
        changes["published_estimated"] = new.published_estimated
    elif new.published_estimated and old.published == new.published and not old.published_estimated:
        changes["published_estimated"] = True
    return dataclasses.replace(old, **changes) if changes else old
