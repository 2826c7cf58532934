"""Whose a document is: the authority it is about, as auditors name it ("Lewisham", not "London Borough of
Lewisham"; "Bristol", not "Bristol City of"), read from its title or first lines, where other councils named
further on (a neighbour, a regional partnership) are not its subject; a news round-up of several councils is
no one's; a paper that names none takes the one its file's name names. ``metadata`` asks it, with the
document's type."""

from __future__ import annotations

import re

from reviewer.core.annotations.model import LETTER_TYPES
from reviewer.core.reading import authorities
from reviewer.core.text.textsearch import collapse_ws

APOS = "['’]"  # a straight or a curly apostrophe, as documents print "children's"

# Reading an authority's name as auditors write it
_PREFIXES = re.compile(
    r"^(?:the\s+)?(?:(?:London|Royal)\s+Borough\s+of|Metropolitan\s+Borough\s+of|Borough\s+of|County\s+of|"
    r"City\s+and\s+County\s+of|City\s+of(?!\s+London\b)|County(?=\s+Durham\b)|Council\s+of(?:\s+the)?)\s+", re.I)
# ... and what may follow the name on a report's first lines ("Medway Children's Services")
_SERVICES = re.compile(r"\s+children['’]s\s+(?:services|social\s+care(?:\s+services)?)$", re.I)
_SUFFIX_WORDS = {"council", "borough", "county", "city", "district", "metropolitan", "of"}
_SMALL_WORDS = {"and", "upon", "on", "with", "of", "the", "in", "under", "le"}


def clean_authority(name: str) -> str | None:
    """"London Borough of Barking and Dagenham" -> "Barking and Dagenham", "Kent County Council" -> "Kent",
    "Bristol City of" -> "Bristol", "St. Helens Metropolitan Borough Council" -> "St Helens", "Council of the
    Isles of Scilly" -> "Isles of Scilly", "Medway Children's Services" -> "Medway"."""
    name = " ".join(name.replace("&", " and ").split()).strip(" .,:;-–")
    name = _SERVICES.sub("", name)
    name = re.sub(r"['’]s$", "", name)  # "BCP Council's children's services"
    name = re.sub(r"\s*\((?:fictional|the)\)$", "", name, flags=re.I)
    if name.isupper():
        name = name.title()
    for _ in range(2):
        name = _PREFIXES.sub("", name).strip()
    words = name.split()
    while len(words) > 1 and words[-1].casefold().strip(".,") in _SUFFIX_WORDS:
        words.pop()
    if not words:
        return None
    name = " ".join(words)
    name = re.sub(r"\bSt\.\s*", "St ", name)
    name = " ".join(w.lower() if i and w.lower() in _SMALL_WORDS else w for i, w in enumerate(name.split()))
    name = re.sub(r"(?<=\w)-(On|Upon|Le|Under)-(?=\w)", lambda m: f"-{m.group(1).lower()}-", name)
    if not 2 <= len(name) <= 60 or not re.match(r"[A-Z]", name) or _GENERIC.fullmatch(name):
        return None
    return name


# Words that name no one council ("the Ofsted Inspection of Local Authority Children's Services"):
_GENERIC = re.compile(r"(?:the\s+)?(?:local\s+authorit(?:y|ies)|councils?|(?:city|county|borough|district)\s+"
                      r"councils?|authority|borough|the\s+city|the\s+county|all|our|these|its|their)", re.I)


_TITLE_BEFORE = re.compile(  # the name stands on the lines before these titles (2013-19 reports)
    r"^\s*(?:Re-?\s?inspection|Reinspection|Inspection) of (?:children['’]s social care services|local authority "
    r"children['’]s services|services for children in need)", re.I | re.M)


def _lines_before_title(text: str) -> str | None:
    head = text[:1500]
    m = _TITLE_BEFORE.search(head)
    if not m:
        return None
    lines = [ln.strip() for ln in head[:m.start()].splitlines()]
    lines = [ln for ln in lines if ln and not re.fullmatch(r"\d{1,3}", ln)]
    if not lines or len(lines) > 3:
        return None
    return " ".join(lines)


_COUNCIL = re.compile(  # on one line: "London Borough of X", "X Council", "X Metropolitan Borough Council"
    r"\b((?:London|Royal|Metropolitan)[ \t]+Borough[ \t]+(?i:of)[ \t]+(?:the[ \t]+)?[A-Z][\w'’.\-]*"
    r"(?:[ \t]+(?:and|upon|on|with|&|[A-Z][\w'’.\-]*))*"
    r"|(?<![\w'’])[A-Z][\w'’.\-]*(?:[ \t]+(?:and|upon|on|with|&|[A-Z][\w'’.\-]*)){0,4}?"
    r"[ \t]+(?:(?:Metropolitan[ \t]+)?(?:Borough|District|County|City)[ \t]+)?Council)\b")
