"""Bring a project's schema up to date when it opens: back it up first, refuse one from the future."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text
from sqlalchemy.exc import DBAPIError

from desktop_app.core.errors import GovCoderError
from desktop_app.core.paths import migrations_dir
from desktop_app.core.store.engine import sqlite_path

if TYPE_CHECKING:
    from alembic.config import Config

# The newest revision in db/versions. An up-to-date project is recognised by comparing with this, without
# loading Alembic (a quarter of every CLI command's start-up); a test keeps it equal to Alembic's head.
SCHEMA_HEAD = "0004"

# An arbitrary constant naming GovCoder's migration lock among PostgreSQL advisory locks.
_PG_MIGRATION_LOCK = 0x60C0DE


@dataclass(frozen=True)
class MigrationReport:
    from_revision: str | None
    to_revision: str
    backup: Path | None

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


def _backup_sqlite(path: Path, revision: str) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.backup-{revision}-{stamp}")
    # The backup API copies a consistent snapshot, WAL contents included; a file copy could not.
    source = sqlite3.connect(path)
    try:
        destination = sqlite3.connect(target)
        with destination:
            source.backup(destination)
        destination.close()
    finally:
        source.close()
    return target


def _stamped_revision(engine: Engine) -> str | None:
    """The revision recorded in the database, or None where there is none (or no table to hold it)."""
    try:
        with engine.connect() as connection:
            return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except DBAPIError:
        return None


def upgrade_project(engine: Engine, label: str) -> MigrationReport:
    """Migrate the database behind `engine` to the newest schema this GovCoder knows."""
    if _stamped_revision(engine) == SCHEMA_HEAD:
        return MigrationReport(SCHEMA_HEAD, SCHEMA_HEAD, None)
    from alembic import command
    from alembic.runtime.migration import MigrationContext

    head = head_revision()
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            # Team members opening the project at the same moment must not both migrate it.
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_MIGRATION_LOCK})
        current = MigrationContext.configure(connection).get_current_revision()
        if current == head:
            return MigrationReport(current, head, None)
        if current is not None and current not in _known_revisions():
            raise GovCoderError(
                f"{label} was saved by a newer GovCoder (schema {current}); this version knows schemas "
                f"up to {head}. Update GovCoder to open it."
            )
        if current is None:
            tables = set(inspect(connection).get_table_names())
            if tables:
                raise GovCoderError(
                    f"{label} is a database but not a GovCoder project (it has tables: "
                    f"{', '.join(sorted(tables)[:5])})"
                )
        backup = None
        path = sqlite_path(str(engine.url))
        if current is not None and path is not None:
            backup = _backup_sqlite(path, current)
        config = alembic_config()
        config.attributes["connection"] = connection
        command.upgrade(config, head)
    return MigrationReport(current, head, backup)


def upgrade_to(engine: Engine, revision: str) -> None:
    """Migrate to a given revision (tests build projects as older versions of GovCoder left them)."""
    from alembic import command

    with engine.begin() as connection:
        config = alembic_config()
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
