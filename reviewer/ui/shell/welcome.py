"""The welcome page: where a first run starts, and where Help > Welcome returns.

It asks the auditor's name once (the author of every annotation), offers the sample letters and the
letters opened recently, says where the library lives, and points at the few keys that matter.
Recent letters are kept here too (Qt settings: which letters this person opened, not domain data).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QAction, QIcon, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QBoxLayout,
    QCheckBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from reviewer.core.annotations.library import Library
from reviewer.core.annotations.model import Letter
from reviewer.resources import icon_path, sample_letters
from reviewer.ui.kit.desk import Desk, OnScreen
from reviewer.ui.kit.look import show_folder_button
from reviewer.core.text.words import counted

RECENT_KEY = "session/recent"
RECENT_MAX = 10
NARROW = 640  # pixels across the page below which it reflows: a 1024-pixel window gives it some 490


def remember_letter(settings: QSettings, letter_id: str) -> None:
    ids = [i for i in recent_ids(settings) if i != letter_id]
    settings.setValue(RECENT_KEY, [letter_id, *ids][:RECENT_MAX])


def recent_ids(settings: QSettings) -> list[str]:
    value = settings.value(RECENT_KEY, [])
    if isinstance(value, str):  # one entry comes back from INI files as a plain string
        value = [value] if value else []
    return [str(v) for v in value] if isinstance(value, (list, tuple)) else []  # (a number there: none)


def fill_recent_menu(menu: QMenu, desk: Desk, open_letter: Callable[[str], None]) -> None:
    """File > Recent Letters, filled as it opens: the letters still in the library, newest first."""
    menu.clear()
    lib, settings = desk.lib, desk.settings
    letters = [lib.letters[i] for i in recent_ids(settings) if i in lib.letters]
    for n, letter in enumerate(letters, 1):
        title = lib.display_title(letter.id).replace("&", "&&")  # ("Bath & North East Somerset": no access key)
        act = menu.addAction(f"&{n % 10} {title}" if n <= 10 else title)
        act.setToolTip(describe(letter))
        act.triggered.connect(lambda _c=False, lid=letter.id: open_letter(lid))
    if not letters:
        menu.addAction("No recent letters").setEnabled(False)
    else:
        menu.addSeparator()
        menu.addAction("Clear Recent Letters", lambda: settings.setValue(RECENT_KEY, []))


def describe(letter: Letter) -> str:
    m = letter.meta
    when = (m.published or m.visit_end or m.visit_start or "")[:10]
    return " · ".join(x for x in (m.authority, m.doc_type, when) if x) or letter.source


def _card(title: str) -> tuple[QFrame, QVBoxLayout]:
    frame = QFrame()
    frame.setObjectName("welcomeCard")
    lay = QVBoxLayout(frame)
    lay.setContentsMargins(16, 12, 16, 14)
    head = QLabel(title)
    head.setObjectName("panelTitle")
    lay.addWidget(head)
    lay.setAlignment(Qt.AlignmentFlag.AlignTop)
    return frame, lay


class WelcomePage(QScrollArea):
    """``actions``: the buttons under the letters (Open Letter, Import Folder, Open Audit Pack)."""

    openLetter = Signal(str)
    addSamples = Signal()  # the sample letters asked for, in a library that has none of them
    backRequested = Signal()  # Back to the Letter, or Esc

    def __init__(self, desk: Desk, onscreen: OnScreen, actions: Sequence[QAction]) -> None:
        super().__init__()
        self.desk, self.onscreen = desk, onscreen
        self.lib: Library = desk.lib
        self.setObjectName("welcomePage")
        self.setAccessibleName("Welcome")
        self.setAccessibleDescription("Your name, sample and recent letters, and where your library lives")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        inner = QWidget()
        inner.setObjectName("welcomeInner")
        self.setWidget(inner)

        icon = QLabel()
        icon.setPixmap(QIcon(str(icon_path("reviewer"))).pixmap(64, 64))
        title = QLabel("<span style='font-size:20pt; font-weight:600'>Welcome to Reviewer</span><br/>"
                       "Read inspection letters, tag what matters with themes and a severity, and send your "
                       "manager an audit pack.")
        title.setWordWrap(True)
        head = QHBoxLayout()
        head.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        head.addSpacing(8)
        head.addWidget(title, 1)

        # you
        you, you_lay = _card("Your name")
        self.name_hint = QLabel()
        self.name_hint.setWordWrap(True)
        self.name = QLineEdit(placeholderText="e.g. Sam Patel")
        self.name.setAccessibleName("Your name")
        self.name.setToolTip("Shown as the author of your annotations, in exports and in audit packs")
        self.save_name = QPushButton("Save Name", toolTip="Keep this name for your annotations")
        self.save_name.clicked.connect(self._save_name)
        self.name.returnPressed.connect(self._save_name)
        row = QHBoxLayout()
        row.addWidget(self.name, 1)
        row.addWidget(self.save_name)
        you_lay.addWidget(self.name_hint)
        you_lay.addLayout(row)

        # letters
        letters, letters_lay = _card("Start with a letter")
        self.letters = QListWidget()
        self.letters.setObjectName("welcomeLetters")
        self.letters.setAccessibleName("Sample and recent letters")
        self.letters.setToolTip("Enter or double-click opens the letter")
        self.letters.itemActivated.connect(lambda item: self.openLetter.emit(item.data(Qt.ItemDataRole.UserRole)))
        self.letters.setSpacing(3)
        self.letters.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.letters.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.empty = QLabel()
        self.empty.setObjectName("welcomeEmpty")
        self.empty.setWordWrap(True)
        self.empty.setAccessibleName("No letters yet")
        buttons = QHBoxLayout()
        self.buttons: list[QPushButton] = []
        for action in actions:
            b = QPushButton(action.text().replace("&", ""))
            self.buttons.append(b)
            b.setToolTip(action.toolTip())
            b.clicked.connect(action.trigger)
            buttons.addWidget(b)
        buttons.addStretch(1)
        # (a library of one's own starts without the samples: a new user's welcome page listed only his report,
        # where the README promised the samples)
        self.samples = QPushButton("Add the Sample Letters", toolTip="Add the letters about fictional councils that "
                                   "come with Reviewer, to try it on")
        self.samples.clicked.connect(self.addSamples)
        self._buttons, self._samples_row = buttons, QHBoxLayout()  # the samples' button: at the end, or below
        self._samples_row.addStretch(1)
        letters_lay.addWidget(self.letters)
        letters_lay.addWidget(self.empty)
        letters_lay.addLayout(buttons)
        letters_lay.addLayout(self._samples_row)

        # library and keys
        where, where_lay = _card("Your library")
        self.where = QLabel()
        self.where.setWordWrap(True)
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.where.setAccessibleName("Where the library lives")
        show = show_folder_button(desk.store.path.parent)
        where_lay.addWidget(self.where)
        where_lay.addWidget(show, 0, Qt.AlignmentFlag.AlignLeft)
        keys, keys_lay = _card("A few keys")
        grid = QGridLayout()
        for r, (key, what) in enumerate((("Ctrl+O", "open a letter"), ("triple-click", "select a sentence"),
                                         ("Ctrl+T", "tag the selection"), ("Alt+1…4", "tag as a severity"),
                                         ("Alt+Down", "next suggestion"), ("F1", "every shortcut"))):
            k = QLabel(f"<b>{key}</b>")
            grid.addWidget(k, r, 0)
            grid.addWidget(QLabel(what), r, 1)
        grid.setColumnStretch(1, 1)
        keys_lay.addLayout(grid)
        self._lower = lower = QBoxLayout(QBoxLayout.Direction.LeftToRight)  # side by side, or one above the other
        lower.addWidget(where, 3)
        lower.addWidget(keys, 2)
        lower.setAlignment(Qt.AlignmentFlag.AlignTop)

        self.back = QPushButton("Back to the Letter", toolTip="Return to the letter you were reading (Esc)")
        self.back.clicked.connect(self.backRequested)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.backRequested.emit,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        head.addWidget(self.back, 0, Qt.AlignmentFlag.AlignTop)

        self.show_at_start = QCheckBox("Show this page when Reviewer starts")
        self.show_at_start.setToolTip("Otherwise Reviewer reopens the letter you were reading")
        self.show_at_start.setChecked(desk.settings.value("prefs/show_welcome", False) in (True, "true"))
        self.show_at_start.toggled.connect(lambda on: desk.settings.setValue("prefs/show_welcome", on))

        self._lay = lay = QVBoxLayout(inner)
        lay.setSpacing(14)
        lay.addLayout(head)
        lay.addWidget(you)
        lay.addWidget(letters)
        lay.addLayout(lower)
        lay.addWidget(self.show_at_start)
        lay.addStretch(1)
        inner.setMaximumWidth(860)
        self.setStyleSheet("QFrame#welcomeCard { background: palette(base); border: 1px solid palette(mid);"
                           " border-radius: 6px; }"
                           # (the name field and the letters' list are base on base: in the dark appearance a new
                           # user could not see where either was)
                           " QFrame#welcomeCard QLineEdit, QFrame#welcomeCard QListWidget {"
                           " border: 1px solid palette(mid); border-radius: 3px; padding: 2px; }")
        self._narrow: bool | None = None
        self._reflow(narrow=False)
        self.refresh()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        self._reflow(event.size().width() < NARROW)
        super().resizeEvent(event)

    def _reflow(self, narrow: bool) -> None:
        """Laid out for the room there is: on a 1024-pixel laptop the page beside the panes has some 490 pixels,
        where the wide layout needs 618 (it scrolled sideways, "Save Name" and the samples' button cut off). Narrow,
        its margins shrink, the samples' button goes below the others and the library's card above the keys'."""
        if narrow == self._narrow:
            return
        self._narrow = narrow
        side = 12 if narrow else 40
        self._lay.setContentsMargins(side, 16 if narrow else 28, side, 16 if narrow else 28)
        self._lower.setDirection(QBoxLayout.Direction.TopToBottom if narrow else QBoxLayout.Direction.LeftToRight)
        (self._samples_row if narrow else self._buttons).addWidget(self.samples)

    def refresh(self) -> None:
        desk = self.desk
        name = self.lib.settings.get("auditor", "")
        self.name_hint.setText(f"Your annotations are signed <b>{name}</b>. Change it here or in Edit > Preferences."
                               if name else "Reviewer signs each annotation with your name. Type it once:")
        self.back.setVisible(bool(self.onscreen.letter_id))
        if not self.name.hasFocus():
            self.name.setText(name)
        self.letters.clear()
        samples = {p.name for p in sample_letters()}
        self.samples.setVisible(bool(samples) and not any(x.source in samples for x in self.lib.letters.values()))
        recent = [self.lib.letters[i] for i in recent_ids(desk.settings) if i in self.lib.letters]
        shown = set()
        for letter in recent:
            self._add(letter.id, self.lib.display_title(letter.id), "opened recently")
            shown.add(letter.id)
        for letter in self.lib.letters_sorted():
            if letter.source in samples and letter.id not in shown:
                self._add(letter.id, self.lib.display_title(letter.id), "sample")
                shown.add(letter.id)
        if not shown:  # a library of its own, nothing opened here yet: its first letters
            for letter in self.lib.letters_sorted()[:RECENT_MAX]:
                self._add(letter.id, self.lib.display_title(letter.id), "in your library")
        if self.letters.count():
            self.letters.setCurrentRow(0)
        self.letters.setVisible(bool(self.letters.count()))
        self.empty.setVisible(not self.letters.count())
        self.empty.setText("Your library has no letters yet. Open an inspection letter — a PDF as published, a Word "
                           "document (.docx) such as a committee report, or a text or Markdown file — with "
                           "<b>Open Letter</b> (Ctrl+O), add a whole folder of them with "
                           "<b>Import Folder</b>, or open an audit pack a colleague sent you with <b>Open Audit Pack</b>. "
                           "You can also drop files onto this window.")
        rows = max(3, min(8, self.letters.count()))
        self.letters.setFixedHeight(rows * (self.letters.fontMetrics().height() + 2 * self.letters.spacing() + 4) + 8)
        n = len(self.lib.letters)
        self.where.setText(f"{counted(n, 'letter')} and {counted(len(self.lib.annotations), 'annotation')}, kept in "
                           f"<code>{desk.store.path}</code> on this computer. Nothing is sent anywhere; "
                           "share your work as an audit pack (File > Export Audit Pack).")

    def _add(self, letter_id: str, title: str, what: str) -> None:
        item = QListWidgetItem(f"{title}  ·  {what}")
        item.setData(Qt.ItemDataRole.UserRole, letter_id)
        item.setToolTip(f"Open {title}")
        self.letters.addItem(item)

    def _save_name(self) -> None:
        name = self.name.text().strip()
        if name and name != self.lib.settings.get("auditor", ""):
            self.desk.ws.set_auditor(name, initiator=self)
            self.desk.tell(f"Your annotations will be signed {name}.", 5000)
        self.refresh()
        self.focus_first()

    def focus_first(self) -> None:
        """The keyboard where the page starts: the name until it is given, then the letters (or, with
        none yet, Open Letter)."""
        if not self.lib.settings.get("auditor"):
            self.name.setFocus()
        elif self.letters.count():
            self.letters.setFocus()
        else:
            self.buttons[0].setFocus()