_TITLE_WORDS = {  # words that start a heading before the council's name: "Ofsted Report On Northmoor Council"
    "ofsted", "report", "reports", "news", "press", "release", "latest", "update", "cabinet", "committee", "scrutiny",
    "agenda", "item", "to", "on", "of", "the", "for", "inspection", "children's", "children’s", "services", "focused",
    "monitoring", "visit", "praises", "praised", "welcomes", "says", "finds", "statement", "from", "by", "meeting",
    "subject", "title", "and", "overview", "full", "health", "wellbeing", "board", "panel", "date", "at", "a", "an",
    "council", "county", "city", "borough", "district", "town", "parish", "regional", "local", "our", "your", "all",
    "care", "youth", "children", "young", "people", "school", "schools", "student", "students"}  # "Children in
# Care Council", "Youth Council": councils of children, not the authority


_CAPITALS_COUNCIL = re.compile(r"\b[A-Z][A-Z'’.\-]+(?:[ \t]+[A-Z][A-Z'’.\-]*){0,5}[ \t]+COUNCIL\b")


def _council_named(text: str) -> str | None:
    """The first council a committee report or news item names in its opening lines."""
    return next(iter(_councils_named(text)), None)


def _councils_named(text: str) -> list[str]:
    """The councils a committee report or news item names in its opening lines, in order, each once."""
    found: list[str] = []
    for line in text[:2500].splitlines():
        line = line.strip()
        if sum(c.isalpha() for c in line) > 3 and line.upper() == line:
            line = line.title().replace("'S ", "'s ").replace("’S ", "’s ")
        else:  # a name in capitals on a line that goes on in lower case: "STANMERE COUNTY COUNCIL — Children, ..."
            line = _CAPITALS_COUNCIL.sub(lambda m: m[0].title(), line)
        for m in _COUNCIL.finditer(line):
            words = m.group(1).split()
            while words and words[0].casefold() in _TITLE_WORDS:
                words.pop(0)
            known = authorities.named_in(" ".join(words), short=True)  # "Both Halton Borough Council": Halton
            if known is None and len(words) > 1 and words[-1] == "Council" and words[-2].casefold() in _SMALL_WORDS | {"&"}:
                continue  # "the Annual Conversation with Council": a name never ends "with"
            name = known or (clean_authority(" ".join(words)) if len(words) > 1 else None)  # a name, then "Council"
            if name and name.casefold() not in _TITLE_WORDS and name not in found:
                found.append(name)
    return found


def _authority(text: str, flat: str, doc_type: str, councils: list[str]) -> str | None:
    head = flat[:3000]
    titled = [
        rf"(?:Focused|Monitoring|Assurance)\s+visit\s+(?:to|of)\s+(.+?)\s+"
        rf"(?:local authority\s+)?children{APOS}s services",
        r"Joint targeted area inspection of\s+(?:the\s+multi-agency\s+response\s+to\s+.{0,300}?\s+in\s+)?"
        r"([A-Z][\w ,.'’&-]{1,60}?)(?:\s+This letter|\s*\n|\s*$|\.\s)",
        rf"Inspection of\s+(.+?)\s+local authority\s+children{APOS}s\s+services",
    ]
    if doc_type in LETTER_TYPES + ("inspection report",):
        found = sorted((m.start(), m.group(1)) for p in titled for m in re.finditer(p, head[:1500], re.I))
        for _, raw in found:  # the title comes first; a visit mentioned further on is another one
            if len(raw.split()) > 8 or re.search(r"\d", raw):
                continue  # a web page's title ("Focused visit to X") run on through the letter's address block
            name = clean_authority(raw)
            if name:
                return name
        before = _lines_before_title(text)
        if before:
            name = clean_authority(before)
            if name:
                return name
        m = re.search(r"Local authority:\s*(.+?)\s{2,}", text[:3000])
        if m:
            name = clean_authority(m.group(1))
            if name:
                return name
        m = re.search(rf"\bvisit to\s+(.+?)\s+(?:local authority\s+)?children{APOS}s services", head, re.I)
        if m:
            name = clean_authority(m.group(1))
            if name:
                return name
    if doc_type in ("committee report", "news item"):
        m = re.search(rf"\b(?:focused|monitoring)\s+visit\s+(?:to|of)\s+(.+?){APOS}?s?\s+children{APOS}s services",
                      head[:1500], re.I)
        if councils:
            return councils[0]
        if body := _body_named(text) or _services_named(text):
            return body
        m = m or re.search(rf"\binspection of\s+(.+?)\s+(?:local authority\s+)?children{APOS}s services", head[:1500],
                           re.I)
        if m:  # "the final monitoring visit to Tower Hamlets noted ... the council's children's services": the
            # authority the words name, never the words themselves
            named = authorities.named_in(m.group(1), short=True)
            return named or (clean_authority(m.group(1)) if len(m.group(1).split()) <= 5 else None)
    return None


