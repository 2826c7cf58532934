"""The command line's own error: a wrong argument, printed as one line with an exit status."""

from __future__ import annotations


class CliError(Exception):
    """An error to print as one line, with exit status ``code``."""

    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.code = code
