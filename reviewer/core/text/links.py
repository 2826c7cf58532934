"""A letter's links, as a PDF reader follows them: where each sits on its page, where it goes, what its tooltip
says, and which web addresses may be handed to the system's browser.

A link within the letter goes to a page (and a height on it); a web link to an address. Only ``http``,
``https`` and ``mailto`` addresses are ever opened: a published report can carry ``file:``, ``javascript:`` or
a program's own scheme as easily, and a click in a reader must never run or open anything on the auditor's
machine.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, unquote, urlsplit, urlunsplit

Rect = tuple[float, float, float, float]

WEB_SCHEMES = frozenset({"http", "https", "mailto"})
MAIL_FIELDS = frozenset({"subject", "body", "cc"})  # what an e-mail link may fill in: never "attach" (some mail
# programs attach the local file it names) nor a hidden "bcc" recipient
SHOWN_ADDRESS = 120  # characters of an address a tooltip shows
MAX_ADDRESS = 2000  # characters of an address kept (a link to a longer one is left out)
MAX_POINTS = 1e6  # a link's box and the height it goes to, in points, are less (a larger one is no link)


@dataclass(frozen=True)
class Link:
    page: int  # 0-based page the link is on
    box: Rect  # where it is on that page, in points from the page's top left
    to_page: int = -1  # 0-based page a link within the letter goes to; -1 for a web address
    to_y: float = 0.0  # points from the top of that page (0: the page's top)
    uri: str = ""  # a web link's address, as the PDF gives it

    @property
    def internal(self) -> bool:
        return self.to_page >= 0

    def followable(self) -> bool:
        """Whether a click follows it: a page of the letter, or a web or e-mail address."""
        return self.internal or web_address(self.uri) is not None

    def tip(self) -> str:
        """What the tooltip says, as a PDF reader says it: "Go to page 14", the address, or why it is not opened."""
        if self.internal:
            return f"Go to page {self.to_page + 1}"
        address = web_address(self.uri)
        if address is None:
            return f"{_shown(self.uri)}\n(not opened: Reviewer opens only web and e-mail addresses)"
        return _shown(address)  # (what is opened: an e-mail link without the fields it may not fill)

    def contains(self, page: int, x: float, y: float) -> bool:
        x0, y0, x1, y1 = self.box
        return page == self.page and x0 <= x <= x1 and y0 <= y <= y1


def web_address(uri: str) -> str | None:
    """The address to give the system's browser or mail program, or None where it is none of http, https or
    mailto (a ``file:``, ``javascript:`` or ``data:`` link, or an address with control characters in it)."""
    address = uri.strip()
    if not address or any(ord(c) < 0x20 or ord(c) == 0x7F for c in address):
        return None
    try:
        parts = urlsplit(address)
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme not in WEB_SCHEMES:
        return None
    if scheme in ("http", "https") and not parts.netloc:
        return None
    if scheme == "mailto":
        if not parts.path:
            return None
        if parts.query:  # only the fields a mail may be filled with
            kept = [f for f in map(_mail_field, parts.query.split("&")) if f]
            address = urlunsplit((parts.scheme, "", parts.path, "&".join(kept), ""))
    return address


_HEADER_FIELDS = frozenset({"subject", "cc"})  # one line each: a line break in one would start a header of its own


def _mail_field(field: str) -> str | None:
    """An e-mail link's field as the mail program is given it, or None where it may not fill one: its value written
    again with every separator a mail program might split at ('?', ';', '&', '#') encoded, so no field hides in another
    ("subject=x?attach=/etc/passwd", "body=x;attach=…"); a subject or cc with a line break in it is left out
    ("cc=x%0Abcc:%20…")."""
    name, _, value = field.partition("=")
    name = unquote(name).strip().lower()
    said = unquote(value)
    if name not in MAIL_FIELDS or name in _HEADER_FIELDS and any(ord(c) < 0x20 or ord(c) == 0x7F for c in said):
        return None
    return f"{name}={quote(said, safe=_SAFE_IN_VALUE)}"


_SAFE_IN_VALUE = "@,.-_~+!*'()/:"  # written as they are in a field's value (a space, '+', kept as its writer wrote it)


def link_at(links: list[Link], page: int, x: float, y: float) -> Link | None:
    """The link under (x, y) on ``page``: the smallest where links overlap (a line's link inside a block's)."""
    under = [ln for ln in links if ln.contains(page, x, y)]
    return min(under, key=lambda ln: (ln.box[2] - ln.box[0]) * (ln.box[3] - ln.box[1])) if under else None


def _shown(uri: str) -> str:
    flat = "".join(c if c.isprintable() else " " for c in uri.strip())
    return flat if len(flat) <= SHOWN_ADDRESS else flat[: SHOWN_ADDRESS - 1] + "…"
