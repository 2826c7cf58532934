"""A real X display for the journey tests: Xvfb, a small window manager, input from xdotool only,
screenshots of the whole screen, and the installed `reviewer` started as a person would start it.

Nothing here reaches into the app: it sees windows, titles and pixels, and types and clicks.
Every wait polls and is bounded.
"""

from __future__ import annotations

import os
import re
import select
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import pymupdf

WINDOW_MANAGERS = ("openbox", "fluxbox", "matchbox-window-manager")
SCREEN = (1600, 1000)
T = TypeVar("T")


def missing_tools() -> str | None:
    """Why the journey cannot run here, or None."""
    if sys.platform != "linux":
        return "the journey needs an X server (Linux)"
    for tool, package in (("Xvfb", "xvfb"), ("xdotool", "xdotool")):
        if shutil.which(tool) is None:
            return f"{tool} is not installed (apt-get install {package}); the journey needs a real X display"
    if not any(shutil.which(wm) for wm in WINDOW_MANAGERS):
        return "no window manager (apt-get install openbox): dialogs need one to take focus"
    if shutil.which("import") is None:
        return "imagemagick's `import` is not installed (apt-get install imagemagick): it takes the screenshots"
    if not (Path(sys.executable).parent / "reviewer").exists():
        return "the `reviewer` command is not installed beside this Python (pip install -e .)"
    return None


def wait_for(what: str, probe: Callable[[], T | None], timeout: float = 10.0, every: float = 0.1) -> T:
    """Poll ``probe`` until it returns something truthy; fail with ``what`` after ``timeout`` seconds."""
    end = time.monotonic() + timeout
    while True:
        got = probe()
        if got:
            return got
        if time.monotonic() > end:
            raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(every)


@dataclass(frozen=True)
class Geometry:
    x: int
    y: int
    width: int
    height: int

    def at(self, fx: float, fy: float) -> tuple[int, int]:
        return round(self.x + self.width * fx), round(self.y + self.height * fy)


