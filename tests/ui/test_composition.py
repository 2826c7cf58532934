"""The window only composes: helpers are given the desk and the widgets they drive, never the window
(issue 13, item 4). Read from the source, so it needs no display."""

from __future__ import annotations

import ast
from pathlib import Path

import reviewer.ui

UI = Path(reviewer.ui.__file__).parent
ROOMS_BELOW_SHELL = ("annotate", "library", "manager", "reader", "kit")
WINDOW_TYPES = {"QMainWindow", "MainWindow", "AppWindow"}


def modules(*rooms: str) -> list[tuple[Path, ast.Module]]:
    return [(p, ast.parse(p.read_text(encoding="utf-8"))) for room in rooms for p in sorted((UI / room).glob("*.py"))]


def test_no_room_below_shell_imports_shell() -> None:
    wrong = []
    for path, tree in modules(*ROOMS_BELOW_SHELL):
        for node in ast.walk(tree):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                     else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            wrong += [f"{path.relative_to(UI)}: {n}" for n in names if n.startswith("reviewer.ui.shell")]
    assert wrong == []


def test_there_is_no_window_protocol_to_reach_through() -> None:
    assert not (UI / "kit" / "window.py").exists()
    for path, tree in modules(*ROOMS_BELOW_SHELL, "shell"):
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                assert node.name != "AppWindow", path
                methods = {n.name for n in node.body if isinstance(n, ast.FunctionDef)}
                assert "__getattr__" not in methods, f"{path.relative_to(UI)}: {node.name}"


def _annotation(arg: ast.arg) -> str:
    return ast.unparse(arg.annotation) if arg.annotation is not None else ""


def test_no_helper_is_given_the_window() -> None:
    """No constructor or function below the shell takes a main window, or a parameter called window."""
    wrong = []
    for path, tree in modules(*ROOMS_BELOW_SHELL):
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                for arg in node.args.args + node.args.kwonlyargs:
                    if arg.arg == "window" or any(t in _annotation(arg) for t in WINDOW_TYPES):
                        wrong.append(f"{path.relative_to(UI)}: {node.name}({arg.arg}: {_annotation(arg)})")
    assert wrong == []


def test_shell_helpers_take_widgets_not_the_main_window() -> None:
    """The shell's helpers may build the window's own chrome (a QMainWindow's menus, toolbar and state),
    but none is handed the MainWindow to reach its attributes."""
    wrong = []
    for path, tree in modules("shell"):
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                wrong += [f"{path.name}: {node.name}({arg.arg})" for arg in node.args.args
                          if "MainWindow" in _annotation(arg).replace("QMainWindow", "") or _annotation(arg) == "AppWindow"]
    assert wrong == []


def test_controllers_reach_nothing_through_a_window_attribute() -> None:
    """``self.w.something`` or ``self.window.something`` is the old way of reaching the whole window."""
    wrong = []
    for path, tree in modules(*ROOMS_BELOW_SHELL):
        for node in ast.walk(tree):
            if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Attribute)
                    and isinstance(node.value.value, ast.Name) and node.value.value.id == "self"
                    and node.value.attr in ("w", "window")):
                wrong.append(f"{path.relative_to(UI)}:{node.lineno}: self.{node.value.attr}.{node.attr}")
    assert wrong == []
