"""XML from files other people send (REFI-QDA projects and codebooks, Word documents), parsed with its
attacks refused before a tree is built: a document type declaration or entity of any kind (how entity
expansion and external entities attack; none of these formats needs one), found in whatever encoding the
file is in (a UTF-16 file hides "<!ENTITY" from a byte search, not from the parser), elements nested past
``max_depth``, and more than a counted element's limit. One first pass checks all of it and builds nothing."""

from __future__ import annotations

from collections.abc import Callable
from xml.etree import ElementTree as ET


class XmlRefused(ValueError):
    """Why the XML was refused: its message says it to the user as the caller words it."""


class _Refused(Exception):
    pass


def guarded_xml(data: bytes, *, max_depth: int, too_deep: str, has_doctype: str, invalid: Callable[[str], str],
                counted: str | None = None, max_count: int = 0, too_many: str = "") -> ET.Element:
    """``data`` parsed, or ``XmlRefused`` with the caller's words: ``too_deep`` (nested past ``max_depth``),
    ``has_doctype`` (a DOCTYPE or entity), ``too_many`` (more than ``max_count`` elements whose local name is
    ``counted``), ``invalid(reason)`` (not XML)."""
    from xml.parsers import expat

    def refuse(*_args: object) -> None:
        raise _Refused

    depth = count = 0

    def start(tag: str, _attrs: object) -> None:  # the tree's bounds, before a tree is built
        nonlocal depth, count
        depth += 1
        if depth > max_depth:
            raise XmlRefused(too_deep)
        if counted is not None and tag.rpartition("}")[2].rpartition(":")[2] == counted:
            count += 1
            if count > max_count:
                raise XmlRefused(too_many)

    def end(_tag: str) -> None:
        nonlocal depth
        depth -= 1

    check = expat.ParserCreate()
    check.StartDoctypeDeclHandler = refuse
    check.EntityDeclHandler = refuse
    check.UnparsedEntityDeclHandler = refuse
    check.ExternalEntityRefHandler = refuse  # type: ignore[assignment]
    check.StartElementHandler = start
    check.EndElementHandler = end
    try:
        check.Parse(data, True)
    except _Refused:
        raise XmlRefused(has_doctype) from None
    except expat.ExpatError as exc:
        raise XmlRefused(invalid(f"{expat.ErrorString(exc.code)}, line {exc.lineno}")) from None
    try:
        return ET.fromstring(data)
    except ET.ParseError as exc:
        raise XmlRefused(invalid(str(exc))) from None
