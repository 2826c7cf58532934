"""The audit summary as data: scope, counts, theme x severity table, findings by severity,
and the inspectors' own "What needs to improve" items for cross-reference.

Writers in ``reviewer.export`` turn a ``Summary`` into Markdown, HTML, PDF or CSV.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from reviewer.core.annotations import actions as plan
from reviewer.core.annotations.actions import Action
from reviewer.core.annotations.codebook import SUMMARY_ORDER, severities, themes_said
from reviewer.core.annotations.library import Library
from reviewer.core.annotations.model import Annotation, Letter, Theme, now_iso
from reviewer.core.reading.inspectors_list import boards_from, inspectors_items, item_numbers
from reviewer.core.reading.furniture import find_furniture
from reviewer.core.reading.outline import analyse, quote_as_read
from reviewer.core.reading.suggest import read_dismissed
from reviewer.core.reading.theming import ThemeModel
from reviewer.core.annotations.titles import file_title
from reviewer.core.team.baseline import Profile
from reviewer.core.team.moderation import PairModeration, moderate
from reviewer.core.team.trend import Trend, trends
from reviewer.core.text.words import counted, person


@dataclass(frozen=True)
class Entry:
    letter: str  # title, told apart from a namesake's (``Summary.names``)
    authority: str
    quote: str
    pages: tuple[int, ...]
    themes: tuple[str, ...]  # labels
    severity: str  # label
    note: str
    author: str
    needs_attention: bool = False
    review: str = ""  # review status label, "" when not reviewed
    review_comment: str = ""
    reviewer: str = ""
    changed_by: str = ""  # who other than the author made this version (a manager's regrade)


@dataclass(frozen=True)
class ImprovementItem:
    letter: str
    text: str
    tagged_as: tuple[str, ...]  # severity labels of annotations overlapping it; empty = not yet audited
    theme: str = ""  # the item's subject (``item_subject``): its themes' labels, joined
    related: tuple[str, ...] = ()  # the letter's other findings on that theme ("Area for improvement p.2")
    board: bool = False  # one of the report's recommendations for its Local Safeguarding Children Board
    number: str = ""  # the item's number in the report ("14"), "" where it has none
    dismissed: bool = False  # not tagged, and its suggestion dismissed: looked at and let go, not left unread


@dataclass
class ActionEntry:
    """An action of the plan with the finding it answers."""

    action: Action
    letter: str  # the letter's title
    page: int
    severity: str  # the finding's severity label
    quote: str
    item: str = ""  # the inspectors' "What needs to improve" item the finding answers ("" if none)
    letter_id: str = ""


@lru_cache(maxsize=128)
def _listed(text: str, starts: tuple[int, ...]) -> tuple[tuple[tuple[int, int, str, str], ...], int | None]:
    st = analyse(text, starts)
    return tuple(inspectors_items(text, st)), boards_from(st)


def items_in(text: str, starts: tuple[int, ...] = ()) -> tuple[tuple[int, int, str, str], ...]:
    """The inspectors' items of a letter's text (``inspectors_list.inspectors_items``), read once per text: the
    plan's views ask again at every change. ``starts``, a PDF's page starts, tell its page numbers and running
    lines from the text: without them an item across a page break is two ("6 consistently …")."""
    return _listed(text, starts)[0]


def board_from(text: str, starts: tuple[int, ...] = ()) -> int | None:
    """Where the report's review of its safeguarding board begins (``inspectors_list.boards_from``): the items
    from there on are the board's."""
    return _listed(text, starts)[1]


def _starts(page_starts_of: Callable[[str], Sequence[int]] | None, letter_id: str) -> tuple[int, ...]:
    return tuple(page_starts_of(letter_id) or ()) if page_starts_of is not None else ()


def answers(a: Annotation, start: int, end: int) -> bool:
    """The cross-reference's one rule: a finding answers an inspectors' item when it is placed and overlaps it."""
    return not a.orphaned and a.start < end and a.end > start


@lru_cache(maxsize=128)
def item_themes(text: str, themes: tuple[Theme, ...], starts: tuple[int, ...] = ()) -> tuple[str | None, ...]:
    """Each inspectors' item's subject (``items_in`` order): the theme the suggester reads it as about most,
    with the codebook's cues and words (None where it names none)."""
    model = ThemeModel(themes)
    return tuple(next(iter(model.choose(model.evidence(item), "improvement", item)), None)
                 for _s, _e, item, _k in items_in(text, starts))


