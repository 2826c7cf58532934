"""The action plan in the window (issue 18): the Plan panel beside the annotations follows the selected
finding, adds, updates and deletes actions through the workspace (each undone by Ctrl+Z), and the
overview's Action plan tab lists the whole library's actions by due date."""

from __future__ import annotations

from datetime import date

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from reviewer.ui.annotate.action_dialog import ActionDialog  # noqa: E402
from reviewer.ui.annotate.plan_panel import ACTION_ROLE  # noqa: E402
from reviewer.ui.manager.plan_view import ANN_ROLE  # noqa: E402

BULLET = "Management oversight and supervision, so that drift is identified"


def _finding(w, quote: str = BULLET, severity: str = "improvement"):  # type: ignore[no-untyped-def]
    letter = w.lib.letters[w.onscreen.letter_id]
    return w.ws.tag_quote(letter, quote, ["planning"], severity)


def _select(w, qtbot, ann_id: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: w.panel.model.row_of(ann_id) >= 0)
    w.panel.select(ann_id)
    qtbot.waitUntil(lambda: w.plan_panel.annotation_id == ann_id)


def _fill_and_accept(**fields: str):  # type: ignore[no-untyped-def]
    """Fill the dialog that is about to open, then press its default button."""

    def later() -> None:
        dlg = next(x for x in QApplication.topLevelWidgets() if isinstance(x, ActionDialog) and x.isVisible())
        if "text" in fields:
            dlg.text.setPlainText(fields["text"])
        if "owner" in fields:
            dlg.owner.setText(fields["owner"])
        if "due" in fields:
            dlg.due.set_iso(fields["due"])
        if "status" in fields:
            dlg.status.setCurrentIndex(dlg.status.findData(fields["status"]))
        if "progress" in fields:
            dlg.progress.setPlainText(fields["progress"])
        dlg._accept()

    QTimer.singleShot(50, later)


def _texts(panel) -> list[str]:  # type: ignore[no-untyped-def]
    return [panel.list.item(i).data(ACTION_ROLE).text for i in range(panel.list.count())]


