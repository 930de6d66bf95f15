"""Domain exceptions: each carries one line a user can act on; the CLI prints it as is."""


class QuotesError(Exception):
    """Base class for every error the CLI reports as a single line."""


class InputError(QuotesError):
    """An input file (or a line of one) cannot be read as an article."""


class DatabaseError(QuotesError):
    """The database cannot be reached or is not in a usable state."""


class DatabaseUnreachable(DatabaseError):
    """The database server cannot be reached: a batch stops rather than fail every article."""


class SchemaOutdated(DatabaseError):
    """The database schema is behind the code's migrations."""


class NotFound(QuotesError):
    """A record the user named does not exist."""


class ReadOnlyViolation(QuotesError):
    """A statement given to the read-only SQL command would have written."""