def item_subject(read: str | None, letter_anns: Sequence[Annotation], start: int, end: int) -> tuple[str, ...]:
    """An inspectors' item's subject: the themes the auditor tagged it with, in their order, where they tagged
    it (a held-out session's summary cross-referred an item tagged Management oversight and Workforce to
    the suggester's Performance management); else the theme the suggester reads it as about most."""
    tagged = tuple(dict.fromkeys(t for a in letter_anns if answers(a, start, end) for t in a.themes))
    return tagged or ((read,) if read else ())


def on_its_theme(a: Annotation, start: int, end: int, subject: Sequence[str]) -> bool:
    """A finding elsewhere in the letter about an item's subject (``item_subject``): placed, not on the item,
    one of its themes one of the item's ("Management oversight does not always challenge drift" for
    "Management oversight and supervision, so that drift is identified"). Any of its themes, not only its first:
    a new user's finding tagged health, then timeliness, left each timeliness item saying "Timeliness, drift and
    delay: no weakness tagged" (stop 48)."""
    return bool(a.themes) and not a.orphaned and not answers(a, start, end) and any(t in subject for t in a.themes)


def items_answered(lib: Library, letter_ids: Sequence[str], text_of: Callable[[str], str | None],
                   only: set[str] | None = None,
                   page_starts_of: Callable[[str], Sequence[int]] | None = None) -> dict[str, str]:
    """Annotation id -> the inspectors' item it answers (several joined by " / "), for the findings of these
    letters that answer one: the item it is on, else, for a weakness, the items on its themes
    (``on_its_theme``). ``only``: just these annotations' letters are read."""
    out: dict[str, str] = {}
    for lid in letter_ids:
        anns = [a for a in lib.annotations_for(lid) if only is None or a.id in only]
        text = text_of(lid) if anns else None
        if not text:
            continue
        starts = _starts(page_starts_of, lid)
        items = items_in(text, starts)
        subjects = item_themes(text, tuple(lib.themes.values()), starts)
        letter_anns = lib.annotations_for(lid)
        subjects = [item_subject(read, letter_anns, start, end) for (start, end, _i, _k), read in zip(items, subjects)]
        for a in anns:
            hit = [item for start, end, item, _kind in items if answers(a, start, end)]
            if not hit and a.severity in ("improvement", "priority"):  # a finding of the letter's own on an item's subject
                hit = [item for (start, end, item, _k), subject in zip(items, subjects)
                       if on_its_theme(a, start, end, subject)]
            if hit:
                out[a.id] = " / ".join(dict.fromkeys(hit))
    return out


def action_entries(lib: Library, letter_ids: Sequence[str], names: dict[str, str] | None = None,
                   text_of: Callable[[str], str | None] | None = None,
                   page_starts_of: Callable[[str], Sequence[int]] | None = None) -> list[ActionEntry]:
    """The plan's actions answering annotations of these letters, by due date; with ``text_of``, each with
    the inspectors' item its finding answers."""
    ids, names = set(letter_ids), names or {}
    sev = {sv.id: sv.label for sv in severities()}
    acts = [(act, a) for act in plan.sorted_by_due(plan.read_all(lib.settings))
            if (a := lib.annotations.get(act.annotation_id)) is not None and a.letter_id in ids]
    items = items_answered(lib, list(dict.fromkeys(a.letter_id for _, a in acts)), text_of,
                           {a.id for _, a in acts}, page_starts_of) if text_of is not None else {}
    return [ActionEntry(act, names.get(a.letter_id) or lib.display_title(a.letter_id), a.page,
                        sev.get(a.severity, a.severity), " ".join(a.quote.split()), items.get(a.id, ""), a.letter_id)
            for act, a in acts]