# A board or partnership of the council and its partners, named for its place, heads its own papers ("Fenbridge
# Children's Services Improvement Board", "Marlow Vale Safeguarding Children Partnership"): the place is the subject
_BODY = re.compile(
    r"^[ \t]*((?!(?:The|Our|Local|Regional|National)\b)[A-Z][\w'’.\-]*(?:[ \t]+(?:and|upon|on|in|with|le|[A-Z][\w'’.\-]*)){0,3}?)"
    r"[ \t]+(?:(?:Children|Children['’]s|Young|People['’]s|Families|Family|Services|Safeguarding|Improvement|"
    r"Corporate|Parenting|Multi-[Aa]gency|Strategic|Executive|Partnership|Transformation|Assurance|Social|Care)"
    r"[ \t]+){1,4}(?:Board|Partnership|Panel|Forum|Trust|Group)\b", re.M)
_BODY_WORD = re.compile(r"Safeguarding|Improvement|Corporate|Parenting|Multi-[Aa]gency|Strategic|Executive|"
                        r"Partnership|Transformation|Assurance|Social|Families|Family|Services", re.I)


def _body_named(text: str) -> str | None:
    """The place a board's or a safeguarding partnership's paper names in its heading (on its first lines)."""
    lines = [ln for ln in text[:1000].splitlines() if ln.strip()][:3]
    for line in lines:
        if m := _BODY.match(line):
            words = m.group(1).split()
            if words[0].casefold() in _TITLE_WORDS or _BODY_WORD.fullmatch(words[0]):
                continue  # ("Corporate Parenting Board": no place)
            name = clean_authority(m.group(1))
            if name:
                return name
    return None


_PLACE = r"([A-Z][\w'’.\-]*(?:[ \t]+(?:and|upon|on|in|le|[A-Z][\w'’.\-]*)){0,3}?)"
# A story's headline or first sentence naming the place whose services it tells of: "Quarrydown children's services
# judged 'good' by Ofsted", "Children's services in Quarrydown have been judged good"
_SERVICES_OF = re.compile(rf"(?:^|(?<=[.!?]\s))[ \t]*[‘'\"“]?{_PLACE}(?:['’]s)?[ \t]+children['’]s[ \t]+(?:social[ \t]+care|"
                          rf"services)\b|\b[Cc]hildren['’]s[ \t]+(?:social[ \t]+care|services)[ \t]+in[ \t]+{_PLACE}"
                          rf"(?=[ \t]+(?:ha(?:ve|s|d)|are|were|is|was)\b|[.,])", re.M)


def _services_named(text: str) -> str | None:
    """The place a story's headline or its first lines name as the one whose children's services it tells of."""
    for m in _SERVICES_OF.finditer(text[:800]):
        raw = m.group(1) or m.group(2)
        words = raw.split()
        if words[0].casefold() in _TITLE_WORDS or _BODY_WORD.fullmatch(words[0]):
            continue
        if name := clean_authority(raw):
            return name
    return None


ROUND_UP = 3  # councils a news item names as its subjects ("X Council"), from which it is a round-up of several
ROUND_UP_NAMES = 4  # or authorities it names at all: a story of one council names one or two others at most


def _round_up(text: str, councils: list[str]) -> bool:
    """A news item about several councils, none its subject; not where its headline names one alone."""
    headline = next((ln.strip() for ln in text[:1000].splitlines() if ln.strip()), "")[:300]
    if len(authorities.all_named(headline, short=True)) == 1:
        return False
    return (len({authorities.canonical(c) for c in councils}) >= ROUND_UP
            or len(authorities.all_named(collapse_ws(text[:2500]), short=True)) >= ROUND_UP_NAMES)


def subject_of(text: str, flat: str, doc_type: str) -> str | None:
    """The subject authority, in the record's name for it where it is one of England's."""
    councils = _councils_named(text) if doc_type in ("committee report", "news item") else []
    if doc_type == "news item" and _round_up(text, councils):
        return None  # a round-up of visits to several councils: no one council is its subject
    name = _authority(text, flat, doc_type, councils)
    if name is None and doc_type in LETTER_TYPES + ("inspection report",):
        name = authorities.named_in(flat[:600])  # a title no pattern knows: the first authority it names
    elif name is None and doc_type in ("committee report", "news item"):
        # "Plymouth's services for vulnerable children", "children's social care in Hull"
        name = authorities.named_in(flat[:2500], short=True)
    return authorities.canonical(name)


def named_in_file(name: str | None) -> str | None:
    """The one council a file's name names ("lewisham_2024-03-01.pdf", "Hull CPB minutes.docx"), or None."""
    if not name:
        return None
    stem = re.sub(r"\.[A-Za-z0-9]{1,5}$", "", name.replace("\\", "/").rsplit("/", 1)[-1])
    if stem == stem.lower():  # "west-sussex_2019-05-08": the capitals the name is printed with
        stem = re.sub(r"[^\W\d_]+", lambda m: m[0] if m[0] in _SMALL_WORDS else m[0].capitalize(), stem)
    words = re.sub(r"[_.]+", " ", stem)
    found = authorities.all_named(words, short=True)
    if not found:  # a council's own slug ("bathnes_scrutiny_2025", "towerhamlets-cabinet")
        found = list(dict.fromkeys(a for w in re.split(r"[\W_\d]+", stem) if (a := authorities.in_slug(w))))
    return authorities.canonical(found[0]) if len(found) == 1 else None
