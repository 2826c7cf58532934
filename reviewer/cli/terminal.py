"""What the command line prints of text it did not write itself (titles, notes, owners, a pack's sender):
shown, never obeyed by the terminal."""

from __future__ import annotations

import unicodedata

_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def shown(text: str) -> str:
    """``text`` as one line that shows what it holds: line breaks, control characters and invisible
    format characters (bidi overrides that reorder what follows, zero-width characters) escaped,
    so a title cannot break a table or disguise itself."""
    return "".join(_ESCAPES.get(c) or (f"\\u{ord(c):04x}" if unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") else c)
                   for c in text)
