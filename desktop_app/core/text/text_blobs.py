"""Writing a long document's two texts into its SQLite row a window at a time.

Bound as query parameters, each text costs three copies beside the Python string while its row is
inserted: its UTF-8 form (which the sqlite3 module caches on the string), SQLite's own copy of the
parameter, and its part of the row's record; for a 100 MB article about 700 MB. Instead, the row is
inserted with both texts empty; each text is then given its UTF-8 size in zeros
(`CAST(zeroblob(n) AS TEXT)`: a TEXT value, the record built once) and filled in through SQLite's
incremental blob I/O, a window of UTF-8 at a time. All of it happens in the caller's transaction.

Blob writes fire no trigger and are checked by no constraint: nothing may watch documents.text or
documents.original_text that way (tests/core/text/test_import_store_blobs.py checks there is none).
PostgreSQL is given the texts as parameters, as before.
"""

from __future__ import annotations

from sqlalchemy import text as sql
from sqlalchemy.orm import Session

from desktop_app.core.text.limits import utf8_size

STREAMED_FROM = 1 << 20  # characters, both texts together: shorter rows are inserted as they were
_WRITTEN_AT_ONCE = 1 << 20  # characters encoded and written at a time
_COLUMNS = ("original_text", "text")


def streams_texts(session: Session) -> bool:
    return session.get_bind().dialect.name == "sqlite"


def is_long(original: str, text: str) -> bool:
    return len(original) + len(text) > STREAMED_FROM


def write_texts(session: Session, document_id: int, original: str, text: str) -> None:
    """Fill the empty texts of document `document_id`'s row with `original` and `text`."""
    connection = session.connection().connection.dbapi_connection  # the transaction's own connection
    for column, value in zip(_COLUMNS, (original, text), strict=True):
        if not value:
            continue
        session.execute(sql(f"UPDATE documents SET {column} = CAST(zeroblob(:size) AS TEXT) WHERE id = :id"),
                        {"size": utf8_size(value), "id": document_id})
        with connection.blobopen("documents", column, document_id) as blob:
            for start in range(0, len(value), _WRITTEN_AT_ONCE):
                blob.write(value[start:start + _WRITTEN_AT_ONCE].encode("utf-8"))
