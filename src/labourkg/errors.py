"""The exceptions that mean "bad input or environment", reported to users as one line."""

from __future__ import annotations


class LabourKGError(Exception):
    """Base for labourkg's own user-facing errors; ``exit_code`` is the CLI's exit status."""

    exit_code = 1


class NotFoundError(LabourKGError, LookupError):
    """Something named in the request is not in the graph."""

    exit_code = 2


class InvalidRequest(LabourKGError, ValueError):
    """A request that can never succeed as given."""

    exit_code = 2


def user_errors() -> tuple[type[BaseException], ...]:
    from labourkg.load.mapping import MappingError
    from labourkg.load.tables import TableError
    from labourkg.ontology import UnknownTermError
    from labourkg.querylib import QueryError
    from labourkg.store.base import StoreError
    from labourkg.store.readonly import WriteRefused

    errors: list[type[BaseException]] = [LabourKGError, StoreError, WriteRefused, QueryError, TableError, MappingError,
                                         UnknownTermError, FileNotFoundError, IsADirectoryError, PermissionError,
                                         UnicodeDecodeError]
    try:
        from labourkg.text import TextDecodeError

        errors.append(TextDecodeError)
    except ImportError:  # pragma: no cover - during development of the text module
        pass
    return tuple(errors)
