"""One window per library: a second launch hands its files to the window that has the library open.

Double-clicking a letter, "Open with" and `reviewer FILE` while Reviewer is open start a second
process, which the library's lock would refuse. Instead the window listens on a local socket named
from its library's path (and the user), and a new launch on the same library first offers it the
files: the window raises itself and opens them (once any open dialog is closed), and the new process
quits. When no window answers, the launch goes on as usual.
"""

from __future__ import annotations

import getpass
import hashlib
import json
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QApplication, QWidget

REPLY_MS = 5000  # a busy window still answers between two events


def server_name(library: Path) -> str:
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = ""
    key = f"{user}\0{library.expanduser().resolve()}"
    return "reviewer-" + hashlib.sha256(key.encode()).hexdigest()[:24]


def hand_over(library: Path, files: list[Path], timeout_ms: int = 1500) -> bool:
    """Give ``files`` (none: just come forward) to the window that has ``library`` open.
    False when no window has it open, or none answered."""
    sock = QLocalSocket()
    sock.connectToServer(server_name(library))
    if not sock.waitForConnected(timeout_ms):
        return False
    message = {"files": [str(Path(f).expanduser().absolute()) for f in files]}
    sock.write(json.dumps(message).encode() + b"\n")
    sock.flush()
    reply = b""
    while not reply.endswith(b"\n") and sock.waitForReadyRead(REPLY_MS):
        reply += bytes(sock.readAll().data())
    sock.disconnectFromServer()
    return reply.strip() == b"ok"


def bring_forward(window: QWidget) -> None:
    window.setWindowState((window.windowState() & ~Qt.WindowState.WindowMinimized) | Qt.WindowState.WindowActive)
    window.show()
    window.raise_()
    window.activateWindow()


class Listener(QObject):
    """Takes launches on ``library``: brings ``window`` forward and passes their files to ``receive``."""

    def __init__(self, library: Path, window: QWidget, receive: Callable[[list[Path]], None]) -> None:
        super().__init__(window)
        self.target, self.receive = window, receive
        self._buffers: dict[QLocalSocket, bytes] = {}
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        name = server_name(library)
        if not self.server.listen(name):
            QLocalServer.removeServer(name)  # left by a window that crashed (a live one would have answered)
            self.server.listen(name)
        self.server.newConnection.connect(self._connected)

    def _connected(self) -> None:
        while (sock := self.server.nextPendingConnection()) is not None:
            self._buffers[sock] = b""
            sock.readyRead.connect(lambda s=sock: self._read(s))
            sock.disconnected.connect(lambda s=sock: (self._buffers.pop(s, None), s.deleteLater()))

    def _read(self, sock: QLocalSocket) -> None:
        got = self._buffers.get(sock, b"") + bytes(sock.readAll().data())
        self._buffers[sock] = got
        if not got.endswith(b"\n"):
            return
        try:
            files = [Path(f) for f in json.loads(got)["files"]]
        except (ValueError, KeyError, TypeError):
            sock.write(b"no\n")
            return
        sock.write(b"ok\n")
        sock.flush()
        bring_forward(self.target)
        if files:
            self._deliver(files)

    def _deliver(self, files: list[Path]) -> None:
        if QApplication.activeModalWidget() is not None:  # a dialog (the tag dialog holds this letter's text) first
            QTimer.singleShot(300, self, lambda: self._deliver(files))
            return
        self.receive(files)