@dataclass
class Summary:
    title: str
    exported: str
    letters: list[Letter]
    authorities: list[str]
    auditors: list[str]
    inspected: tuple[str | None, str | None]  # the first visit's start, the last's end
    published: tuple[str | None, str | None]  # the first and the last publication
    severity_labels: list[str]
    counts: dict[str, int]  # by severity label, in SUMMARY_ORDER
    table: list[tuple[str, list[int], int]]  # theme label, counts per severity (SUMMARY_ORDER), total
    sections: list[tuple[str, str, list[Entry]]]  # severity id, label, entries
    improvement_items: list[ImprovementItem] = field(default_factory=list)
    theme_letters: list[tuple[str, list[int], int]] = field(default_factory=list)  # theme, counts per letter
    by_authority: list[tuple[str, int, list[int], int]] = field(default_factory=list)  # letters, per severity
    reviews: dict[str, int] = field(default_factory=dict)  # status label (or "Not reviewed") -> count
    signoffs: list[tuple[str, str, str, str]] = field(default_factory=list)  # letter, name, date, comment
    letter_counts: list[int] = field(default_factory=list)  # annotations per letter, in ``letters`` order
    quotes: dict[str, str] = field(default_factory=dict)  # annotation id -> its quote as the letter reads it
    published_estimated: str = ""  # "all" or "some" where the publication dates are estimated ones, else ""
    names: dict[str, str] = field(default_factory=dict)  # letter id -> its title, namesakes told apart

    def name(self, letter: Letter) -> str:
        return self.names.get(letter.id, letter.title)

    def title_of(self, letter: Letter) -> str:
        return self.name(letter)
    national: list[Profile] = field(default_factory=list)  # each authority against the national baseline (an option)
    trends: list[Trend] = field(default_factory=list)  # each authority audited before: then and now
    actions: list[ActionEntry] = field(default_factory=list)  # the action plan, by due date
    moderation: list[PairModeration] = field(default_factory=list)  # where two auditors read a letter differently
    shared: int = 0  # passages tagged by more than one auditor (each auditor's annotation is counted)

    @property
    def headline(self) -> str:
        """The findings in a sentence or two, as a manager reads them first (DOMAIN: a headline summary; a new
        user's summary opened on tables alone): how many of each severity, and the themes most of the most severe
        are on ("14 priority actions, 21 areas for improvement and 2 strengths. Most priority actions are on
        Partnership and multi-agency working (8) and Leadership and governance (3).")."""
        sev = {x.id: x for x in severities()}

        def said_of(sid: str, n: int) -> str:  # (context, as passages: "2 context" reads as no count)
            return counted(n, "passage of context", "passages of context") if sid == "context" else sev[sid].counted(n)

        said = [said_of(sid, n) for sid, n in zip(SUMMARY_ORDER, self.counts.values()) if n and sid in sev]
        if not said:
            return ""
        text = (", ".join(said[:-1]) + " and " + said[-1] if len(said) > 1 else said[0])
        text = text[0].upper() + text[1:] + (f", across {counted(len(self.letters), 'letter')}" if len(self.letters) > 1
                                             else "") + "."
        for at, sid in enumerate(SUMMARY_ORDER[:2]):  # the most severe there are: priority actions, else areas
            ranked = sorted(((row[at], theme) for theme, row, _total in self.table if row[at]), key=lambda r: -r[0])
            if ranked:
                top = [f"{theme} ({n})" for n, theme in ranked[:2] if n > 1 or len(ranked) == 1]
                if top:
                    text += f" Most {said_of(sid, 2).split(' ', 1)[1]} are on {' and '.join(top)}."
                break
        return text

    @property
    def counts_note(self) -> str:
        """What the counts count, where two auditors tagged one passage: said, not merged away."""
        if not self.shared:
            return ""
        return (f"Counts are of annotations: {counted(self.shared, 'passage')} tagged by more than one auditor "
                "count once for each (see Moderation).")

    @property
    def answered(self) -> dict[str, str]:
        """Annotation id -> the inspectors' item it answers, for the findings the plan's actions answer."""
        return {e.action.annotation_id: e.item for e in self.actions if e.item}

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def shared_passages(anns: Sequence[Annotation]) -> int:
    """Passages that more than one auditor tagged: a letter's annotations that overlap, as one passage (as
    moderation reads them, sentence by sentence; a manager's summary counted only spans the same to the letter, 3
    where moderation found 9)."""
    by_letter: dict[str, list[Annotation]] = {}
    for a in anns:
        if not a.orphaned:
            by_letter.setdefault(a.letter_id, []).append(a)
    shared = 0
    for letter_anns in by_letter.values():
        end, who = -1, set()
        for a in sorted(letter_anns, key=lambda x: (x.start, x.end)):
            if a.start >= end:  # a passage of its own: the one before is done
                shared += len(who) > 1
                end, who = a.end, set()
            end = max(end, a.end)
            who.add(person(a.author))
        shared += len(who) > 1
    return shared


def summary_file_stem(lib: Library, letter_ids: Sequence[str]) -> str:
    """The name an audit summary is offered under: "<letter's title> — audit summary" for one letter; for letters
    of one authority, "<authority> — audit summary — N letters" (a manager auditing two inspections of one council
    was offered "audit summary — 2 letters", stop 51)."""
    if len(letter_ids) == 1:
        return file_title(f"{lib.display_title(letter_ids[0])} — audit summary")
    whose = {lib.letters[i].meta.authority if i in lib.letters else None for i in letter_ids}
    if len(whose) == 1 and None not in whose:
        return file_title(f"{whose.pop()} — audit summary — {len(letter_ids)} letters")
    return f"audit summary — {len(letter_ids)} letters"


