"""England's children's services authorities, as auditors name them: the one gazetteer of names.

The councils responsible for children's social care in England (London boroughs and the City of
London, metropolitan districts, shire counties and unitary authorities, with the names of councils
since merged or split, because reports of their time carry them). It is public knowledge of local
government, not read from any corpus. Two uses:

* ``canonical`` turns a short or long form a document prints into the name the published record
  uses ("Newcastle" → "Newcastle upon Tyne", "Hull" → "Kingston upon Hull", "Southend" →
  "Southend-on-Sea"); a name not in the list is left as it is (a fictional council, a Welsh one).
* ``named_in`` finds the first authority a title names when no title pattern matched ("Kent
  inspection of children's social care services", "Bradford Children's Social Care Trust").
"""

from __future__ import annotations

import re
from functools import lru_cache

NAMES: tuple[str, ...] = (
    # London
    "Barking and Dagenham", "Barnet", "Bexley", "Brent", "Bromley", "Camden", "City of London", "Croydon",
    "Ealing", "Enfield", "Greenwich", "Hackney", "Hammersmith and Fulham", "Haringey", "Harrow", "Havering",
    "Hillingdon", "Hounslow", "Islington", "Kensington and Chelsea", "Kingston upon Thames", "Lambeth",
    "Lewisham", "Merton", "Newham", "Redbridge", "Richmond upon Thames", "Southwark", "Sutton",
    "Tower Hamlets", "Waltham Forest", "Wandsworth", "Westminster",
    # metropolitan districts
    "Bolton", "Bury", "Manchester", "Oldham", "Rochdale", "Salford", "Stockport", "Tameside", "Trafford",
    "Wigan", "Knowsley", "Liverpool", "St Helens", "Sefton", "Wirral", "Barnsley", "Doncaster", "Rotherham",
    "Sheffield", "Gateshead", "Newcastle upon Tyne", "North Tyneside", "South Tyneside", "Sunderland",
    "Birmingham", "Coventry", "Dudley", "Sandwell", "Solihull", "Walsall", "Wolverhampton", "Bradford",
    "Calderdale", "Kirklees", "Leeds", "Wakefield",
    # shire counties (and those since made unitary or split)
    "Buckinghamshire", "Cambridgeshire", "Cumbria", "Derbyshire", "Devon", "Dorset", "East Sussex", "Essex",
    "Gloucestershire", "Hampshire", "Hertfordshire", "Kent", "Lancashire", "Leicestershire", "Lincolnshire",
    "Norfolk", "North Yorkshire", "Northamptonshire", "Nottinghamshire", "Oxfordshire", "Somerset",
    "Staffordshire", "Suffolk", "Surrey", "Warwickshire", "West Sussex", "Worcestershire",
    # unitary authorities
    "Bath and North East Somerset", "Bedford", "Blackburn with Darwen", "Blackpool",
    "Bournemouth, Christchurch and Poole", "Bournemouth", "Poole", "Bracknell Forest", "Brighton and Hove",
    "Bristol", "Central Bedfordshire", "Cheshire East", "Cheshire West and Chester", "Cornwall",
    "Isles of Scilly", "Cumberland", "Darlington", "Derby", "Durham", "East Riding of Yorkshire", "Halton",
    "Hartlepool", "Herefordshire", "Isle of Wight", "Kingston upon Hull", "Leicester", "Luton", "Medway",
    "Middlesbrough", "Milton Keynes", "North East Lincolnshire", "North Lincolnshire",
    "North Northamptonshire", "North Somerset", "Northumberland", "Nottingham", "Peterborough", "Plymouth",
    "Portsmouth", "Reading", "Redcar and Cleveland", "Rutland", "Shropshire", "Slough", "Southampton",
    "Southend-on-Sea", "South Gloucestershire", "Stockton-on-Tees", "Stoke-on-Trent", "Swindon",
    "Telford and Wrekin", "Thurrock", "Torbay", "Warrington", "West Berkshire", "West Northamptonshire",
    "Westmorland and Furness", "Wiltshire", "Windsor and Maidenhead", "Wokingham", "York",
)

