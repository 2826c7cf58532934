"""What the workspace's operations say when they cannot do what was asked, and what they report."""

from __future__ import annotations

from dataclasses import dataclass, field

from reviewer.core.annotations.codebook import LookupFailed
from reviewer.core.annotations.commands import Command
from reviewer.core.annotations.library import Change
from reviewer.core.annotations.review import ReviewError
from reviewer.core.annotations.tagging import QuoteError
from reviewer.core.team.baseline import BaselineError
from reviewer.core.text.documents import DocumentError
from reviewer.export.dataset import DatasetError
from reviewer.export.pack_read import PackError
from reviewer.export.refiqda import CodebookError
from reviewer.store.repository import LibraryError


class WorkspaceError(Exception):
    """Something the user asked that cannot be done; the message says why, in their words."""


class NotFound(WorkspaceError):
    """No letter, annotation or theme matches what was named."""


class ActionError(WorkspaceError):
    """An action of the plan that cannot be made as asked: a nonsense due date or status."""


class AlreadyTagged(WorkspaceError):
    """The passage named is tagged already: tagging it again is asked for explicitly."""


# Every error a front end shows as a message: nothing else should reach the user.
USER_ERRORS: tuple[type[Exception], ...] = (
    WorkspaceError, DocumentError, LibraryError, QuoteError, LookupFailed, PackError, CodebookError, ReviewError,
    BaselineError, DatasetError,
)


def reason(exc: BaseException) -> str:
    """What went wrong, as a message says it: an operating-system error in its own words ("No space left on
    device", "Is a directory"), not Python's "[Errno 28] ..." with the path again; anything else as it
    says itself."""
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc)


@dataclass
class Outcome:
    """What an operation did: the changes it made (empty when nothing changed) and lines to report."""

    changes: list[Change] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)
    command: Command | None = None
