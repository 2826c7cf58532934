"""The command line's own error: a wrong argument, printed as one line with an exit status."""

from __future__ import annotations


class CliError(Exception):
    """An error to print as one line, with exit status ``code``."""

    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.code = code


def at_least_one(text: str) -> int:
    """An argument that counts things shown ("--limit 20", "--top 5", "--restore 2"): a whole number of one
    or more, else argparse's one-line error ("--limit 0" printed "the first 1")."""
    import argparse

    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"{n} is too few: give 1 or more")
    return n
