"""Deleted annotations remembered, so that a deletion travels in audit packs like an edit.

Each deletion is kept in the library's settings as ``deleted:<annotation id>`` holding a
``Tombstone`` (the annotation's id and letter, who deleted it and when) as JSON: deleting and its
undo are one command, and the store keeps them with everything else.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping

from reviewer.core.annotations import actions as plan
from reviewer.core.annotations.commands import Batch, Command, DeleteAnnotations, PutSetting
from reviewer.core.annotations.model import Annotation, RecordError, Tombstone, stamp_iso

PREFIX = "deleted:"


def key(annotation_id: str) -> str:
    return PREFIX + annotation_id


def read_all(settings: Mapping[str, str]) -> dict[str, Tombstone]:
    """Every deletion the library remembers, by annotation id (a damaged entry is passed over)."""
    out = {}
    for k, v in settings.items():
        if not k.startswith(PREFIX) or not v:
            continue
        try:
            t = Tombstone.from_dict(json.loads(v))
        except (ValueError, RecordError):
            continue
        out[t.id] = t
    return out


def value(t: Tombstone) -> str:
    return json.dumps(t.to_dict(), ensure_ascii=False, sort_keys=True)


def delete_command(anns: Iterable[Annotation], by: str, settings: Mapping[str, str], at: str | None = None,
                   label: str | None = None) -> Command:
    """Delete ``anns`` and remember each deletion (who, when): one step, undone as one. The actions
    answering them go with them (each deletion remembered too): no action is left without its finding."""
    anns = list(anns)
    when = at or stamp_iso()
    cmds: list[Command] = [DeleteAnnotations(anns)]
    for a in anns:
        gone = Tombstone(a.id, a.letter_id, by, when, a.modified or a.created, a.review.at if a.review else "")
        cmds.append(PutSetting(key(a.id), settings.get(key(a.id), ""), value(gone)))
    cmds += plan.delete_commands(settings, plan.answering(settings, (a.id for a in anns)),
                                 {a.id: a.letter_id for a in anns}, by, when)
    return Batch(cmds, label or DeleteAnnotations(anns).label)
