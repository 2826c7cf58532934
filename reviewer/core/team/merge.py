"""Merging what arrives in audit packs into a library: one letter per document, one annotation per id.

Rules: a letter already present stays one letter (blank metadata is filled in, the newer sign-off
wins); an annotation already present is a duplicate when unchanged, is replaced by a newer edit
(the older version is kept in its history so a manager can see what changed) and is left alone
when the arriving copy is older; a review travels on its own clock (the newer review wins);
themes are matched by id, new ones are added and differences are reported, never overwritten.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from reviewer.core.annotations import actions as plan
from reviewer.core.text.shorten import shorten
from reviewer.core.annotations import deletions
from reviewer.core.annotations.codebook import ThemeNames, severities
from reviewer.core.annotations.commands import Batch, Command, PutLetter, PutSetting, PutTheme, put_annotation
from reviewer.core.annotations.library import Library
from reviewer.core.annotations.model import Annotation, Letter, LetterMeta, Revision, Theme, Tombstone, parse_time, stamp_iso
from reviewer.core.annotations.review import withdrawn_at
from reviewer.core.annotations.titles import readable_title
from reviewer.core.text.words import counted
from reviewer.core.reading.suggest import dismissed_key, dismissed_value, read_dismissed

CONTENT_FIELDS = ("start", "end", "quote", "themes", "severity", "note", "pages")


def reviewed_unseen(a: Annotation, gone: Tombstone) -> bool:
    """Whether ``a`` carries a review the deletion ``gone`` did not know of: made after it, or, where the deletion
    says which version it deleted, one that version did not carry."""
    if a.review is None:
        return False
    at = parse_time(a.review.at)
    return at > parse_time(gone.at) or bool(gone.version) and (not gone.reviewed or at > parse_time(gone.reviewed))


@dataclass
class MergeReport:
    source: str = ""
    letters_added: list[str] = field(default_factory=list)
    letters_known: int = 0
    added: int = 0
    updated: list[str] = field(default_factory=list)  # "letter p.N: what changed"
    duplicates: int = 0
    older_ignored: int = 0
    conflicts: list[str] = field(default_factory=list)
    reviews: int = 0
    signoffs: int = 0
    themes_added: list[str] = field(default_factory=list)
    theme_differences: list[str] = field(default_factory=list)
    needs_attention: int = 0
    deleted: list[str] = field(default_factory=list)  # deletions made by their author, made here too
    deleted_here: int = 0  # older copies of annotations deleted here, left deleted
    deletions_unknown: int = 0  # deletions of annotations never seen here
    actions_added: int = 0
    actions_updated: list[str] = field(default_factory=list)  # "action id: what changed"
    actions_same: int = 0
    actions_older: int = 0
    actions_orphaned: int = 0  # actions on annotations that are not here (deleted here): left out
    actions_deleted: list[str] = field(default_factory=list)  # deletions of actions by their author, made here too
    actions_deleted_here: int = 0  # older copies of actions deleted here, left deleted
    action_deletions_unknown: int = 0  # deletions of actions never seen here
    dismissed: int = 0  # suggestions dismissed in the pack, dismissed here too
    actions_kept: list[str] = field(default_factory=list)  # ids of actions the pack deletes, kept as updated here since
    findings_kept: list[str] = field(default_factory=list)  # ids of findings the pack deletes, kept as reviewed or
    # edited here since (the manager may still delete them as the pack asks)
    signed_changed: list[str] = field(default_factory=list)  # letters signed off here whose findings the pack changed

    @property
    def changed(self) -> bool:
        return bool(self.letters_added or self.added or self.updated or self.reviews or self.signoffs
                    or self.themes_added or self.deleted or self.actions_added or self.actions_updated
                    or self.actions_deleted or self.dismissed)

    def lines(self) -> list[str]:
        out = [f"{counted(len(self.letters_added), 'new letter')}, {self.letters_known} already in the library",
               f"{counted(self.added, 'new annotation')}, {len(self.updated)} updated by a newer edit, "
               f"{self.duplicates} already present, {self.older_ignored} older copies ignored"]
        if self.reviews or self.signoffs:
            out.append(f"{counted(self.reviews, 'review')} and {counted(self.signoffs, 'sign-off')} taken")
        if self.deleted:
            out.append(f"{counted(len(self.deleted), 'annotation')} deleted by their author, deleted here too")
        if self.deleted_here:
            out.append(f"{counted(self.deleted_here, 'annotation')} deleted here stay deleted (the pack's copies are older)")
        if self.deletions_unknown:
            out.append(f"{counted(self.deletions_unknown, 'deletion')} of annotations never seen here: nothing to do")
        if self.actions_added or self.actions_updated or self.actions_same or self.actions_older:
            out.append(f"{counted(self.actions_added, 'new action')}, {len(self.actions_updated)} updated by a newer edit, "
                       f"{self.actions_same} already present, {self.actions_older} older copies ignored")
        if self.actions_orphaned:
            out.append(f"{counted(self.actions_orphaned, 'action')} on annotations deleted here: left out")
        if self.actions_deleted:
            out.append(f"{counted(len(self.actions_deleted), 'action')} deleted by their author, deleted here too")
        if self.actions_deleted_here:
            out.append(f"{counted(self.actions_deleted_here, 'action')} deleted here stay deleted (the pack's copies are older)")
        if self.action_deletions_unknown:
            out.append(f"{counted(self.action_deletions_unknown, 'deletion')} of actions never seen here: nothing to do")
        if self.dismissed:
            out.append(f"{counted(self.dismissed, 'suggestion')} dismissed in the pack, not suggested here either")
        out += [f"updated: {u}" for u in self.updated]
        out += [f"action updated: {u}" for u in self.actions_updated]
        out += [f"deleted: {d}" for d in self.deleted]
        out += [f"action deleted: {d}" for d in self.actions_deleted]
        out += [f"conflict: {c}" for c in self.conflicts]
        if self.needs_attention:
            out.append(f"{counted(self.needs_attention, 'annotation')} could not be placed in the text: marked needs attention")
        if self.themes_added:
            out.append("themes added from the pack: " + ", ".join(self.themes_added))
        out += [f"codebook difference: {d}" for d in self.theme_differences]
        out += [f"signed off here before this pack changed its findings: {t} (review them, then sign off again)"
                for t in self.signed_changed]
        return out


def _sev_labels() -> dict[str, str]:
    return {s.id: s.label for s in severities()}


def describe_change(lib: Library, old: Annotation | Revision, new: Annotation | Revision) -> str:
    """What differs between two versions of an annotation, in words."""
    sev = _sev_labels()
    bits = []
    if old.severity != new.severity:
        bits.append(f"severity {sev.get(old.severity, old.severity)} → {sev.get(new.severity, new.severity)}")
    added = [lib.theme_label(t) for t in new.themes if t not in old.themes]
    dropped = [lib.theme_label(t) for t in old.themes if t not in new.themes]
    if added:
        bits.append("themes + " + ", ".join(added))
    if dropped:
        bits.append("themes − " + ", ".join(dropped))
    if old.note != new.note:
        bits.append(f"note “{old.note}” → “{new.note}”" if len(old.note) + len(new.note) < 160 else "note edited")
    if old.quote != new.quote:
        bits.append("passage changed")
    return "; ".join(bits) or "no visible change"


def revision_of(a: Annotation, replaced: str, by: str = "") -> Revision:
    """``a`` kept as an earlier version, replaced at ``replaced`` by a version ``by`` made."""
    return Revision(a.modified or a.created, a.changed_by or a.author, a.severity, a.themes, a.note, a.quote,
                    replaced, by)


def _same_content(a: Annotation, b: Annotation) -> bool:
    return all(getattr(a, f) == getattr(b, f) for f in CONTENT_FIELDS)


def _descends(newer: Annotation, older: Annotation) -> bool:
    """Whether ``newer`` was made from ``older``: ``older``'s version is in ``newer``'s history (kept there
    whenever somebody other than who made a version changes it, here or in a pack)."""
    stamp, who = older.modified or older.created, older.changed_by or older.author
    return any(r.modified == stamp and r.author == who and (r.severity, tuple(r.themes), r.note, r.quote) ==
               (older.severity, tuple(older.themes), older.note, older.quote) for r in newer.history)


def merge_annotation(lib: Library, local: Annotation, incoming: Annotation, report: MergeReport,
                     now: str) -> Annotation | None:
    """The annotation after merging ``incoming`` into ``local``; None when nothing changes."""
    result = local
    t_local = parse_time(local.modified or local.created)
    t_in = parse_time(incoming.modified or incoming.created)
    where = f"{lib.letters[local.letter_id].title if local.letter_id in lib.letters else ''} p.{local.page}".strip()
    made_from_ours, ours_made_from_it = _descends(incoming, local), _descends(local, incoming)
    if _same_content(local, incoming):
        report.duplicates += 1
    elif (made_from_ours or t_in > t_local) and not ours_made_from_it:
        # (made from the version here, as its history says, whatever the two computers' clocks said: a
        # manager's regrade comes back to an auditor whose laptop clock runs fast)
        history = list(local.history)
        known = {(r.modified, r.author) for r in history}
        history += [r for r in incoming.history if (r.modified, r.author) not in known]
        replaced = revision_of(local, now, incoming.changed_by or incoming.author)
        if (replaced.modified, replaced.author) not in {(r.modified, r.author) for r in history}:
            history.append(replaced)  # (not where the pack's own history already keeps this version)
        history.sort(key=lambda r: parse_time(r.modified))
        result = dataclasses.replace(incoming, history=tuple(history), review=local.review)
        report.updated.append(f"{where}: {describe_change(lib, local, incoming)} (by {incoming.changed_by or incoming.author or 'unknown'})")
    elif t_in < t_local or ours_made_from_it:
        report.older_ignored += 1
    else:  # same moment, different content: keep ours and say so
        report.conflicts.append(f"{where}: two different versions dated {incoming.modified}; kept the one here")
    if incoming.review and (local.review is None or parse_time(incoming.review.at) > parse_time(local.review.at)) \
            and parse_time(incoming.review.at) > parse_time(withdrawn_at(lib, "review", local.id) or None):
        # (a review the manager cleared since does not come back with an older pack)
        result = dataclasses.replace(result, review=incoming.review)
        report.reviews += 1
    return None if result == local else result


def _action_change(old: plan.Action, new: plan.Action) -> str:
    parts = []
    if old.status != new.status:
        parts.append(f"status {old.status} -> {new.status}")
    if old.due != new.due:
        parts.append(f"due {old.due} -> {new.due}")
    if old.text != new.text or old.owner != new.owner:
        parts.append("text or owner changed")
    if len(new.progress) > len(old.progress):
        parts.append(f"{counted(len(new.progress) - len(old.progress), 'progress note')}")
    return ", ".join(parts) or "edited"


def _joined(winner: plan.Action, other: plan.Action, history: Iterable[plan.Action]) -> plan.Action:
    """``winner`` with the progress notes of both and the earlier versions of both (and ``history``)."""
    hist: list[plan.Action] = []
    known: set[tuple[str, str]] = set()
    for h in (*winner.history, *history, *other.history):
        if (h.modified, h.by) not in known and (h.modified, h.by) != (winner.modified, winner.by):
            known.add((h.modified, h.by))
            hist.append(h)
    hist.sort(key=lambda h: parse_time(h.modified or h.created))
    notes = list(winner.progress)
    notes += [p for p in other.progress if p not in notes]
    notes.sort(key=lambda p: p.date)
    return dataclasses.replace(winner, progress=tuple(notes), history=tuple(hist))


def merge_action(local: plan.Action, incoming: plan.Action, report: MergeReport) -> plan.Action | None:
    """The action after merging ``incoming`` into ``local`` (newer edit wins, the older one kept in its
    history; progress notes from both sides kept); None when nothing changes."""
    if dataclasses.replace(local, history=()) == dataclasses.replace(incoming, history=()):
        report.actions_same += 1
        return None
    t_local, t_in = parse_time(local.modified or local.created), parse_time(incoming.modified or incoming.created)
    if t_in < t_local:
        report.actions_older += 1
        return None
    if t_in == t_local and dataclasses.replace(local, progress=(), history=()) == \
            dataclasses.replace(incoming, progress=(), history=()):
        # the same edit, one side already merged with notes or history the other lacks: join them
        joined = _joined(local, incoming, local.history)
        if joined == local:
            report.actions_same += 1
            return None
        report.actions_updated.append(f"{local.id[:12]}: progress notes or history joined")
        return joined
    if t_in == t_local:
        report.conflicts.append(f"action {local.id[:12]}: two different versions dated {incoming.modified}; "
                                "kept the one here")
        return None
    result = _joined(incoming, local, (*local.history, dataclasses.replace(local, history=())))
    report.actions_updated.append(f"{local.id[:12]}: {_action_change(local, incoming)} (by {incoming.by or 'unknown'})")
    return result


def _fill_meta(local: LetterMeta, incoming: LetterMeta) -> LetterMeta:
    changes = {f.name: getattr(incoming, f.name) for f in dataclasses.fields(LetterMeta)
               if f.name != "published_estimated" and not getattr(local, f.name) and getattr(incoming, f.name)}
    if "published" in changes:  # the date comes with its "estimated" flag, never the flag alone
        changes["published_estimated"] = incoming.published_estimated
    return dataclasses.replace(local, **changes) if changes else local


def merge_letter(local: Letter, incoming: Letter, report: MergeReport, withdrawn: str = "") -> Letter:
    """``local`` with what ``incoming`` adds: blank details filled, a newer sign-off (not one older than its
    withdrawal here, ``withdrawn``)."""
    result = dataclasses.replace(local, meta=_fill_meta(local.meta, incoming.meta))
    if incoming.signoff and (local.signoff is None or
                             parse_time(incoming.signoff.date) > parse_time(local.signoff.date)) \
            and parse_time(incoming.signoff.date) > parse_time(withdrawn or None):
        result = dataclasses.replace(result, signoff=incoming.signoff)
        report.signoffs += 1
    return result


def _theme_difference(local: Theme, incoming: Theme) -> str | None:
    bits = []
    if local.label != incoming.label:
        bits.append(f"named “{incoming.label}” in the pack, “{local.label}” here")
    if local.colour.lower() != incoming.colour.lower():
        bits.append(f"colour {incoming.colour} in the pack, {local.colour} here")
    if local.retired != incoming.retired:
        bits.append("retired in the pack" if incoming.retired else "retired here")
    return f"{local.id}: " + "; ".join(bits) if bits else None


def _title(lib: Library, letter_id: str, also: dict[str, Letter] | None = None) -> str:
    """The letter as the auditor reads its name ("Somerset — inspection report — March 2015"; a manager's conflict
    named it by its file, "somerset_2015-03-27")."""
    if letter_id in lib.letters:
        return lib.display_title(letter_id)
    x = (also or {}).get(letter_id)
    return readable_title(x) if x else "another letter"


def plan_merge(lib: Library, letters: Iterable[Letter], annotations: Iterable[Annotation],
               themes: Iterable[Theme], source: str = "", deleted: Iterable[Tombstone] = (),
               actions: Iterable[plan.Action] = (),
               deleted_actions: Iterable[plan.ActionTombstone] = (),
               dismissed: Mapping[str, Sequence[tuple[int, int]]] | None = None) -> tuple[Batch, MergeReport]:
    """One undoable command that merges the records into ``lib``, and a report of what it will do.

    A deletion made by an annotation's author is a deletion here too (remembered, with who and when),
    unless the annotation was reviewed or edited here since: then it is kept and reported as a
    conflict to settle. An annotation deleted here is not brought back by an older copy of it.
    Actions merge like annotations: one id, the newer edit wins, the older kept in its history; and an
    action's deletion travels as an annotation's does (kept, as a conflict, when it was updated here since).
    Deleting an annotation deletes its actions."""
    report = MergeReport(source=source)
    gone_here = deletions.read_all(lib.settings)
    acts_gone_here = plan.read_gone(lib.settings)
    now = stamp_iso()
    cmds: list[Command] = []
    names = ThemeNames(lib.themes.values())
    for t in themes:
        mine = lib.themes.get(t.id)
        if mine is None:
            if (label := names.own(t.label, t.id)) != t.label:  # another theme here has its name
                report.themes_added.append(f"{label} (the pack's “{t.label}”: a theme here has that name)")
                t = dataclasses.replace(t, label=label)
            else:
                report.themes_added.append(t.label)
            cmds.append(PutTheme(None, t, "Add theme"))
            names.put(t)
        elif (diff := _theme_difference(mine, t)) is not None:
            report.theme_differences.append(diff)
    incoming_letters = {x.id: x for x in letters}
    for x in incoming_letters.values():
        mine_l = lib.letters.get(x.id)
        if mine_l is None:
            cmds.append(PutLetter(None, x))
            report.letters_added.append(readable_title(x))
        else:
            report.letters_known += 1
            merged = merge_letter(mine_l, x, report, withdrawn_at(lib, "signoff", mine_l.id))
            if merged != mine_l:
                cmds.append(PutLetter(mine_l, merged, "Update letter"))
    for a in annotations:
        if a.letter_id not in incoming_letters and a.letter_id not in lib.letters:
            continue
        mine_a = lib.annotations.get(a.id)
        gone = gone_here.get(a.id)
        if mine_a is None and gone is not None and parse_time(a.modified or a.created) <= parse_time(gone.at) \
                and not reviewed_unseen(a, gone):
            report.deleted_here += 1  # deleted here after that version: it stays deleted
            continue
        if mine_a is None and gone is not None:  # deleted here, but reviewed in the pack in a version the deletion
            # did not carry (a manager's challenge of a finding its auditor deleted unseen): back, with the review, as
            # the manager's side keeps it, and said (stop 48: the challenge never reached the auditor)
            who = a.review.reviewer if a.review and a.review.reviewer else "the pack"
            report.conflicts.append(f"{_title(lib, a.letter_id, incoming_letters)} p.{a.page}: deleted here, but "
                                    f"reviewed by {who} since the version deleted"
                                    + (f" ({a.review.label.lower()}: {a.review.comment})" if a.review and a.review.comment
                                       else f" ({a.review.label.lower()})" if a.review else "")
                                    + ": brought back; delete it again if it should go")
            cmds.append(PutSetting(deletions.key(a.id), lib.settings.get(deletions.key(a.id), ""), "",
                                   "Forget deletion"))
            cmds.append(put_annotation(None, a))
            report.added += 1
            continue
        if mine_a is None:
            cmds.append(put_annotation(None, a))
            report.added += 1
            report.needs_attention += a.orphaned
            continue
        if mine_a.letter_id != a.letter_id:  # an id names one letter forever: never moved by a pack
            report.conflicts.append(f"annotation {a.id[:12]} belongs to {_title(lib, mine_a.letter_id)} here, the "
                                    f"pack puts it on {_title(lib, a.letter_id, incoming_letters)}: left as it is")
            continue
        merged_a = merge_annotation(lib, mine_a, a, report, now)
        if merged_a is not None:
            cmds.append(put_annotation(mine_a, merged_a, "Merge annotation"))
    arriving = {a.id for a in annotations if a.letter_id in incoming_letters or a.letter_id in lib.letters}
    going = {t.id for t in deleted}
    mine_acts = plan.read_all(lib.settings)
    for act in actions:
        here = act.annotation_id in lib.annotations or (
            act.annotation_id in arriving and act.annotation_id not in gone_here)
        local = mine_acts.get(act.id)
        gone_act = acts_gone_here.get(act.id)
        if local is None and gone_act is not None and \
                parse_time(act.modified or act.created) <= parse_time(gone_act.at):
            report.actions_deleted_here += 1  # deleted here after that version: it stays deleted
            continue
        if local is None:
            if not here or act.annotation_id in going:
                report.actions_orphaned += 1
                continue
            cmds.append(plan.put_command(lib.settings, act, "Add action"))
            report.actions_added += 1
            continue
        if local.annotation_id != act.annotation_id:
            report.conflicts.append(f"action {act.id[:12]} answers annotation {local.annotation_id[:12]} here, the "
                                    f"pack links it to {act.annotation_id[:12]}: left as it is")
            continue
        merged_act = merge_action(local, act, report)
        if merged_act is not None:
            cmds.append(plan.put_command(lib.settings, merged_act, "Merge action"))
    cascaded: set[str] = set()  # actions going with their annotation
    for t in deleted:
        mine_a = lib.annotations.get(t.id)
        if mine_a is None:
            if t.id not in gone_here:
                report.deletions_unknown += 1  # never seen here: nothing to delete
            continue
        who = t.by or "its author"
        where = f"{_title(lib, mine_a.letter_id)} p.{mine_a.page}"
        if mine_a.letter_id != t.letter_id:
            report.conflicts.append(f"{where}: the pack deletes annotation {t.id[:12]} on another letter: kept")
        elif reviewed_unseen(mine_a, t):
            # (reviewed after the deletion, or a review the deleter's version did not carry, whatever the clocks)
            report.conflicts.append(f"{where}: deleted by {who} on {t.at[:10]}, but reviewed here since the version "
                                    f"they deleted ({mine_a.review.label.lower()}): kept; delete it or keep it")
            report.findings_kept.append(mine_a.id)
        elif parse_time(mine_a.modified or mine_a.created) > parse_time(t.at) or t.version and \
                parse_time(mine_a.modified or mine_a.created) > parse_time(t.version):
            report.conflicts.append(f"{where}: deleted by {who} on {t.at[:10]}, but edited here since the version they "
                                    "deleted: kept")
            report.findings_kept.append(mine_a.id)
        elif any(parse_time(x.modified or x.created) > parse_time(t.at)
                 for x in plan.answering(lib.settings, [mine_a.id])):
            report.conflicts.append(f"{where}: deleted by {who} on {t.at[:10]}, but an action answering it was "
                                    "updated here since: kept")
        else:
            cmds.append(deletions.delete_command([mine_a], t.by, lib.settings, at=t.at, label="Delete annotation"))
            report.deleted.append(f"{where} (by {who}, {t.at[:10]})")
            cascaded.update(x.id for x in plan.answering(lib.settings, [mine_a.id]))
    for ta in deleted_actions:
        if ta.id in cascaded:
            continue
        local = mine_acts.get(ta.id)
        if local is None:
            if ta.id not in acts_gone_here:
                report.action_deletions_unknown += 1  # never seen here: nothing to delete
            continue
        who = ta.by or "its author"
        what = f"action {local.id[:12]} ({shorten(' '.join(local.text.split()), 60)})"
        if parse_time(local.modified or local.created) > parse_time(ta.at):
            report.conflicts.append(f"{what}: deleted by {who} on {ta.at[:10]}, but updated here since: kept")
            report.actions_kept.append(local.id)  # the auditor may still delete it as the pack asks
            continue
        ann = lib.annotations.get(local.annotation_id)
        cmds += plan.delete_commands(lib.settings, [local], {ann.id: ann.letter_id} if ann else {}, ta.by, ta.at)
        report.actions_deleted.append(f"{what} (by {who}, {ta.at[:10]})")
    for letter_id, ranges in (dismissed or {}).items():  # dismissed there: not suggested here either
        here = read_dismissed(lib.settings, letter_id)
        new = set(ranges) - set(here)
        if new:
            key = dismissed_key(letter_id)
            cmds.append(PutSetting(key, lib.settings.get(key, ""), dismissed_value(here + sorted(new)),
                                   "Dismissed suggestions", letter_id))
            report.dismissed += len(new)
    label = f"Open audit pack {source}".strip()
    return Batch(cmds, label), report