# Short forms documents print, and the name the record uses for them.
ALIASES: dict[str, str] = {
    "Hull": "Kingston upon Hull", "Kingston-upon-Hull": "Kingston upon Hull",
    "Newcastle": "Newcastle upon Tyne", "Newcastle-upon-Tyne": "Newcastle upon Tyne",
    "East Riding": "East Riding of Yorkshire", "Southend": "Southend-on-Sea",
    "Stockton": "Stockton-on-Tees", "Stoke": "Stoke-on-Trent", "County Durham": "Durham",
    "BCP": "Bournemouth, Christchurch and Poole", "Bournemouth Christchurch and Poole":
    "Bournemouth, Christchurch and Poole", "Telford": "Telford and Wrekin",
    "Blackburn": "Blackburn with Darwen", "Hereford": "Herefordshire", "Redcar": "Redcar and Cleveland",
    "Bath": "Bath and North East Somerset", "Kingston": "Kingston upon Thames",
    "Richmond": "Richmond upon Thames", "Windsor": "Windsor and Maidenhead",
    "Brighton": "Brighton and Hove", "Hammersmith": "Hammersmith and Fulham",
    "Kensington": "Kensington and Chelsea", "Barking": "Barking and Dagenham",
    "Cheshire West": "Cheshire West and Chester", "Helens": "St Helens", "Saint Helens": "St Helens",
    "Wolverhampton City": "Wolverhampton", "Westmorland": "Westmorland and Furness",
    "B&NES": "Bath and North East Somerset", "BaNES": "Bath and North East Somerset",
}
# The short forms that name one authority and nothing else when printed with their capitals ("children's
# social care in Hull"): what a committee report or news item may call its council. Not "Bath", "Reading"
# (the verb starts a sentence), "Kingston" (upon Thames or upon Hull) or "Richmond" (a town in Yorkshire).
SHORT_FORMS = ("Hull", "Newcastle", "Southend", "Stockton", "Stoke", "BCP", "Telford", "Blackburn", "Redcar",
               "Brighton", "Hammersmith", "Kensington", "Barking", "Westmorland", "East Riding", "Cheshire West",
               "B&NES", "BaNES")


# The names councils' own web addresses and file names run together or shorten ("bathnes", "rbkc", "lbhf",
# "nelincs"): a slug, one word, as a file saved from the council's site is named
SLUGS = {"bathnes": "Bath and North East Somerset", "banes": "Bath and North East Somerset",
         "rbkc": "Kensington and Chelsea", "lbhf": "Hammersmith and Fulham", "rbwm": "Windsor and Maidenhead",
         "nelincs": "North East Lincolnshire", "northlincs": "North Lincolnshire",
         "bcp": "Bournemouth, Christchurch and Poole", "lbbd": "Barking and Dagenham",
         "eastriding": "East Riding of Yorkshire"}


def in_slug(word: str) -> str | None:
    """The authority a one-word slug names: a shortening of its own ("rbkc") or its name run together
    ("towerhamlets", "west-sussex" as "westsussex"), else None."""
    w = re.sub(r"[^a-z]", "", word.casefold())
    if len(w) < 3:
        return None
    return SLUGS.get(w) or _squashed().get(w)


@lru_cache(maxsize=1)
def _squashed() -> dict[str, str]:
    return {re.sub(r"[^a-z]", "", _key(n)): n for n in NAMES}


def _key(name: str) -> str:
    """A name as compared: case, hyphens, "&", commas and full stops aside."""
    s = name.replace("&", " and ").replace("-", " ").replace("’", "'").replace(",", " ").replace(".", " ")
    return " ".join(s.casefold().split())


@lru_cache(maxsize=1)
def _index() -> dict[str, str]:
    idx = {_key(n): n for n in NAMES}
    idx.update({_key(a): n for a, n in ALIASES.items()})
    return idx


def canonical(name: str | None) -> str | None:
    """The record's name for a known authority in any of its printed forms; others unchanged."""
    if not name:
        return name
    return _index().get(_key(name), name)


@lru_cache(maxsize=2)
def _pattern(short: bool = False) -> re.Pattern[str]:
    # the full names (aliases such as "Bath" or "Reading" are ordinary words in a sentence), and where asked
    # the short forms that name one authority only; longest first
    names = sorted(NAMES + (SHORT_FORMS if short else ()), key=len, reverse=True)
    alts = "|".join(r"[\s,-]+".join(re.escape(w) for w in re.split(r"[\s,-]+", n)) for n in names)
    return re.compile(rf"(?<![\w'’-])(?:{alts})(?![\w-])(?!['’](?!s\b))")  # "Plymouth’s services" names it too


_TOWN_WORDS = re.compile(r"^\s*(?:Place|Street|Road|House|Gate|Square|Court|Way)\b")
_NOT_PLACE_AFTER = re.compile(  # a web page's "Continue Reading", "Further Reading": the word, not the town
    r"\b(?:Continue|Keep|Further|Recommended|Related|Suggested|Essential|Background|Additional|Required|Start)\s+$")


def named_in(text: str, short: bool = False) -> str | None:
    """The first authority of the list named in ``text`` with its own capitals (not "reading" the
    verb, not "Cumberland Place" the address), or None. ``short``: "Hull" and the other SHORT_FORMS too."""
    return next(iter(all_named(text, short)), None)


def all_named(text: str, short: bool = False) -> list[str]:
    """Every authority of the list ``text`` names (as ``named_in`` reads them), in order, each once."""
    found: list[str] = []
    for m in _pattern(short).finditer(text):
        if _TOWN_WORDS.match(text[m.end():m.end() + 12]) or _NOT_PLACE_AFTER.search(text[max(0, m.start() - 16):m.start()]):
            continue
        name = canonical(m.group(0))
        if name not in found:
            found.append(name)
    return found
