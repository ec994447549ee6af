"""Keeping the main project file self-contained while a project is open.

In WAL mode committed work lives in `PROJECT-wal` until a checkpoint copies it into the main file;
SQLite does that only every thousand pages, so a file manager or sync client copying the main file
alone (or a move of it) could miss hundreds of acknowledged annotations. A passive checkpoint after
each of the window's commits copies the few pages one user action writes; it never waits for other
connections (whatever a reader still needs stays in the WAL until the next one).
"""

from __future__ import annotations

from desktop_app.core.store.engine import is_sqlite


def checkpoint(engine) -> bool:
    """Copy committed pages into the main file; True when every committed page is there."""
    if not is_sqlite(str(engine.url)):
        return True
    connection = engine.raw_connection()
    try:
        busy, logged, copied = connection.driver_connection.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
    finally:
        connection.close()
    return not busy and logged == copied
