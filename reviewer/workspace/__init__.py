"""The library open for work, and every operation an auditor or a manager performs on it (Qt-free)."""

from reviewer.workspace.workspace import (
    USER_ERRORS,
    ActionError,
    AlreadyTagged,
    NotFound,
    Outcome,
    PackOpened,
    Workspace,
    WorkspaceError,
    summary_format,
)
from reviewer.workspace.errors import reason
from reviewer.store.repository import LibraryInUse

__all__ = ["USER_ERRORS", "ActionError", "AlreadyTagged", "LibraryInUse", "NotFound", "Outcome", "PackOpened", "Workspace", "WorkspaceError",
           "reason", "summary_format"]
