"""Domain errors of the intake commands; the CLI turns them into one-line messages and exit codes."""

from __future__ import annotations


class IntakeError(Exception):
    """Something the user must fix; never a bug. `exit_code` follows the project's convention."""

    exit_code = 1


class Refused(IntakeError):
    """The input or the target is refused as it is (binary, empty, already there): exit 1."""

    exit_code = 1


class UsageError(IntakeError):
    """An option or argument is not usable (a bad id, an unknown file type): exit 2."""

    exit_code = 2
