"""Bring a project's schema up to date when it opens: back it up first, refuse one from the future.

A SQLite project is upgraded as a copy that replaces it only when complete (`sqlite_upgrade`): SQLite
commits most schema changes at once, so a migration failing half-way would otherwise leave a project
that no later attempt can open. PostgreSQL runs the migrations in one transaction instead.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text
from sqlalchemy.exc import DBAPIError

from desktop_app.core.errors import GovCoderError
from desktop_app.core.paths import migrations_dir
from desktop_app.core.store.engine import sqlite_path

if TYPE_CHECKING:
    from alembic.config import Config

# The newest revision in db/versions. An up-to-date project is recognised by comparing with this, without
# loading Alembic (a quarter of every CLI command's start-up); a test keeps it equal to Alembic's head.
SCHEMA_HEAD = "0006"

# An arbitrary constant naming GovCoder's migration lock among PostgreSQL advisory locks.
_PG_MIGRATION_LOCK = 0x60C0DE


@dataclass(frozen=True)
class MigrationReport:
    from_revision: str | None
    to_revision: str
    backup: Path | None
    # What a migration changed in the project's content to fit the new schema, in words.
    notes: tuple[str, ...] = field(default=())

    @property
    def changed(self) -> bool:
        return self.from_revision != self.to_revision


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    return config


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None, "db/versions holds no migration"
    return head


def _known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {script.revision for script in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def stamped_revision(engine: Engine) -> str | None:
    """The revision recorded in the database, or None where there is none (or no table to hold it)."""
    try:
        with engine.connect() as connection:
            return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except DBAPIError:
        return None


def current_revision(connection: Connection) -> str | None:
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(connection).get_current_revision()


def refuse_unknown(current: str | None, tables: set[str], label: str) -> None:
    """Refuse a schema from a newer GovCoder, and a database (`tables`) that is not a GovCoder project."""
    if current is not None and current not in _known_revisions():
        raise GovCoderError(
            f"{label} was saved by a newer GovCoder (schema {current}); this version knows schemas "
            f"up to {head_revision()}. Update GovCoder to open it."
        )
    if current is None:
        if tables:
            raise GovCoderError(
                f"{label} is a database but not a GovCoder project (it has tables: "
                f"{', '.join(sorted(tables)[:5])})"
            )


def run_migrations(connection: Connection, revision: str = "head") -> tuple[str, ...]:
    """Run the migrations on `connection`; returns the notes they left about changed content."""
    from alembic import command

    config = alembic_config()
    config.attributes["connection"] = connection
    config.attributes["notes"] = []
    command.upgrade(config, revision)
    return tuple(config.attributes["notes"])


def upgrade_project(engine: Engine, label: str) -> MigrationReport:
    """Migrate the database behind `engine` to the newest schema this GovCoder knows."""
    stamped = stamped_revision(engine)
    if stamped == SCHEMA_HEAD:
        return MigrationReport(SCHEMA_HEAD, SCHEMA_HEAD, None)
    if stamped is not None:
        refuse_unknown(stamped, set(), label)  # a newer GovCoder's project, refused before anything else
    path = sqlite_path(str(engine.url))
    if path is not None:
        # Imported here: the file work is needed only when an upgrade is due, and it builds on this module.
        from desktop_app.core.store.sqlite_upgrade import upgrade_sqlite_copy

        engine.dispose()  # the upgrade needs the file to itself
        return upgrade_sqlite_copy(path, label)
    return _upgrade_in_place(engine, label)


def _upgrade_in_place(engine: Engine, label: str) -> MigrationReport:
    head = head_revision()
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            # Team members opening the project at the same moment must not both migrate it.
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_MIGRATION_LOCK})
            # A migration may rewrite a large table: no statement limit while it runs (locks still time out).
            connection.execute(text("SET LOCAL statement_timeout = 0"))
        current = current_revision(connection)
        if current == head:
            return MigrationReport(current, head, None)
        refuse_unknown(current, set(inspect(connection).get_table_names()) if current is None else set(), label)
        notes = run_migrations(connection)
    return MigrationReport(current, head, None, notes)


def upgrade_to(engine: Engine, revision: str) -> None:
    """Migrate to a given revision (tests build projects as older versions of GovCoder left them)."""
    with engine.begin() as connection:
        run_migrations(connection, revision)
