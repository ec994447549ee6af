"""Errors whose message is meant for the user: one line, no traceback."""


class GovCoderError(Exception):
    """A refused or failed action, explained in one line the user can act on."""


class ImportFailure(GovCoderError):
    """A file could not be imported; the message names the file and the reason."""
