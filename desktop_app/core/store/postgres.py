"""PostgreSQL sessions never wait forever: a lock timeout and a statement timeout on every connection,
and when one fires, a sentence that says what was waiting.

Without them a team member's open transaction (an import, an upgrade, a client left in BEGIN) made
`annotate` wait for as long as it lasted. The limits can be changed with environment variables, in
seconds (tests make them short; a slow server may need more).
"""

from __future__ import annotations

import os

from sqlalchemy import Engine, event

from desktop_app.core.errors import GovCoderError

ENV_LOCK_TIMEOUT = "GOVCODER_PG_LOCK_TIMEOUT"
ENV_STATEMENT_TIMEOUT = "GOVCODER_PG_STATEMENT_TIMEOUT"
DEFAULT_LOCK_TIMEOUT_S = 10.0
# Generous: no single statement GovCoder sends should take minutes; one that does is stuck.
DEFAULT_STATEMENT_TIMEOUT_S = 600.0

_LOCK_NOT_AVAILABLE = "55P03"
_QUERY_CANCELED = "57014"


class DatabaseBusy(GovCoderError):
    """Another session held a lock for longer than the lock timeout, or a statement ran too long."""


def _seconds(name: str, default: float) -> float:
    raw = os.environ.get(name)
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        value = -1.0
    if value <= 0:
        raise GovCoderError(f"{name}={raw!r} is not a number of seconds above 0")
    return value


def timeouts() -> tuple[float, float]:
    """(lock timeout, statement timeout) in seconds."""
    return (_seconds(ENV_LOCK_TIMEOUT, DEFAULT_LOCK_TIMEOUT_S),
            _seconds(ENV_STATEMENT_TIMEOUT, DEFAULT_STATEMENT_TIMEOUT_S))


def _seconds_text(value: float) -> str:
    return f"{value:g} s"


def configure_postgres(engine: Engine) -> None:
    lock, statement = timeouts()
    label = engine.url.render_as_string(hide_password=True)

    @event.listens_for(engine, "connect")
    def _set_timeouts(dbapi_connection, _record) -> None:
        with dbapi_connection.cursor() as cursor:
            cursor.execute(f"SET lock_timeout = {round(lock * 1000)}")
            cursor.execute(f"SET statement_timeout = {round(statement * 1000)}")
        dbapi_connection.commit()  # a SET inside a transaction that is rolled back would be undone

    @event.listens_for(engine, "handle_error")
    def _say_what_waits(context) -> None:
        state = getattr(context.original_exception, "sqlstate", None)
        if state == _LOCK_NOT_AVAILABLE:
            raise DatabaseBusy(
                f"another session holds a lock on the project {label} and has not released it within "
                f"{_seconds_text(lock)} (an import, an upgrade or an unfinished transaction in another "
                f"program); the step that waited was not saved: try again when it has finished (the limit is "
                f"${ENV_LOCK_TIMEOUT}, in seconds)")
        if state == _QUERY_CANCELED and "statement timeout" in str(context.original_exception):
            raise DatabaseBusy(
                f"the database of the project {label} did not answer within {_seconds_text(statement)}; "
                f"the step that waited was not saved: try again when the server is less busy (the limit is "
                f"${ENV_STATEMENT_TIMEOUT}, in seconds)")