def test_the_plan_panel_adds_updates_and_deletes_undoably(letter_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = letter_window
    panel = w.plan_panel
    assert w.right_tabs.tabText(2) == "Plan" and w.right_tabs.widget(2) is panel
    assert not panel.add_btn.isEnabled()  # nothing selected
    ann = _finding(w)
    _select(w, qtbot, ann.id)
    assert panel.add_btn.isEnabled() and "Management oversight" in panel.finding.text()
    assert panel.item.text().startswith("Answers the inspectors' item: “Management oversight and supervision")
    # a finding on no item, and on no item's subject by any of its themes, says which themes those were (a new user
    # saw one care leavers' finding linked and another, first themed Risk and safety planning, not: stop 44); a
    # finding is on an item's subject whichever of its themes it is (stop 48)
    letter = w.lib.letters[w.onscreen.letter_id]
    other = w.ws.tag_quote(letter, "Too many plans are lists of services", ["risk-safety"], "improvement")
    _select(w, qtbot, other.id)
    assert panel.item.text() == ("Answers none of the inspectors' “What needs to improve” items on its theme, "
                                 "Risk and safety planning.")
    w.ws.edit_annotation(other.id, themes=["risk-safety", "disabled-children"])
    _select(w, qtbot, ann.id)
    _select(w, qtbot, other.id)
    assert panel.item.text() == ("Answers none of the inspectors' “What needs to improve” items on its themes, "
                                 "Risk and safety planning or Disabled children and transitions.")
    w.ws.edit_annotation(other.id, themes=["risk-safety", "planning"])
    _select(w, qtbot, ann.id)
    _select(w, qtbot, other.id)
    assert panel.item.text().startswith("Answers the inspectors' item: “The quality of child protection")
    _select(w, qtbot, ann.id)

    _fill_and_accept(text="Monthly oversight audit", owner="Sam Owner", due="2000-01-31", status="amber")
    panel.add()
    qtbot.waitUntil(lambda: panel.list.count() == 1)
    (act,) = w.ws.actions().values()
    assert (act.text, act.owner, act.due, act.status, act.annotation_id) == (
        "Monthly oversight audit", "Sam Owner", "2000-01-31", "amber", ann.id)
    assert "overdue" in panel.count.text()
    item = panel.list.item(0)
    assert "Overdue" in item.data(Qt.ItemDataRole.AccessibleTextRole) and "Amber" in item.data(Qt.ItemDataRole.AccessibleTextRole)

    panel.list.setCurrentRow(0)
    _fill_and_accept(status="green", due="2999-06-30", progress="First audit done")
    panel.update_selected()
    qtbot.waitUntil(lambda: w.ws.action(act.id).status == "green")
    after = w.ws.action(act.id)
    assert after.due == "2999-06-30" and [p.text for p in after.progress] == ["First audit done"]
    qtbot.waitUntil(lambda: "overdue" not in panel.count.text())
    assert panel.list.item(0).isSelected()  # the card stays selected as the panel refreshes

    w.history.undo()  # Ctrl+Z: the update
    qtbot.waitUntil(lambda: w.ws.action(act.id).status == "amber")
    w.history.redo()
    qtbot.waitUntil(lambda: w.ws.action(act.id).status == "green")

    panel.list.setCurrentRow(0)
    panel.delete_selected()
    qtbot.waitUntil(lambda: panel.list.count() == 0)
    assert w.ws.actions() == {}
    w.actions_["undo"].trigger()
    qtbot.waitUntil(lambda: panel.list.count() == 1)
    qtbot.waitUntil(lambda: _texts(panel) == ["Monthly oversight audit"])


def test_a_strength_takes_no_new_action_and_the_panel_follows_the_selection(letter_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = letter_window
    good = _finding(w, "reduced caseloads", "strength")
    bad = _finding(w, "Too many plans", "priority")
    w.ws.add_action(bad.id, "Review every plan", "Kim", "2999-01-01", "red")
    _select(w, qtbot, good.id)
    assert not w.plan_panel.add_btn.isEnabled() and w.plan_panel.list.count() == 0
    assert "none of the inspectors'" in w.plan_panel.item.text()
    _select(w, qtbot, bad.id)
    assert w.plan_panel.add_btn.isEnabled() and _texts(w.plan_panel) == ["Review every plan"]
    w.ws.delete([bad.id], initiator=w)  # the finding goes, and its actions with it
    qtbot.waitUntil(lambda: w.plan_panel.list.count() == 0)
    assert w.ws.actions() == {}


def test_go_to_the_plan_panel(letter_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = letter_window
    w.actions_["show_plan_panel"].trigger()
    assert w.right_tabs.currentWidget() is w.plan_panel and w.plan_panel.list.hasFocus()


def test_the_library_plan_by_due_date_with_filters(letter_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = letter_window
    a = _finding(w)
    b = _finding(w, "Too many plans", "priority")
    w.ws.add_action(b.id, "Later one", "Kim", "2999-01-01", "red")
    w.ws.add_action(a.id, "Late one", "Sam", "2000-01-01", "amber")
    w.ws.add_action(a.id, "Done one", "Sam", "2001-01-01", "complete")
    w.actions_["action_plan"].trigger()
    ov = w.reviews.overview
    qtbot.waitUntil(lambda: ov.isVisible())
    view = ov.plan
    assert ov.tabs.currentWidget() is view
    tree = view.tree
    rows = [[tree.topLevelItem(i).text(c) for c in range(7)] for i in range(tree.topLevelItemCount())]
    assert [r[2] for r in rows] == ["Late one", "Done one", "Later one"]  # by due date
    assert rows[0][0] == "1 Jan 2000  ⚠ overdue" and rows[1][0] == "1 Jan 2001"  # complete is never overdue
    assert rows[0][1] == "Amber" and rows[0][3] == "Sam" and "Management oversight" in rows[0][4]
    assert rows[0][5] == w.lib.display_title(w.onscreen.letter_id)
    assert rows[0][6].startswith("Management oversight and supervision")
    assert rows[2][6].startswith("The quality of child protection and child in need plans")  # on its subject
    assert "3</b> actions, <b>1</b> overdue" in view.note.text()
    view.overdue_only.setChecked(True)
    assert tree.topLevelItemCount() == 1 and tree.topLevelItem(0).text(2) == "Late one"
    view.overdue_only.setChecked(False)
    view.status.setCurrentIndex(view.status.findData("open"))
    assert [tree.topLevelItem(i).text(2) for i in range(tree.topLevelItemCount())] == ["Late one", "Later one"]
    view.status.setCurrentIndex(view.status.findData("red"))
    assert [tree.topLevelItem(i).text(2) for i in range(tree.topLevelItemCount())] == ["Later one"]
    # a change anywhere shows up in the plan
    w.ws.add_action(b.id, "Another red", "Kim", "2998-01-01", "red")
    qtbot.waitUntil(lambda: tree.topLevelItemCount() == 2, timeout=3000)
    # double-click goes to the finding in its letter
    item = tree.topLevelItem(1)
    assert item.data(0, ANN_ROLE) == b.id
    view._activated(item)
    qtbot.waitUntil(lambda: w.panel.selected_ids() == [b.id])
    assert w.plan_panel.annotation_id == b.id
    ov.close()


def test_overdue_is_against_today(qtbot, ws, samples) -> None:  # type: ignore[no-untyped-def]
    """The panel on its own (a workspace, no window): what is overdue depends on the day it is shown."""
    from reviewer.ui.annotate.plan_panel import PlanPanel

    ws.set_auditor("Meg Manager")
    letter, _new, _ = ws.add_file(samples / "thornbury_vale_2025_focused_visit.pdf")
    ann = ws.tag_quote(letter, BULLET, ["planning"], "improvement")
    ws.add_action(ann.id, "Audit", "Sam", "2026-03-01", "red")
    day = [date(2026, 2, 1)]
    panel = PlanPanel(ws, today=lambda: day[0])
    qtbot.addWidget(panel)
    panel.show_findings([ann.id])
    assert panel.count.text() == "1 action"
    day[0] = date(2026, 3, 4)
    panel.refresh()
    assert panel.count.text() == "1 action · 1 overdue"
    assert "Overdue by 3 days" in panel.list.item(0).data(Qt.ItemDataRole.AccessibleTextRole)


def test_delete_in_the_plan_list_deletes_the_action_never_the_finding(letter_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = letter_window
    ann = _finding(w)
    w.ws.add_action(ann.id, "Monthly oversight audit", "Sam", "2999-01-01", "amber")
    _select(w, qtbot, ann.id)
    w.actions_["show_plan_panel"].trigger()
    qtbot.waitUntil(lambda: w.plan_panel.list.count() == 1)
    w.plan_panel.list.setCurrentRow(0)
    w.plan_panel.list.setFocus()
    qtbot.keyClick(w.plan_panel.list, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: w.ws.actions() == {})
    assert ann.id in w.lib.annotations, "Delete in the plan deleted the finding"


def test_with_no_finding_selected_the_panel_lists_the_letters_actions(letter_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    from reviewer.ui.annotate.plan_panel import FINDING_ROLE

    w = letter_window
    a = _finding(w)
    b = _finding(w, "Too many plans", "priority")
    w.ws.add_action(b.id, "Review every plan", "Kim", "2999-02-01", "red")
    w.ws.add_action(a.id, "Monthly oversight audit", "Sam", "2999-01-01", "amber")
    panel = w.plan_panel
    qtbot.waitUntil(lambda: panel.list.count() == 2)
    assert panel.letter_id == w.onscreen.letter_id and panel.annotation_id is None
    assert _texts(panel) == ["Monthly oversight audit", "Review every plan"]  # by due date
    assert panel.list.item(1).data(FINDING_ROLE).startswith("Answers p. 2: “Too many plans")
    assert not panel.add_btn.isEnabled() and "This letter's actions" in panel.finding.text()
    panel.list.setCurrentRow(1)
    _fill_and_accept(progress="Started")
    panel.update_selected()
    qtbot.waitUntil(lambda: [p.text for p in w.ws.actions_for()[1].progress] == ["Started"])
    _select(w, qtbot, a.id)
    assert _texts(panel) == ["Monthly oversight audit"] and panel.list.item(0).data(FINDING_ROLE) is None


def test_update_edits_the_text_and_owner_as_one_step(letter_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = letter_window
    panel = w.plan_panel
    ann = _finding(w)
    act = w.ws.add_action(ann.id, "Monthly oversight audit", "Sam Owner", "2999-01-31", "amber")
    _select(w, qtbot, ann.id)
    qtbot.waitUntil(lambda: panel.list.count() == 1)
    panel.list.setCurrentRow(0)

    seen = {}

    def look_then_fill() -> None:
        dlg = next(x for x in QApplication.topLevelWidgets() if isinstance(x, ActionDialog) and x.isVisible())
        seen.update(text=dlg.text.toPlainText(), owner=dlg.owner.text(), readonly=dlg.text.isReadOnly())
        dlg.text.setPlainText("Fortnightly oversight audit")
        dlg.owner.setText("Kim Lead")
        dlg.progress.setPlainText("Moved to fortnightly")
        dlg._accept()

    QTimer.singleShot(50, look_then_fill)
    panel.update_selected()
    assert seen == {"text": "Monthly oversight audit", "owner": "Sam Owner", "readonly": False}
    qtbot.waitUntil(lambda: w.ws.action(act.id).owner == "Kim Lead")
    after = w.ws.action(act.id)
    assert (after.text, after.status, after.due) == ("Fortnightly oversight audit", "amber", "2999-01-31")
    assert [p.text for p in after.progress] == ["Moved to fortnightly"]
    assert [h.text for h in after.history] == ["Monthly oversight audit"]
    qtbot.waitUntil(lambda: _texts(panel) == ["Fortnightly oversight audit"])
    w.history.undo()  # one Ctrl+Z takes back text, owner and note together
    qtbot.waitUntil(lambda: w.ws.action(act.id) == act)
    qtbot.waitUntil(lambda: _texts(panel) == ["Monthly oversight audit"])


def test_update_refuses_an_emptied_text(qtbot) -> None:  # type: ignore[no-untyped-def]
    from reviewer.core.annotations.actions import new_action

    act = new_action("ann1", "Audit plans", "Sam", "2999-01-01", "red", by="Kim")
    dlg = ActionDialog("a finding", act)
    qtbot.addWidget(dlg)
    assert dlg.values() == {}  # opened and closed: nothing changed
    dlg.text.setPlainText("  ")
    dlg._accept()
    assert dlg.result() != ActionDialog.DialogCode.Accepted and "Say what will be done" in dlg.error.text()
    dlg.text.setPlainText("Audit every plan")
    dlg.owner.setText("")
    assert dlg.values() == {"text": "Audit every plan", "owner": ""}


@pytest.mark.parametrize("due", ["0025-03-01", "1700-01-01", "9999-12-31"])
def test_update_keeps_a_due_date_outside_the_usual_calendar(qtbot, due: str) -> None:  # type: ignore[no-untyped-def]
    """An attack found it: an action due "0025-03-01" (a slip of the year, which the command line and packs
    accept) was saved as due 1752-09-14 by an Update… that only added a progress note."""
    from reviewer.core.annotations.actions import new_action

    dlg = ActionDialog("a finding", new_action("ann1", "Audit plans", "Sam", due, "red", by="Kim"))
    qtbot.addWidget(dlg)
    assert dlg.values() == {}


def test_keys_reach_a_single_action(letter_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Driving the window by keys (the manager's journey): a new action is selected with the keyboard on the
    list, so F2 updates it; and arriving at a list with nothing selected selects the card the view is on
    (Down from the only card moved nowhere, so Enter had nothing to update)."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QFocusEvent

    w = letter_window
    panel = w.plan_panel
    ann = _finding(w)
    _select(w, qtbot, ann.id)
    _fill_and_accept(text="Monthly oversight audit", owner="Sam")
    panel.add()
    (act,) = w.ws.actions().values()
    assert panel.selected_id() == act.id
    panel.list.clearSelection()
    assert panel.selected_id() is None
    QApplication.sendEvent(panel.list, QFocusEvent(QEvent.Type.FocusIn, Qt.FocusReason.ShortcutFocusReason))
    assert panel.selected_id() == act.id


def test_ctrl_enter_saves_from_the_progress_note(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Enter in a text box starts a new line; Ctrl+Enter saves from anywhere (as in the tag dialog; the
    manager's journey presses it on a real display)."""
    from PySide6.QtGui import QKeySequence, QShortcut

    from reviewer.core.annotations.actions import new_action

    act = new_action("ann1", "Audit plans", "Sam", "2999-01-01", "red", by="Kim")
    dlg = ActionDialog("a finding", act)
    qtbot.addWidget(dlg)
    dlg.progress.setPlainText("Half done")
    keys = {sc.key().toString(): sc for sc in dlg.findChildren(QShortcut)}
    assert {"Ctrl+Return", "Ctrl+Enter"} <= set(keys)
    keys[QKeySequence("Ctrl+Return").toString()].activated.emit()
    assert dlg.result() == ActionDialog.DialogCode.Accepted
    assert dlg.values() == {"progress": "Half done"}


def test_esc_closes_the_overview(letter_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QKeySequence, QShortcut

    w = letter_window
    w.actions_["action_plan"].trigger()
    ov = w.reviews.overview
    qtbot.waitUntil(lambda: ov.isVisible())
    keys = {sc.key().toString(): sc for sc in ov.findChildren(QShortcut)}
    assert QKeySequence(QKeySequence.StandardKey.Close).toString() in keys
    keys[QKeySequence(Qt.Key.Key_Escape).toString()].activated.emit()
    assert not ov.isVisible()


def test_the_library_plan_scrolls_sideways_to_every_column_when_they_do_not_fit(letter_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    """A narrow overview: the table scrolls sideways, and the last column (the inspectors' item) keeps a
    readable width rather than falling to a sliver; a wide one: the last column fills the rest, and
    narrowing again brings the scrollbar back."""
    from reviewer.ui.manager.plan_view import ITEM_WIDTH

    w = letter_window
    a = _finding(w)
    w.ws.add_action(a.id, "Audit every pathway plan " * 4, "Head of Service for Care Leavers", "2000-01-01", "amber")
    w.actions_["action_plan"].trigger()
    ov = w.reviews.overview
    qtbot.waitUntil(lambda: ov.isVisible())
    tree = ov.plan.tree
    h, last = tree.header(), tree.columnCount() - 1

    def fits() -> bool:
        return sum(h.sectionSize(c) for c in range(tree.columnCount())) <= tree.viewport().width()

    ov.resize(700, 500)
    qtbot.waitUntil(lambda: tree.horizontalScrollBar().maximum() > 0)
    assert h.sectionSize(last) == ITEM_WIDTH and not fits()
    ov.resize(2400, 600)
    qtbot.waitUntil(lambda: tree.horizontalScrollBar().maximum() == 0)
    assert h.sectionSize(last) > ITEM_WIDTH and fits()  # the last column fills the width
    ov.resize(700, 500)
    qtbot.waitUntil(lambda: h.sectionSize(last) == ITEM_WIDTH)
    assert tree.horizontalScrollBar().maximum() > 0


@pytest.mark.parametrize(("typed", "due"), [("15 March 2027", "2027-03-15"), ("15/03/2027", "2027-03-15"),
                                            ("15Jan2027", "2027-01-15"), ("Monday 15th March 2027", "2027-03-15"),
                                            ("March 15, 2027", "2027-03-15"), ("3 Sept 27", "2027-09-03")])
def test_the_due_date_is_typed_as_people_write_dates(qtbot, typed: str, due: str) -> None:  # type: ignore[no-untyped-def]
    """A QDateEdit took "15 March 2027", typed, as 15 January of the year it showed: the month's name went
    nowhere. The due box reads a date as people write one, and shows it back as it read it."""
    dlg = ActionDialog("a finding")
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.activateWindow()
    qtbot.waitUntil(dlg.isActiveWindow)
    dlg.text.setPlainText("Audit every plan")
    dlg.due.setFocus()
    dlg.due.edit.selectAll()
    qtbot.keyClicks(dlg.due.edit, typed)
    qtbot.keyClick(dlg.due.edit, Qt.Key.Key_Tab)
    assert dlg.values()["due"] == due
    assert dlg.due.edit.text() == f"{int(due[8:])} {date.fromisoformat(due):%b} {due[:4]}"


def test_a_due_date_that_is_no_date_is_said_and_nothing_saved(qtbot) -> None:  # type: ignore[no-untyped-def]
    dlg = ActionDialog("a finding")
    qtbot.addWidget(dlg)
    dlg.text.setPlainText("Audit every plan")
    for typed in ("31 February 2027", "next Friday", "", "15/03/0027", "1 May 9999"):  # (no plan is due in 27 AD)
        dlg.due.edit.setText(typed)
        dlg._accept()
        assert dlg.result() != ActionDialog.DialogCode.Accepted
        assert "is not a date" in dlg.error.text() and "15 March 2027" in dlg.error.text()
    dlg.due.edit.setText("28/2/2027")
    dlg._accept()
    assert dlg.result() == ActionDialog.DialogCode.Accepted and dlg.values()["due"] == "2027-02-28"


def test_the_calendar_picks_a_due_date(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QDate
    from PySide6.QtWidgets import QCalendarWidget, QMenu

    dlg = ActionDialog("a finding")
    qtbot.addWidget(dlg)
    dlg.show()

    def pick() -> None:
        menu = next(x for x in QApplication.topLevelWidgets() if isinstance(x, QMenu) and x.isVisible())
        cal = menu.findChild(QCalendarWidget)
        cal.setSelectedDate(QDate(2027, 4, 30))
        cal.activated.emit(cal.selectedDate())

    QTimer.singleShot(100, pick)
    dlg.due.edit.setFocus()
    qtbot.keyClick(dlg.due.edit, Qt.Key.Key_F4)
    assert dlg.due.iso() == "2027-04-30" and dlg.due.edit.text() == "30 Apr 2027"


def test_the_library_plan_shares_its_width_and_keeps_a_dragged_column(letter_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    """At the overview's own size the columns fit without scrolling sideways, the action and the finding
    widest; a column the manager drags keeps its width as the window grows, and the last column fills the
    rest."""
    w = letter_window
    a = _finding(w)
    w.ws.add_action(a.id, "Audit ten plans a month with team managers", "Priya Holloway", "2027-01-15", "amber")
    w.actions_["action_plan"].trigger()
    ov = w.reviews.overview
    qtbot.waitUntil(lambda: ov.isVisible())
    tree = ov.plan.tree
    h, last = tree.header(), tree.columnCount() - 1
    qtbot.waitUntil(lambda: tree.topLevelItemCount() == 1)
    assert tree.topLevelItem(0).text(0) == "15 Jan 2027"
    ov.resize(980, 720)  # its own size (the test's screen is smaller)
    qtbot.waitUntil(lambda: tree.horizontalScrollBar().maximum() == 0)
    assert h.sectionSize(2) > h.sectionSize(3) and h.sectionSize(4) > h.sectionSize(5)
    ov.resize(ov.width() + 400, ov.height())
    qtbot.waitUntil(lambda: tree.horizontalScrollBar().maximum() == 0 and h.sectionSize(2) > 260)
    h.resizeSection(3, 150)  # the manager drags the owner's column
    ov.resize(ov.width() + 300, ov.height())
    qtbot.waitUntil(lambda: sum(h.sectionSize(c) for c in range(last + 1)) == tree.viewport().width())
    assert h.sectionSize(3) == 150


def test_the_whole_plan_shows_progress_and_a_challenged_finding(letter_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    """A manager's helper looked in the Whole Plan for how each action was going (only a tooltip said) and
    could not see that the finding an action answers had been challenged."""
    w = letter_window
    a = _finding(w)
    act = w.ws.add_action(a.id, "Audit ten plans a month", "Priya Holloway", "2027-01-15", "amber")
    w.ws.update_action(act.id, progress="First audit done: 4 of 10 plans")
    w.ws.review([a.id], "challenged", "Evidence is thin", reviewer="Meg Manager")
    w.actions_["action_plan"].trigger()
    ov = w.reviews.overview
    qtbot.waitUntil(lambda: ov.isVisible())
    tree = ov.plan.tree
    qtbot.waitUntil(lambda: tree.topLevelItemCount() == 1)
    row = tree.topLevelItem(0)
    assert row.text(2).startswith("Audit ten plans a month\nLatest progress, ")
    assert row.text(2).endswith(": First audit done: 4 of 10 plans")
    assert row.text(4).startswith("⚠ Challenged — Area for improvement, p. ")


def test_a_click_on_a_highlight_chooses_its_finding_for_the_plan(letter_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    """A held-out session (stop 44): clicking a finding's highlight in the letter left the Plan panel on the
    finding chosen before; the auditor had to find it again in Annotations. A click (not a drag) on a highlight
    chooses its annotation, as Acrobat's comments list does, and the Plan panel follows; the letter stays."""
    from PySide6.QtCore import QPointF

    w = letter_window
    first = _finding(w)
    second = w.ws.tag_quote(w.lib.letters[w.onscreen.letter_id], "Too many plans are lists of services",
                            ["planning"], "improvement")
    _select(w, qtbot, first.id)
    view = w.view
    qtbot.waitUntil(lambda: len(view.marks.highlights) == 2)
    view.scroll_to_range(second.start, second.end)
    qtbot.wait(50)
    page, (x0, y0, x1, y1) = w.onscreen.layout.rects(second.start, second.end)[0]
    r = view._page_rect(page)
    at = QPointF(r.left() + (x0 + 3) * view.zoom, r.top() + (y0 + y1) / 2 * view.zoom).toPoint()
    scrolled = view.verticalScrollBar().value()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=at)
    qtbot.waitUntil(lambda: w.plan_panel.annotation_id == second.id)
    assert w.panel.selected_ids() == [second.id] and "Too many plans" in w.plan_panel.finding.text()
    assert view.verticalScrollBar().value() == scrolled and not view.selected_text()


@pytest.mark.parametrize("width", [260, 300, 340])
def test_an_overdue_cards_due_line_fits_the_card(qtbot, width: int) -> None:  # type: ignore[no-untyped-def]
    """A manager's Plan tab at 1024 pixels read "Due 1 Oct 2026 · ⚠ Overdue by 59 days" cut at the card's edge
    with no "…": the bold overdue line was shortened as if in the plain font. Every line of a card fits its box."""
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QFontMetrics, QImage, QPainter, QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QListView, QStyleOptionViewItem

    from reviewer.core.annotations.actions import Action
    from reviewer.ui.annotate.plan_panel import ACTION_ROLE, ActionCardDelegate

    class Recording(QPainter):
        def __init__(self, device: QImage) -> None:
            super().__init__(device)
            self.said: list[tuple[QRect, object, str]] = []

        def drawText(self, *args):  # type: ignore[no-untyped-def]  # noqa: N802
            if len(args) == 3 and isinstance(args[0], QRect):
                self.said.append((QRect(args[0]), self.font(), args[2]))
            return super().drawText(*args)

    view = QListView()
    qtbot.addWidget(view)
    late = Action("a1", "n1", "Appoint a permanent head of service", "Director of Children's Services", "2026-10-01",
                  "amber")
    model = QStandardItemModel()
    item = QStandardItem()
    item.setData(late, ACTION_ROLE)
    model.appendRow(item)
    delegate = ActionCardDelegate(lambda: date(2026, 11, 29))
    option = QStyleOptionViewItem()
    option.initFrom(view)
    option.rect = QRect(0, 0, width, 120)
    image = QImage(width, 120, QImage.Format.Format_ARGB32)
    painter = Recording(image)
    try:
        delegate.paint(painter, option, model.index(0, 0))
    finally:
        painter.end()
    due = next((r, f, t) for r, f, t in painter.said if t.startswith("Due"))
    for rect, font, text in painter.said:
        assert QFontMetrics(font).horizontalAdvance(text) <= rect.width(), (text, rect.width())
    assert "Overdue" in due[2] or due[2].endswith("…")
