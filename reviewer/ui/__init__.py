"""PySide6 user interface: the composition root, main window, panels, dialogs and workers."""
