"""Every menu and toolbar action, declared once as data: id, text, menu, shortcut, tip. The window
binds each to a callable of the controller that owns it (``bind_actions``), and fails at start-up if
one is missing or one is left over."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

Std = QKeySequence.StandardKey


@dataclass(frozen=True)
class ActionSpec:
    id: str
    text: str
    menu: str
    shortcut: tuple[QKeySequence.StandardKey | str, ...] = ()
    tip: str = ""
    toolbar: bool = False
    needs: str = ""  # "letter", "selection", "annotation": enabled only then
    short: str = ""  # shorter text for the toolbar


ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("open", "&Open Letter…", "&File", (Std.Open,), "Open PDF or text letters", True),
    ActionSpec("import_folder", "&Import Folder…", "&File", ("Ctrl+Shift+O",),
               "Add every letter in a folder to the library", True),
    ActionSpec("export_summary", "&Export Audit Summary…", "&File", ("Ctrl+E",),
               "Export the audit summary of the current or selected letters (Markdown, HTML, PDF, CSV)", True,
               short="Summary"),
    ActionSpec("export_pack", "Export Audit &Pack…", "&File", ("Ctrl+Shift+E",),
               "Write an audit pack (.zip) of the selected or all letters for a manager", True, short="Export Pack"),
    ActionSpec("open_pack", "Open Audit P&ack…", "&File", ("Ctrl+Shift+P",),
               "Open audit packs from auditors or a manager, merging them into the library", True, short="Open Pack"),
    ActionSpec("export_codebook", "Export Code&book (.qdc)…", "&File", (),
               "Share the codebook as a REFI-QDA .qdc file"),
    ActionSpec("import_codebook", "Import Codebook (.q&dc)…", "&File", (),
               "Adopt a team codebook from a REFI-QDA .qdc file: new themes are added, matching ones updated"),
    ActionSpec("import_project", "Import Pro&ject (.qdpx)…", "&File", (),
               "Bring in a REFI-QDA project from NVivo, ATLAS.ti, MAXQDA or QualCoder: its sources become letters, "
               "its codes themes and its codings annotations"),
    ActionSpec("quit", "&Quit", "&File", (Std.Quit, "Ctrl+Q"), "Quit Reviewer"),
    ActionSpec("undo", "&Undo", "&Edit", (Std.Undo,), "Undo the last change", short="Undo"),
    ActionSpec("redo", "&Redo", "&Edit", (Std.Redo, "Ctrl+Y", "Ctrl+Shift+Z"), "Redo the change undone", short="Redo"),
    ActionSpec("copy", "&Copy", "&Edit", (Std.Copy,), "Copy the selected text", needs="selection"),
    ActionSpec("find", "&Find in Letter…", "&Edit", (Std.Find,), "Find text in the letter", True, "letter", short="Find"),
    ActionSpec("find_next", "Find &Next", "&Edit", ("F3",), "Go to the next match of the words found", needs="letter"),
    ActionSpec("find_previous", "Find Pre&vious", "&Edit", ("Shift+F3",), "Go to the previous match of the words found",
               needs="letter"),
    ActionSpec("search_library", "&Search Library…", "&Edit", ("Ctrl+Shift+F",),
               "Search every letter's text and every annotation's quote, note and themes", True, short="Search"),
    ActionSpec("preferences", "Pr&eferences…", "&Edit", (Std.Preferences, "Ctrl+,"),
               "Your name, default severity, appearance (light or dark), text size and highlight colours"),
    ActionSpec("tag", "&Tag Selection…", "&Annotate", ("Ctrl+T",),
               "Tag the selected passage with themes and a severity", True, "selection", short="Tag"),
    ActionSpec("select_sentence", "Select &Sentence", "&Annotate", ("Ctrl+Shift+S",),
               "Extend the selection to whole sentences, or select the sentence clicked in", needs="letter"),
    ActionSpec("sev_strength", "Strengt&h", "&Annotate", ("Alt+1",),
               "Tag the selected passage as a strength, or make the selected annotations strengths", needs="letter"),
    ActionSpec("sev_context", "C&ontext", "&Annotate", ("Alt+2",),
               "Tag the selected passage as context, or make the selected annotations context", needs="letter"),
    ActionSpec("sev_improvement", "Area for &Improvement", "&Annotate", ("Alt+3",),
               "Tag the selected passage as an area for improvement, or set the selected annotations to it", needs="letter"),
    ActionSpec("sev_priority", "&Priority Action", "&Annotate", ("Alt+4",),
               "Tag the selected passage as a priority action, or set the selected annotations to it", needs="letter"),
    ActionSpec("next_annotation", "Ne&xt Annotation", "&Annotate", ("Alt+Shift+Down",),
               "Go to the next annotation in reading order", needs="letter"),
    ActionSpec("prev_annotation", "Previo&us Annotation", "&Annotate", ("Alt+Shift+Up",),
               "Go to the previous annotation in reading order", needs="letter"),
    ActionSpec("next_suggestion", "&Next Suggestion", "&Annotate", ("Alt+Down",),
               "Go to the next suggested passage; there Enter accepts it, E edits it, Delete dismisses it", needs="letter"),
    ActionSpec("prev_suggestion", "Pre&vious Suggestion", "&Annotate", ("Alt+Up",),
               "Go to the previous suggested passage", needs="letter"),
    ActionSpec("accept_suggestion", "&Accept Suggestion", "&Annotate", ("Ctrl+Return",),
               "Make the current suggestion an annotation, with its themes and severity", needs="letter"),
    ActionSpec("dismiss_suggestion", "Dismiss Su&ggestion", "&Annotate", ("Ctrl+Backspace",),
               "Dismiss the current suggestion: it will not be suggested again", needs="letter"),
    ActionSpec("accept_improve", "Accept All Inspecto&rs’ Items", "&Annotate", ("Ctrl+Shift+Return",), "Accept every suggestion under “What needs to improve” and priority action, "
               "as one step", needs="letter"),
    ActionSpec("show_suggestions", "Show Suggestions in the &Letter", "&Annotate", (),
               "Outline suggested passages in the letter with faint dashes"),
    ActionSpec("edit_annotation", "&Edit Annotation…", "&Annotate", ("F2",),
               "Edit the selected annotation", needs="annotation"),
    ActionSpec("delete_annotation", "&Delete Annotation", "&Annotate", (Std.Delete,),
               "Delete the selected annotations", needs="annotation"),
    ActionSpec("auditor", "&Your Name…", "&Annotate", (), "The name shown as author of your annotations"),
    ActionSpec("codebook", "&Codebook…", "&Annotate", ("Ctrl+K",), "Add, rename, recolour or retire themes"),
    ActionSpec("details", "Letter &Details…", "&Letter", ("Ctrl+I",),
               "Authority, type, dates and inspectors of the letter", needs="letter"),
    ActionSpec("agree", "&Agree", "&Review", ("F6",),
               "Mark the selected annotations as agreed", needs="annotation"),
    ActionSpec("challenge", "&Challenge…", "&Review", ("F7",),
               "Challenge the selected annotations, with a comment for the auditor", needs="annotation"),
    ActionSpec("resolve", "&Resolve", "&Review", ("F8",),
               "Mark the selected annotations as resolved", needs="annotation"),
    ActionSpec("review_comment", "Review Co&mment…", "&Review", ("Shift+F7",),
               "Write or change the review comment on the selected annotations", needs="annotation"),
    ActionSpec("clear_review", "C&lear Review", "&Review", (),
               "Remove the review from the selected annotations", needs="annotation"),
    ActionSpec("sign_off", "&Sign Off Letter…", "&Review", (),
               "Sign off this letter's audit with your name and today's date", needs="letter"),
    ActionSpec("sign_off_all", "Sign Off All Le&tters…", "&Review", (),
               "Sign off every letter in the library: the whole pack"),
    ActionSpec("withdraw_sign_off", "&Withdraw Sign-off", "&Review", (),
               "Withdraw the sign-off of this letter", needs="letter"),
    ActionSpec("overview", "&Overview…", "&Review", ("Ctrl+Shift+M",),
               "Heatmaps by theme, authority and date, and moderation between auditors", True),
    ActionSpec("action_plan", "Action &Plan…", "&Review", ("Ctrl+Shift+A",),
               "Every action in the library by due date, overdue ones marked; double-click goes to the finding"),
    ActionSpec("zoom_in", "Zoom &In", "&View", (Std.ZoomIn, "Ctrl+="), "Zoom in", needs="letter"),
    ActionSpec("zoom_out", "Zoom &Out", "&View", (Std.ZoomOut,), "Zoom out", needs="letter"),
    ActionSpec("fit_width", "&Fit Width", "&View", ("Ctrl+0",), "Fit the page to the window's width", needs="letter"),
    ActionSpec("fit_page", "Fi&t Page", "&View", (), "The whole page in the window", needs="letter"),
    ActionSpec("actual_size", "A&ctual Size", "&View", (), "The page at its printed size (100%)", needs="letter"),
    ActionSpec("next_page", "&Next Page", "&View", ("Ctrl+PgDown",), "Go to the next page", needs="letter"),
    ActionSpec("prev_page", "Pre&vious Page", "&View", ("Ctrl+PgUp",), "Go to the previous page", needs="letter"),
    ActionSpec("goto_page", "&Go to Page…", "&View", ("Ctrl+G",), "Type a page number", needs="letter"),
    ActionSpec("back", "Bac&k", "&View", ("Alt+Left",),
               "Back to where you were before the last jump (a link, the outline, a page number, a search)"),
    ActionSpec("forward", "For&ward", "&View", ("Alt+Right",), "Forward again to where Back came from"),
    ActionSpec("toggle_library", "&Library Pane", "&View", ("Ctrl+L",), "Show or hide the library"),
    ActionSpec("show_library", "Go to Li&brary", "&View", ("Ctrl+1",), "Show the library and move to it"),
    ActionSpec("show_outline", "Go to O&utline", "&View", ("Ctrl+2",), "Show the letter's outline and move to it"),
    ActionSpec("show_annotations", "Go to &Annotations", "&View", ("Ctrl+3",),
               "Show the letter's annotations and move to them"),
    ActionSpec("show_suggestions_panel", "Go to &Suggestions", "&View", ("Ctrl+4",),
               "Show the suggestions and move to them"),
    ActionSpec("show_plan_panel", "Go to Action &Plan", "&View", ("Ctrl+5",),
               "Show the actions answering the selected finding and move to them"),
    ActionSpec("welcome", "&Welcome Page", "&Help", (),
               "Sample and recent letters, your name and where your library lives"),
    ActionSpec("shortcuts", "&Keyboard Shortcuts", "&Help", ("F1",),
               "Every keyboard shortcut, by menu and panel"),
    ActionSpec("about", "&About Reviewer", "&Help", (), "Version and licence"),
)


# the Annotate menu's mnemonics but Accept All's own, which follows the letter's list name
_ANNOTATE_KEYS = frozenset(spec.text[spec.text.index("&") + 1].lower() for spec in ACTIONS
                           if spec.menu == "&Annotate" and spec.id != "accept_improve" and "&" in spec.text)


def accept_all_text(name: str | None) -> str:
    """The Annotate menu's Accept All, named as the open letter heads its inspectors' list (as the suggestions
    panel's button is: a held-out session read "What Needs to Improve" in the menu beside "Recommendations" on
    the button), its mnemonic a letter no other item of the menu has."""
    label = f"“{name.replace('&', '&&')}”" if name else "Inspectors’ Items"
    at = next((i for i, ch in enumerate(label) if ch.isalpha() and ch.lower() not in _ANNOTATE_KEYS and
               (i == 0 or label[i - 1] != "&")), None)
    return "Accept All " + (label if at is None else label[:at] + "&" + label[at:])


def make_actions(parent: QWidget) -> dict[str, QAction]:
    """Every declared action, with its text, shortcuts and tips; ``bind_actions`` gives each its handler."""
    actions: dict[str, QAction] = {}
    for spec in ACTIONS:
        if spec.id in actions:
            raise ValueError(f"duplicate action id {spec.id!r}")
        act = QAction(spec.text.replace("…", "…"), parent)
        act.setObjectName(f"action_{spec.id}")
        if spec.short:
            act.setIconText(spec.short)
        keys = [QKeySequence(k) if isinstance(k, str) else QKeySequence.keyBindings(k) for k in spec.shortcut]
        flat: list[QKeySequence] = []
        for k in keys:
            for seq in (k if isinstance(k, list) else [k]):
                if not seq.isEmpty() and seq not in flat:
                    flat.append(seq)
        act.setShortcuts(flat)
        tip = spec.tip
        if flat:
            tip += f" ({flat[0].toString(QKeySequence.SequenceFormat.NativeText)})"
        act.setToolTip(tip)
        act.setStatusTip(spec.tip)
        actions[spec.id] = act
    return actions


def bind_actions(actions: dict[str, QAction], handlers: Mapping[str, Callable[[], object]]) -> None:
    """Connect every action to its handler: a bound method of the controller that owns it."""
    missing, extra = set(actions) - set(handlers), set(handlers) - set(actions)
    if missing or extra:
        raise ValueError(f"actions without a handler: {sorted(missing)}; handlers without an action: {sorted(extra)}")
    for aid, handler in handlers.items():
        actions[aid].triggered.connect(lambda _checked=False, h=handler: h())


def enable_actions(actions: dict[str, QAction], letter: bool, selection: bool, annotation: bool) -> None:
    """Enable the actions that need a letter laid out, a selection in it, or annotations selected."""
    for spec in ACTIONS:
        if spec.needs == "letter":
            actions[spec.id].setEnabled(letter)
        elif spec.needs == "selection":
            actions[spec.id].setEnabled(letter and selection)
        elif spec.needs == "annotation":
            actions[spec.id].setEnabled(annotation)
