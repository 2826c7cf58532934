"""Letters written in Markdown or simple HTML (a `.md` file, or a `.txt` pasted from a web page or an
email): read as the formatted text they stand for, never as raw markup.

``**bold**`` reads "bold", ``# Heading`` reads "Heading" (and is shown as a heading),
``8<sup>th</sup>`` reads "8th", ``[the plan](https://example.org/plan)`` and ``<a href="https://example.org/plan">the
plan</a>`` read "the plan (https://example.org/plan)" (the address is what the letter points to: an auditor quotes
and follows it), a bare address reads as written, ``&amp;`` reads "&", ``<li>`` and ``- `` items read as bullets, a
table's rows (``| a | b |`` or ``<td>``) as lines of cells, each cell ended by a tab (the last too: so the reading
knows the line for a table's row, ``ROW_END``); a page's ``<head>`` (its ``<title>``), scripts and styles, which a
browser never shows in the page, are no text. Only what letters use is understood; anything else is left
as it was written. The result is the letter's canonical text: annotations anchor to it.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

_MD_SIGNS = re.compile(r"(?m)^#{1,6}\s+\S|\*\*[^*\n]+\*\*|__[^_\n]+__|^[ \t]*[-*+][ \t]+\S.*\n[ \t]*[-*+][ \t]+\S|\[[^\[\]\n]+\]\([^)\s]+\)")
_HTML_SIGNS = re.compile(r"</?(?:p|br|sup|sub|b|strong|em|i|u|h[1-6]|ul|ol|li|div|span|a)\b[^<>]*>|&(?:amp|nbsp|rsquo|lsquo|"
                         r"ldquo|rdquo|ndash|mdash|quot|#\d+);", re.I)
_BLOCK_TAG = re.compile(r"(?i)</?(?:p|div|ul|ol|table|tr|h[1-6])\b[^<>]*>|<br\s*/?>")
# A tag's content is read up to its closing tag but never past the next opening one: an unclosed tag
# ("<b>bold <b>bold …", thousands of them) looked for its close to the end of the letter each time, and a
# 600 KB letter was stopped after a minute as if it were a PDF made to exhaust a reader (a helper's attack)
_HEADING_TAG = re.compile(r"(?is)<h[1-6]\b[^<>]*>((?:(?!<h[1-6]\b).)*?)</h[1-6]\s*>")
_LI = re.compile(r"(?i)<li\b[^<>]*>")
_TAG = re.compile(r"<[^>\n]{1,200}>")
_ATX = re.compile(r"^(#{1,6})\s+(.*)$")  # (its closing #s and spaces: atx_title)
_SETEXT = re.compile(r"^(=+|-+)\s*$")
_BULLET = re.compile(r"^(\s*)[-*+]\s+(?=\S)")
# A pipe table's rule under its header ("|---|:---:|") and its rows ("| Judgement | Grade |"): a row reads as its
# cells, a tab between them, a line of its own; the rule is no text
_TABLE_RULE = re.compile(r"^\s*(?:\|\s*)?:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+(?:\|\s*)?$")  # (no two runs of space side by side)
_CELL_END = re.compile(r"(?i)</t[dh]\s*>")
_EMPHASIS = (  # (pattern, how it is shown: "bold", "italic" or "" for plain)
    (re.compile(r"\*\*(?=\S)((?:(?!\*\*).)+?)(?<=\S)\*\*"), "bold"),  # (never past the next **: as the tags)
    (re.compile(r"__(?=\S)((?:(?!__).)+?)(?<=\S)__"), "bold"),
    (re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])"), "italic"),
    (re.compile(r"(?<![\w_])_(?=\S)([^_\n]+?)(?<=\S)_(?![\w_])"), "italic"),
    (re.compile(r"`([^`\n]+)`"), ""),
)
ROW_END = "\t"  # what ends each cell of a table's row, its last too: a line ending so is a table's row, no heading
# A link, its text and its address ("[the plan](https://… "title")"; "![a chart](chart.png)" reads as its text alone;
# never past the next [); an address in angle brackets ("<https://…>"); an address as written in the text
_LINK = re.compile(r"(!?)\[([^\[\]\n]+)\]\(([^)\[\]\s]+)(?:\s+\"[^\"\n]*\")?\)")
_AUTOLINK = re.compile(r"<((?:https?://|mailto:)[^\s<>]{1,2000})>", re.I)
_ADDRESS = re.compile(r"\b(?:https?://|www\.)[^\s<>()\[\]\"]{1,2000}(?<![.,;:!?'’])", re.I)
_HTML_LINK = re.compile(r"(?is)<a\b[^<>]*?\bhref\s*=\s*(?:([\"'])([^\"'<>]{0,2000})\1|([^\s\"'<>]{1,2000}))[^<>]*>"
                        r"((?:(?!<a\b).)*?)</a\s*>")  # (its address quoted, or not: "href=https://…")
_EMAIL_AUTOLINK = re.compile(r"<([^\s<>@/\"']{1,200}@[^\s<>@/\"']{1,200}\.\w{1,63})>")  # ("<qa@example.org>")
_KEPT = re.compile(r"\x02(\d+)\x02")  # an address set aside while the marks around it are read
# HTML's emphasis as Markdown's, so one reading owns both ("<strong>Inadequate</strong>" is shown bold)
_HTML_EMPHASIS = ((re.compile(r"(?is)<(?:b|strong)\b[^<>]*>((?:(?!<(?:b|strong)\b).)*?)</(?:b|strong)\s*>"), r"**\1**"),
                  (re.compile(r"(?is)<(?:i|em)\b[^<>]*>((?:(?!<(?:i|em)\b).)*?)</(?:i|em)\s*>"), r"*\1*"))
_SUP = re.compile(r"(?i)<sup\b[^<>]*>((?:(?!<sup\b).)*?)</sup\s*>")
# What a browser never shows in the page: the <head> (its <title> goes in the tab), a script, a style sheet; a saved
# page's "<title>" had read as the letter's first line, over its address block (never past the next opening of the
# same tag, as the tags above)
_UNSEEN = re.compile(r"(?is)<(head|title|script|style)\b[^<>]*>(?:(?!<\1\b).)*?</\1\s*>")


@dataclass
class Plain:
    text: str
    headings: list[tuple[int, int]] = field(default_factory=list)  # spans of the text that are headings
    # spans shown bold or italic ("**Dorian Pellow**", "*not yet consistently good*": a new user's Markdown letter
    # read with its emphasis gone, stop 47)
    bold: list[tuple[int, int]] = field(default_factory=list)
    italic: list[tuple[int, int]] = field(default_factory=list)


def has_markup(text: str, name: str = "") -> bool:
    """Whether a letter is written in Markdown or HTML: a .md name, or the marks themselves."""
    if name.lower().endswith((".md", ".markdown")):
        return True
    sample = text[:20000]
    return len(_HTML_SIGNS.findall(sample)) >= 2 or len(_MD_SIGNS.findall(sample)) >= 2


def _unused_marks(text: str, n: int = 2) -> tuple[str, ...] | None:
    """``n`` characters ``text`` does not hold, to mark places in it while it is made over (private use ones, which
    a letter hardly holds; None where it holds them all)."""
    held = set(text)
    free = (c for c in map(chr, (*range(0xE000, 0xF900), *range(0xF0000, 0x10FFFE))) if c not in held)
    marks = tuple(c for c, _ in zip(free, range(n)))
    return marks if len(marks) == n else None


def to_plain(text: str) -> Plain:
    """The text a Markdown or simple-HTML letter reads as, and which of its lines are headings."""
    heads: list[str] = []

    def heading(m: re.Match[str]) -> str:
        heads.append(_inline(_TAG.sub("", m.group(1))).strip())
        return f"\n\n\x01{len(heads) - 1}\x01\n\n"

    src = text.replace("\r\n", "\n")
    html_read = bool(_HTML_SIGNS.search(src))
    if html_read:
        src = src.replace("\t", " ")  # (white space in HTML: a tab from here on ends a table's cell)
        src = _UNSEEN.sub("\n", src)
        src = _html_links(src)
        src = _HEADING_TAG.sub(heading, src)
        for pattern, said in _HTML_EMPHASIS:
            src = pattern.sub(said, src)
        src = _LI.sub("\n• ", src)
        src = _CELL_END.sub(ROW_END, src)  # a table's cells, each ended by a tab (not run together: "Overall
        # effectivenessGood")
        src = _BLOCK_TAG.sub("\n", src)
        src = _SUP.sub(r"\1", src)
        src = _TAG.sub("", src)
        src = html.unescape(src).replace("\xa0", " ")
    # each heading and each bold or italic phrase marked where it stands, the marks taken out once blank runs are
    # folded: never the same words met earlier (a contents page's line, a web page's trail of links, "Home > News >
    # Letter published", a bold name met first unmarked), which took its place
    marks = _unused_marks(src, 6)
    shown = {"bold": marks[2:4], "italic": marks[4:6]} if marks else None
    lines = src.split("\n")
    table = {i for i, line in enumerate(lines) if _TABLE_RULE.match(line)}
    for i in sorted(table):  # the header above the rule and the rows below it, up to the first line without a pipe
        table.add(i - 1)
        j = i + 1
        while j < len(lines) and "|" in lines[j]:
            table.add(j)
            j += 1
    out: list[str] = []
    heading_lines: set[int] = set()
    for i, line in enumerate(lines):
        if i in table:
            if not _TABLE_RULE.match(line):
                cells = [_inline(c.strip(), shown) for c in line.strip().strip("|").split("|")]
                # (each cell ended so, an empty one too, so the cells after it keep their columns; the outline knows
                # a row by it)
                out += ["".join(c + ROW_END for c in cells) if any(cells) else "", ""]
            continue
        m = _ATX.match(line)
        if m:
            heading_lines.add(len(out))
            out.append(_inline(atx_title(m.group(2))))
            continue
        if _SETEXT.match(line) and out and out[-1].strip() and i > 0 and not _BULLET.match(lines[i - 1]):
            heading_lines.add(len(out) - 1)  # "Title\n=====": the line above is the heading
            continue
        marker = re.fullmatch(r"\x01(\d+)\x01", line.strip())
        if marker:
            heading_lines.add(len(out))
            out.append(heads[int(marker.group(1))])
            continue
        line = _BULLET.sub(lambda b: f"{b.group(1)}• ", line)
        said = _inline(line, shown)
        out.append(said.rstrip() + (ROW_END if html_read and said.rstrip(" ").endswith(ROW_END) else ""))
    opening, closing = marks[:2] if marks else ("", "")
    if marks:
        for k in heading_lines:
            words = out[k].strip()
            if words:
                at = out[k].index(words)
                out[k] = f"{out[k][:at]}{opening}{words}{closing}{out[k][at + len(words):]}"
    marked = re.sub(r"\n{3,}", "\n\n", "\n".join(out)).strip("\n") + "\n"
    found: dict[str, list[tuple[int, int]]] = {"heading": [], "bold": [], "italic": []}
    if not marks:
        return Plain(marked)
    style_of = {marks[0]: "heading", marks[1]: "heading", marks[2]: "bold", marks[3]: "bold", marks[4]: "italic",
                marks[5]: "italic"}
    pieces: list[str] = []
    opened: dict[str, int] = {}
    done = 0
    for n, m in enumerate(re.finditer(f"[{re.escape(''.join(marks))}]", marked)):
        pieces.append(marked[done:m.start()])
        at, style = m.start() - n, style_of[m.group()]  # (where it is once the marks before are out)
        if m.group() in marks[::2]:
            opened[style] = at
        elif style in opened:
            if at > opened[style]:
                found[style].append((opened.pop(style), at))
            else:
                opened.pop(style)
        done = m.end()
    plain = "".join(pieces) + marked[done:]
    return Plain(plain, found["heading"], found["bold"], found["italic"])


def as_written(text: str) -> str:
    """A letter without marks, read as written but for the white space after a line's last tab: only a table's row
    as this reading writes it ends with ``ROW_END`` (a pasted spreadsheet's "What needs to improve<TAB>" read as a
    table's row, no heading, and the letter had no such part)."""
    lines = text.split("\n")
    for i, line in enumerate(lines):
        kept = line.rstrip(" \t")
        if "\t" in line[len(kept):]:
            lines[i] = kept
    return "\n".join(lines)


def atx_title(s: str) -> str:
    """A Markdown heading's words without the closing #s and spaces it may end with ("Findings ##")."""
    s = s.rstrip()
    bare = s.rstrip("#")
    return bare.rstrip() if bare != s and (not bare or bare[-1].isspace()) else s


def _as_said(address: str) -> str:
    """An address as a letter says it: an email address without its "mailto:"."""
    return address[7:] if address.lower().startswith("mailto:") else address


def _link_parts(text: str, address: str) -> tuple[str, str | None]:
    """A link's text and the address to say after it: one to follow (on the web or by email) that the text does not
    already say; else None."""
    text, address = text.strip(), address.strip()
    shown = _as_said(address)
    if not re.match(r"(?i)https?://|www\.|[^@\s/]+@[^@\s/]+\.\w", shown):
        return text, None  # a link within the page ("#findings") or to a file beside it: nothing an auditor can follow
    if not text:
        return shown, None
    bare = [re.sub(r"(?i)^(?:https?://)?(?:www\.)?|/$", "", a) for a in (text, shown)]
    return (text, None) if bare[0] == bare[1] else (text, shown)


def said_with_address(text: str, address: str) -> str:
    """A link as the letter reads: its text, then its address in brackets ("the plan (https://example.org/plan)")."""
    words, shown = _link_parts(text, address)
    return f"{words} ({shown})" if shown else words


# The address a link reads with, as said_with_address writes it (" (https://…)", " (qa@example.org)"), and an address
# in angle brackets as text/2 left it ("<https://…>", since read as the address)
_SAID_ADDRESS = re.compile(r" \((?:(?:https?://|www\.)[^\s()]*(?:\([^\s()]*\)[^\s()]*)*|[^\s()@<>]+@[^\s()<>]+)\)",
                           re.I)


def addresses_blanked(text: str) -> str:
    """``text`` with the address each link reads with blanked (the same length): a passage tagged when a link read as
    its words alone is found again across the address now after them."""
    return _SAID_ADDRESS.sub(lambda m: " " * len(m.group(0)), text)


def autolinks_read(quote: str) -> str:
    """A passage as it reads now that an address in angle brackets reads as the address ("<https://…>": text/2)."""
    return _AUTOLINK.sub(lambda m: _as_said(m.group(1)), quote)


def _html_links(src: str) -> str:
    """An HTML letter's links read as a Markdown letter's do: the text, then the address (``said_with_address``); an
    address in angle brackets as the address (it was taken for a tag and dropped)."""
    src = _HTML_LINK.sub(lambda m: said_with_address(m.group(4), html.unescape(m.group(2) or m.group(3) or "")), src)
    return _EMAIL_AUTOLINK.sub(r"\1", autolinks_read(src))  # an address in angle brackets, no tag to drop


def _inline(s: str, shown: dict[str, tuple[str, ...]] | None = None) -> str:
    """A line's inline marks read as the text they mark; ``shown`` gives the marks a bold or italic phrase is set
    between, by style (``to_plain`` takes them out and keeps where each phrase stands). A link reads as its
    text and its address (``said_with_address``); an address is kept as written, its underscores and stars no marks."""
    kept: list[str] = []

    def keep_address(address: str) -> str:
        kept.append(address)
        return f"\x02{len(kept) - 1}\x02"

    def link(m: re.Match[str]) -> str:
        if m.group(1):  # an image: its words
            return m.group(2)
        words, address = _link_parts(m.group(2), m.group(3))
        return f"{words} ({keep_address(address)})" if address else words

    s = re.sub("\x02", lambda m: keep_address("\x02"), s)  # (a letter's own \x02, set aside as an address is:
    # "\x020\x02" in its words had been taken for this reading's mark, and dropped)
    for _ in range(3):  # (a link around an image, "[![the chart](chart.png)](https://…)": the image's words first,
        # then the link they are the words of; read once, it left "[the chart](https://…)" as written)
        s, n = _LINK.subn(link, s)
        if not n:
            break
    s = _AUTOLINK.sub(lambda m: keep_address(_as_said(m.group(1))), s)
    s = _ADDRESS.sub(lambda m: keep_address(m.group(0)), s)
    for pat, style in _EMPHASIS:
        def keep(m: re.Match[str], style: str = style) -> str:
            if style and shown is not None and m.group(1).strip():
                start, end = shown[style]
                return f"{start}{m.group(1)}{end}"
            return m.group(1)
        s = pat.sub(keep, s)
    return _KEPT.sub(lambda m: kept[int(m.group(1))], s)
