"""Every menu's access keys are its own (an Acrobat user pressed Alt+E, F for Find and was left on a menu
item waiting for a second F: "&Find" and "Pre&ferences" shared one; the View menu's Library Pane and Action
Plan shared L), and a recent letter's "&" is a letter of its title, not an access key."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtWidgets import QMenu  # noqa: E402


def access_key(text: str) -> str | None:
    """The key Qt underlines in ``text``: the character after the first "&" that is not "&&"."""
    i = 0
    while i < len(text) - 1:
        if text[i] == "&":
            if text[i + 1] == "&":
                i += 2
                continue
            return text[i + 1].lower()
        i += 1
    return None


def _clashes(menu: QMenu) -> list[str]:
    """Items of ``menu`` (and of each menu within it) whose access keys another item of the same menu has."""
    menu.aboutToShow.emit()  # (a menu filled as it opens: File > Open Recent)
    seen: dict[str, str] = {}
    out = []
    for act in menu.actions():
        if act.isSeparator():
            continue
        key = access_key(act.text())
        if key is not None:
            if key in seen:
                out.append(f"{menu.title()!r}: {seen[key]!r} and {act.text()!r} share {key!r}")
            seen.setdefault(key, act.text())
        if act.menu() is not None:
            out += _clashes(act.menu())
    return out


def test_access_keys_are_unique_in_every_menu(make_window, samples: Path) -> None:
    from reviewer.ui.shell.welcome import remember_letter

    window = make_window([samples / "thornbury_vale_2025_focused_visit.pdf"])
    for letter_id in window.lib.letters:
        remember_letter(window.settings, letter_id)
    bar = window.menuBar()
    titles = [access_key(a.text()) for a in bar.actions() if a.menu() is not None]
    assert None not in titles and len(set(titles)) == len(titles), titles
    problems = [p for a in bar.actions() if a.menu() is not None for p in _clashes(a.menu())]
    for name in ("What needs to improve", "Recommendations", "Areas for improvement", None):  # Accept All, renamed
        window._name_accept_all(name)
        problems += _clashes(next(a.menu() for a in bar.actions() if a.menu() and "Annotate" in a.text()))
    assert not problems, "\n".join(problems)


def test_a_recent_letters_ampersand_is_part_of_its_title(make_window, samples: Path, monkeypatch) -> None:
    from reviewer.ui.shell.welcome import remember_letter

    window = make_window([samples / "thornbury_vale_2025_focused_visit.pdf"])
    letter_id = next(iter(window.lib.letters))
    monkeypatch.setattr(window.lib, "display_title", lambda _id: "Bath & North East Somerset")
    remember_letter(window.settings, letter_id)
    recent = window.findChild(QMenu, "recentMenu")
    recent.aboutToShow.emit()
    first = recent.actions()[0]
    assert access_key(first.text()) == "1" and "Bath && North" in first.text()
