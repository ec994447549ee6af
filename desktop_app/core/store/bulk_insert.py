"""Inserting many rows of one table at the speed of the driver.

SQLAlchemy Core's executemany spends more time per row than SQLite needs to store it: for 100,000
annotations 0.8 s in the DateTime processor and 0.7 s building parameters, beside 2.0 s in SQLite
itself. On SQLite the rows go to the driver directly, each value already in the form SQLAlchemy's
types would store (the same text for dates and times, the same JSON), so what is read back through
the models is identical; other databases take the ordinary Core path, whose drivers take Python
values natively.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Date, DateTime, Table, insert
from sqlalchemy.orm import Session


def _stored_datetime(value: datetime) -> str:
    # SQLAlchemy's SQLite DATETIME: "YYYY-MM-DD HH:MM:SS.ffffff", the time zone left out.
    return value.replace(tzinfo=None).isoformat(" ", "microseconds")


def _converter(column_type, dialect) -> Callable[[Any], Any] | None:
    if isinstance(column_type, DateTime):
        cache: dict[datetime, str] = {}  # an import stamps most rows with one "now"

        def convert_datetime(value):
            if value is None or not isinstance(value, datetime):
                return value
            stored = cache.get(value)
            if stored is None:
                stored = cache[value] = _stored_datetime(value)
            return stored

        return convert_datetime
    if isinstance(column_type, Date):
        return lambda value: value.isoformat() if isinstance(value, date) else value
    if isinstance(column_type, JSON):
        serialise = getattr(dialect, "_json_serializer", None) or json.dumps  # the engine's, as Core uses
        return lambda value: None if value is None else serialise(value)
    if isinstance(column_type, Boolean):
        return lambda value: None if value is None else int(bool(value))
    return None


def insert_rows(session: Session, table: Table, rows: Iterable[Mapping[str, Any]]) -> int:
    """Insert `rows` (dicts keyed by column name, all with the same keys) into `table`; returns how many."""
    rows = list(rows)
    if not rows:
        return 0
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        connection.execute(insert(table), rows)
        return len(rows)
    names = list(rows[0])
    columns = [table.c[name] for name in names]
    converters = [_converter(column.type, connection.dialect) for column in columns]
    quote = connection.dialect.identifier_preparer.quote
    sql = (f"INSERT INTO {quote(table.name)} ({', '.join(quote(c.name) for c in columns)}) "
           f"VALUES ({', '.join('?' for _ in columns)})")
    if any(converters):
        pairs = list(zip(names, converters, strict=True))
        values = [tuple(convert(row[name]) if convert else row[name] for name, convert in pairs) for row in rows]
    else:
        values = [tuple(row[name] for name in names) for row in rows]
    connection.exec_driver_sql(sql, values)
    return len(rows)