def distinct_titles(letters: Sequence[Letter], lib: Library | None = None) -> dict[str, str]:
    """Each letter's title as a list of several shows it: a title met again (a PDF and its text
    twin, two visits reported under one name) gets " (2)", " (3)"..., as the pack's ``letters/`` names
    its files, so REFI-QDA tools, which key sources by name, and readers of the tables can tell them apart."""
    taken: set[str] = set()
    out: dict[str, str] = {}
    for x in letters:
        title = lib.display_title(x.id) if lib is not None else x.title  # as the library shows it
        name, n = title, 2
        while name.casefold() in taken:
            name, n = f"{title} ({n})", n + 1
        taken.add(name.casefold())
        out[x.id] = name
    return out


def build_summary(
    lib: Library,
    letter_ids: Sequence[str],
    text_of: Callable[[str], str | None],
    title: str = "Audit summary",
    page_starts_of: Callable[[str], Sequence[int]] | None = None,
    national: Sequence[Profile] = (),
) -> Summary:
    """``page_starts_of`` (a PDF letter's page starts) lets running headers and footers be told from
    the text, so a quote across a page break reads without them; without it only lines like
    "Page 2 of 5" are."""
    sev = {s.id: s for s in severities()}
    order = [sev[i] for i in SUMMARY_ORDER]
    letters = [lib.letters[i] for i in letter_ids if i in lib.letters]
    anns: list[tuple[Letter, Annotation]] = []
    for letter in letters:
        anns.extend((letter, a) for a in lib.annotations_for(letter.id))
    quotes = reading_quotes(lib, letters, text_of, page_starts_of)
    names = distinct_titles(letters, lib)

    counts = Counter(a.severity for _, a in anns)
    per_theme: dict[str, Counter[str]] = {}
    for _, a in anns:
        for t in a.themes or ("(no theme)",):
            per_theme.setdefault(t, Counter())[a.severity] += 1
    theme_order = list(lib.themes)
    table = []
    for tid in sorted(per_theme, key=lambda t: (theme_order.index(t) if t in theme_order else 10**6, t)):
        row = [per_theme[tid][s.id] for s in order]
        table.append((tid if tid == "(no theme)" else lib.theme_label(tid), row, sum(row)))

    # the auditor's own findings first, then their tags on the inspectors' items (listed again, with what answers
    # them, in the cross-reference: a new user's summary gave pages to the 28 recommendations before any finding)
    texts = {x.id: text_of(x.id) for x in letters}
    on_items: dict[str, set[str]] = {}  # each letter's annotations that answer an inspectors' item
    for letter in letters:
        text = texts[letter.id]
        listed = items_in(text, _starts(page_starts_of, letter.id)) if text else ()
        on_items[letter.id] = {a.id for a in lib.annotations_for(letter.id)
                               if any(answers(a, s, e) for s, e, _i, _k in listed)}
    at = {x.id: i for i, x in enumerate(letters)}
    # by theme (DOMAIN: "findings by theme with the quoted evidence and page"; a new user's summary listed each
    # severity's findings with no grouping), then letter by letter, the auditor's own before the inspectors' items
    rank = {t: i for i, t in enumerate(theme_order)}
    anns_shown = sorted(anns, key=lambda la: (rank.get(la[1].themes[0], len(rank)) if la[1].themes else len(rank) + 1,
                                              at[la[0].id], la[1].id in on_items[la[0].id], la[1].start))  # (each
    # letter's in reading order: a new user's were in the order tagged)
    sections = []
    for s in order:
        entries = [
            Entry(
                letter=names[letter.id],
                authority=letter.meta.authority or "",
                quote=quotes[a.id],
                pages=a.pages,
                themes=tuple(lib.theme_label(t) for t in a.themes),
                severity=s.label,
                note=a.note,
                author=a.author,
                changed_by=a.changed_by,
                needs_attention=a.orphaned,
                review=a.review.label if a.review else "",
                review_comment=a.review.comment if a.review else "",
                reviewer=a.review.reviewer if a.review else "",
            )
            for letter, a in anns_shown
            if a.severity == s.id
        ]
        sections.append((s.id, s.label, entries))

    items: list[ImprovementItem] = []
    for letter in letters:
        text = texts[letter.id]
        if not text:
            continue
        letter_anns = sorted(lib.annotations_for(letter.id), key=lambda a: a.start)
        starts = _starts(page_starts_of, letter.id)
        subjects = item_themes(text, tuple(lib.themes.values()), starts)
        listed = items_in(text, starts)
        board = board_from(text, starts)
        answering = on_items[letter.id]
        numbers = item_numbers(text, listed)
        dismissed = read_dismissed(lib.settings, letter.id)  # (the suggestions the auditor dismissed)
        for (start, end, item, _kind), read, number in zip(listed, subjects, numbers):
            subject = item_subject(read, letter_anns, start, end)
            tagged = tuple(
                dict.fromkeys(sev[a.severity].label for a in letter_anns
                              if a.severity in sev and answers(a, start, end))
            )
            # the letter's own findings on the item's subject: its body's, never the list's other items (the
            # auditor who accepted the whole list saw each item "evidenced" by its neighbours), each page once
            related = tuple(dict.fromkeys(
                f"{sev[a.severity].label} p.{a.page}" for a in letter_anns
                if a.severity in ("improvement", "priority") and a.id not in answering
                and on_its_theme(a, start, end, subject)))
            let_go = not tagged and any(a < end and start < b for a, b in dismissed)
            items.append(ImprovementItem(names[letter.id], item, tagged, themes_said(lib.theme_label(t) for t in subject),
                                         related, board is not None and start >= board, number, let_go))

    theme_letters = []
    for tid in sorted(per_theme, key=lambda t: (theme_order.index(t) if t in theme_order else 10**6, t)):
        per_letter = [sum(1 for a in lib.annotations_for(x.id) if tid in (a.themes or ("(no theme)",)))
                      for x in letters]
        theme_letters.append((lib.theme_label(tid), per_letter, sum(per_letter)))
    by_auth: dict[str, tuple[set[str], Counter[str]]] = {}
    for letter in letters:
        by_auth.setdefault(letter.meta.authority or "(authority not known)", (set(), Counter()))[0].add(letter.id)
    for letter, a in anns:
        by_auth[letter.meta.authority or "(authority not known)"][1][a.severity] += 1
    by_authority = []
    for auth in sorted(by_auth, key=str.casefold):
        ids, c = by_auth[auth]
        row = [c[s.id] for s in order]
        by_authority.append((auth, len(ids), row, sum(row)))
    reviews = Counter(a.review.label if a.review else "Not reviewed" for _, a in anns)
    signoffs = [(names[x.id], x.signoff.name, x.signoff.date, x.signoff.comment) for x in letters if x.signoff]

    visits = sorted(d for letter in letters for d in (letter.meta.visit_start, letter.meta.visit_end) if d)
    issued = sorted(letter.meta.published for letter in letters if letter.meta.published)
    estimated = [bool(letter.meta.published_estimated) for letter in letters if letter.meta.published]
    return Summary(
        title=title,
        exported=now_iso(),
        letters=letters,
        authorities=sorted({x.meta.authority for x in letters if x.meta.authority}),
        auditors=sorted({a.author for _, a in anns if a.author}),
        inspected=(visits[0] if visits else None, visits[-1] if visits else None),
        published=(issued[0] if issued else None, issued[-1] if issued else None),
        published_estimated="all" if estimated and all(estimated) else "some" if any(estimated) else "",
        severity_labels=[s.label for s in order],
        counts={s.label: counts.get(s.id, 0) for s in order},
        table=table,
        sections=sections,
        improvement_items=items,
        theme_letters=theme_letters,
        by_authority=by_authority,
        reviews=dict(reviews),
        signoffs=signoffs,
        letter_counts=[len(lib.annotations_for(x.id)) for x in letters],
        quotes=quotes,
        names=names,
        national=list(national),
        trends=trends(lib, [x.id for x in letters]),
        actions=action_entries(lib, [x.id for x in letters], names, text_of, page_starts_of),
        shared=shared_passages([a for _, a in anns]),
        moderation=[replace(m, letter=names.get(m.letter_id, m.letter))
                    for m in moderate(lib, [x.id for x in letters], text_of, page_starts_of)],
    )


def reading_quotes(lib: Library, letters: Sequence[Letter], text_of: Callable[[str], str | None],
                   page_starts_of: Callable[[str], Sequence[int]] | None = None) -> dict[str, str]:
    """Annotation id -> its quote as the letter reads it (``quote_as_read``), for every letter's annotations."""
    out: dict[str, str] = {}
    for letter in letters:
        anns = lib.annotations_for(letter.id)
        if not anns:
            continue
        text = text_of(letter.id)
        starts = page_starts_of(letter.id) if page_starts_of is not None and text else ()
        furniture = find_furniture(text, starts) if text else []
        for a in anns:
            out[a.id] = quote_as_read(text, a.start, a.end, a.quote, furniture)
    return out
