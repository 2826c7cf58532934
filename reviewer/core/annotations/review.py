"""A manager's review: a status and comment on each annotation, and sign-off of letters.

Both are ordinary undoable commands; the review fields travel in audit packs with the annotations.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from reviewer.core.annotations.commands import Batch, Command, EditAnnotation, PutLetter, PutSetting
from reviewer.core.annotations.library import Library
from reviewer.core.annotations import deletions
from reviewer.core.annotations.model import REVIEW_STATUSES, Review, SignOff, parse_time, stamp_iso


class ReviewError(ValueError):
    """A review that cannot be recorded; the message is for the user."""


def withdrawn_key(kind: str, record_id: str) -> str:
    """The library setting that says when a review ("review") or a sign-off ("signoff") was cleared: a
    pack carrying the older one does not bring it back."""
    return f"withdrawn:{kind}:{record_id}"


def withdrawn_at(lib: Library, kind: str, record_id: str) -> str:
    return lib.settings.get(withdrawn_key(kind, record_id), "")


def _withdrawn(lib: Library, kind: str, record_id: str, at: str) -> Command:
    key = withdrawn_key(kind, record_id)
    return PutSetting(key, lib.settings.get(key, ""), at, "Record withdrawal")


def review_command(lib: Library, ann_ids: Iterable[str], status: str | None, comment: str,
                   reviewer: str) -> Command:
    """Set (or, with ``status`` None, clear) the review of annotations."""
    if status is not None and status not in REVIEW_STATUSES:
        raise ReviewError(f"unknown review status {status!r}; use one of {', '.join(REVIEW_STATUSES)}")
    if status is not None and not reviewer.strip():
        raise ReviewError("a review needs the reviewer's name")
    review = Review(status, comment.strip(), reviewer.strip(), stamp_iso()) if status else None
    cmds: list[Command] = []
    for aid in ann_ids:
        before = lib.annotations.get(aid)
        if before is None:
            raise ReviewError(f"no annotation {aid}")
        cmds.append(EditAnnotation(before, dataclasses.replace(before, review=review)))
        if review is None and before.review is not None:
            cmds.append(_withdrawn(lib, "review", aid, stamp_iso()))
    label = f"Mark {REVIEW_STATUSES[status].lower()}" if status else "Clear review"
    if not cmds:
        raise ReviewError("no annotations chosen to review")
    return Batch(cmds, label)


def signoff_command(lib: Library, letter_ids: Iterable[str], name: str, comment: str = "",
                    *, clear: bool = False) -> Command:
    """Sign off letters (the whole pack when given all of them) with name and date, or withdraw it."""
    if not clear and not name.strip():
        raise ReviewError("sign-off needs the manager's name")
    stamp = None if clear else SignOff(name.strip(), stamp_iso(), comment.strip())
    cmds: list[Command] = []
    for lid in letter_ids:
        before = lib.letters.get(lid)
        if before is None:
            raise ReviewError(f"no letter {lid}")
        cmds.append(PutLetter(before, dataclasses.replace(before, signoff=stamp)))
        if clear and before.signoff is not None:
            cmds.append(_withdrawn(lib, "signoff", lid, stamp_iso()))
    if not cmds:
        raise ReviewError("no letters to sign off")
    n = sum(1 for c in cmds if isinstance(c, PutLetter))
    what = "letter" if n == 1 else f"{n} letters"
    return Batch(cmds, f"Withdraw sign-off of {what}" if clear else f"Sign off {what}")


def changed_since_signoff(lib: Library, letter_id: str) -> int:
    """How many of the letter's findings were added, edited or deleted after the letter was signed off (0
    where it is not signed off): a pack opened after the sign-off can change what was signed (a manager's
    helper saw a returned pack delete a finding, its challenge and an action, the letter still "Signed off")."""
    letter = lib.letters.get(letter_id)
    if letter is None or letter.signoff is None:
        return 0
    when = parse_time(letter.signoff.date)
    n = sum(1 for a in lib.annotations_for(letter_id) if parse_time(a.modified or a.created) > when)
    return n + sum(1 for t in deletions.read_all(lib.settings).values()
                   if t.letter_id == letter_id and parse_time(t.at) > when)


def review_counts(lib: Library, letter_ids: Iterable[str]) -> dict[str, int]:
    """How many annotations of the letters are agreed, challenged, resolved or not reviewed."""
    out = {k: 0 for k in REVIEW_STATUSES} | {"unreviewed": 0}
    for lid in letter_ids:
        for a in lib.annotations_for(lid):
            out[a.review.status if a.review else "unreviewed"] += 1
    return out