class Display:
    """Xvfb and a window manager, with xdotool and screenshots on it."""

    def __init__(self, screens: Path) -> None:
        self.screens = screens
        self.procs: list[subprocess.Popen[bytes]] = []
        self.step = 0
        read, write = os.pipe()
        self.procs.append(subprocess.Popen(
            ["Xvfb", "-displayfd", str(write), "-screen", "0", f"{SCREEN[0]}x{SCREEN[1]}x24", "-nolisten", "tcp"],
            pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=(screens / "xvfb.log").open("wb")))
        os.close(write)
        got = b""
        while not got.endswith(b"\n") and select.select([read], [], [], 15)[0]:  # the number, then a new line
            chunk = os.read(read, 32)
            if not chunk:
                break
            got += chunk
        os.close(read)  # only now: Xvfb dies if the pipe closes between its number and the new line
        number = got.decode().strip()
        if not number.isdigit():
            self.close()
            raise RuntimeError("Xvfb did not start")
        self.name = f":{number}"
        wm = next(w for w in WINDOW_MANAGERS if shutil.which(w))
        args = [wm, "--sm-disable"] if wm == "openbox" else [wm]
        self.procs.append(subprocess.Popen(args, env=self.env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        # a window manager announces itself with a supporting window; give it a moment to appear
        try:
            wait_for("the window manager", lambda: self.xdo("search", "--class", "openbox|fluxbox|matchbox",
                                                            check=False), timeout=5)
        except AssertionError:
            time.sleep(1)
        if self.procs[0].poll() is not None:
            raise RuntimeError(f"Xvfb stopped: {(screens / 'xvfb.log').read_text(errors='replace')[-500:]}")

    def env(self, **extra: str) -> dict[str, str]:
        keep = {k: v for k, v in os.environ.items()
                if not k.startswith(("QT_", "XDG_", "REVIEWER_", "WAYLAND")) and k not in ("DISPLAY", "HOME")}
        return {**keep, "DISPLAY": self.name, **extra}

    def close(self) -> None:
        for p in reversed(self.procs):
            if p.poll() is None:
                p.terminate()
                try:
                    p.wait(5)
                except subprocess.TimeoutExpired:
                    p.kill()

    # ------------------------------------------------------------ xdotool
    def xdo(self, *args: str, check: bool = True) -> str:
        done = subprocess.run(["xdotool", *args], env=self.env(), capture_output=True, text=True, timeout=20)
        if check and done.returncode != 0:
            raise AssertionError(f"xdotool {' '.join(args)} failed: {done.stderr.strip()}")
        return done.stdout.strip() if done.returncode == 0 else ""

    def key(self, *keys: str) -> None:
        """Press keys (xdotool names: ctrl+t, Return, alt+3, Down) on whatever has the focus."""
        self.xdo("key", "--delay", "60", *keys)
        time.sleep(0.15)

    def type(self, text: str) -> None:
        self.xdo("type", "--delay", "30", text)
        time.sleep(0.15)

    def click(self, x: int, y: int, times: int = 1) -> None:
        self.xdo("mousemove", str(x), str(y))
        time.sleep(0.1)
        self.xdo("click", "--repeat", str(times), "--delay", "90", "1")
        time.sleep(0.2)

    def active_name(self) -> str:
        wid = self.xdo("getactivewindow", check=False)
        return self.xdo("getwindowname", wid, check=False) if wid else ""

    def active_window(self) -> str:
        return self.xdo("getactivewindow", check=False)

    def wait_active(self, pattern: str, timeout: float = 10) -> str:
        """Wait until the window with the focus has a title matching ``pattern``; its title."""
        return wait_for(f"a focused window titled /{pattern}/ (now {self.active_name()!r})",
                        lambda: (n := self.active_name()) and re.search(pattern, n) and n, timeout)

    def windows(self, pid: int) -> list[str]:
        """The visible windows of a process, pop-ups included."""
        return self.xdo("search", "--onlyvisible", "--pid", str(pid), check=False).split()

    def geometry(self, wid: str) -> Geometry:
        out = dict(line.split("=", 1) for line in self.xdo("getwindowgeometry", "--shell", wid).splitlines() if "=" in line)
        return Geometry(int(out["X"]), int(out["Y"]), int(out["WIDTH"]), int(out["HEIGHT"]))

    # ------------------------------------------------------------ screenshots
    def shot(self, name: str) -> Path:
        """The whole screen as a PNG, numbered in the order of the steps."""
        self.step += 1
        path = self.screens / f"{self.step:02d}-{name}.png"
        subprocess.run(["import", "-window", "root", str(path)], env=self.env(), check=True, timeout=30,
                       capture_output=True)
        return path


class Screen:
    """The pixels of one screenshot."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.pix = pymupdf.Pixmap(str(path))
        self.samples = self.pix.samples  # a copy each time it is read: read it once

    def rgb(self, x: int, y: int) -> tuple[int, int, int]:
        return tuple(self.pix.pixel(x, y)[:3])  # type: ignore[return-value]

    def white(self, x: int, y: int) -> bool:
        return self.rgb(x, y) == (255, 255, 255)

    def region(self, g: Geometry) -> bytes:
        """The raw pixels of a rectangle, for comparing two screenshots."""
        n = self.pix.n
        rows = [self.samples[(y * self.pix.width + g.x) * n:(y * self.pix.width + g.x + g.width) * n]
                for y in range(g.y, g.y + g.height)]
        return b"".join(rows)

    def differs(self, other: Screen, g: Geometry) -> float:
        """The share of pixels in ``g`` that are not the same in both screenshots."""
        a, b = self.region(g), other.region(g)
        n = self.pix.n
        changed = sum(1 for i in range(0, len(a), n) if a[i:i + 3] != b[i:i + 3])
        return changed / max(1, len(a) // n)

    def row(self, y: int, x: int, width: int) -> bytes:
        n = self.pix.n
        start = (y * self.pix.width + x) * n
        return self.samples[start:start + width * n]

    def shifted_differs(self, other: Screen, g: Geometry, shift: int = 3) -> float:
        """The share of rows in ``g`` that differ from ``other``'s, at the best vertical shift of up to
        ``shift`` pixels (the same place a pixel up or down after rounding is still the same place)."""
        mine = [self.row(y, g.x, g.width) for y in range(g.y, g.y + g.height)]
        best = 1.0
        for dy in range(-shift, shift + 1):
            theirs = [other.row(y + dy, g.x, g.width) for y in range(g.y, g.y + g.height)]
            best = min(best, sum(1 for a, b in zip(mine, theirs) if a != b) / max(1, g.height))
        return best

    def page(self, window: Geometry) -> Geometry:
        """Where the page (white paper on the grey of the reading view) in the middle of the window is:
        its left and right edges on a row half-way down, and its top edge up the left margin."""
        y = window.y + window.height // 2
        x0, x1 = window.x + window.width // 5, window.x + window.width * 4 // 5
        left = next((x for x in range(x0, x1) if self.white(x, y) and self.rgb(x - 1, y) == self.rgb(x - 2, y)
                     and min(self.rgb(x - 1, y)) > 180 and not self.white(x - 1, y)), None)
        if left is None:
            raise AssertionError(f"no page found in the window in {self.path.name}")
        ground = self.rgb(left - 1, y)
        beyond = next((x for x in range(left, window.x + window.width) if self.rgb(x, y) == ground), left)
        right = max(x for x in range(left, beyond) if self.white(x, y))
        top = y
        while top > window.y and self.white(left + 2, top - 1):
            top -= 1
        if right - left < 200:
            raise AssertionError(f"no page found in the window in {self.path.name}")
        return Geometry(left, top, right - left + 1, y - top)


def locate(pdf: Path, page_no: int, text: str) -> pymupdf.Rect:
    """Where ``text`` first appears on a page of a PDF, in points."""
    with pymupdf.open(pdf) as doc:
        found = doc[page_no].search_for(text)
        width = doc[page_no].rect.width
    if not found:
        raise AssertionError(f"{text!r} is not on page {page_no + 1} of {pdf.name}")
    return pymupdf.Rect(found[0]) / width  # as fractions of the page's width


class App:
    """The installed `reviewer`, started as a person would, on a fresh home folder."""

    def __init__(self, display: Display, home: Path, log: Path) -> None:
        self.display = display
        self.home = home
        self.log = log
        self.exe = str(Path(sys.executable).parent / "reviewer")
        self.proc: subprocess.Popen[bytes] | None = None
        (home / "run").mkdir(parents=True, exist_ok=True, mode=0o700)

    def env(self) -> dict[str, str]:
        h = self.home
        return self.display.env(HOME=str(h), XDG_CONFIG_HOME=str(h / ".config"), XDG_DATA_HOME=str(h / ".local/share"),
                                XDG_CACHE_HOME=str(h / ".cache"), XDG_RUNTIME_DIR=str(h / "run"),
                                QT_QPA_PLATFORM="xcb", NO_AT_BRIDGE="1", LANG="C.UTF-8")

    def start(self, *args: str) -> subprocess.Popen[bytes]:
        with self.log.open("ab") as log:
            log.write(f"\n$ reviewer {' '.join(args)}\n".encode())
        out = self.log.open("ab")
        proc = subprocess.Popen([self.exe, *args], env=self.env(), stdout=out, stderr=out, cwd=self.home)
        out.close()
        return proc

    def launch(self, *args: str, title: str = r"Reviewer$", timeout: float = 30) -> str:
        """Start the window; the id of its main window once it is shown and focused. A window that is shown but not
        given the focus (the window manager's choice, on a busy machine) is clicked into focus, as a person would;
        one never shown fails with what the app was doing (an early CI run saw no focused window at all, and
        nothing said whether the app had shown one, stopped, or was still starting)."""
        self.proc = self.start(*args)
        try:
            self.display.wait_active(title, timeout)
        except AssertionError as exc:
            pid = self.proc.pid
            named = {w: self.display.xdo("getwindowname", w, check=False) for w in self.display.windows(pid)}
            shown = [w for w, name in named.items() if re.search(title, name)]
            if not shown or self.proc.poll() is not None:
                self.display.shot("launch-failed")
                state = f"exited with {self.proc.returncode}" if self.proc.poll() is not None else "still running"
                raise AssertionError(f"{exc}; the app is {state}, its windows: {list(named.values())}") from None
            self.display.xdo("windowactivate", "--sync", shown[0], check=False)
            self.display.wait_active(title, 10)
        return self.main_window()

    def main_window(self) -> str:
        assert self.proc is not None
        pid = self.proc.pid
        return wait_for("the main window", lambda: next(
            (w for w in self.display.windows(pid) if self.display.xdo("getwindowname", w, check=False).endswith("Reviewer")),
            None))

    def title(self) -> str:
        return self.display.xdo("getwindowname", self.main_window(), check=False)

    def wait_title(self, pattern: str, timeout: float = 15) -> str:
        return wait_for(f"the window title to match /{pattern}/ (now {self.title()!r})",
                        lambda: (t := self.title()) and re.search(pattern, t) and t, timeout)

    def wait_exit(self, timeout: float = 20) -> int:
        assert self.proc is not None
        try:
            return self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            raise AssertionError(f"reviewer did not quit within {timeout:.0f} s") from None

    def cli(self, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
        """The command line, on the same home folder."""
        env = {**self.env(), "QT_QPA_PLATFORM": "offscreen"}
        return subprocess.run([self.exe, *args], env=env, capture_output=True, text=True, timeout=timeout, cwd=self.home)

    def kill(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(10)

    def finish(self) -> None:
        """Stop the app and print the end of what it wrote, for a failing test's report."""
        self.kill()
        log = self.log.read_text(errors="replace") if self.log.exists() else ""
        if log.strip():
            print(f"--- reviewer's output ---\n{log[-4000:]}")


@contextmanager
def desktop(screens: Path) -> Iterator[Display]:
    display = Display(screens)
    try:
        yield display
    finally:
        display.close()
