"""Alembic environment: runs on the connection GovCoder hands over, or on GOVCODER_DB for developers."""

import os

from alembic import context

from desktop_app.core.store.models import Base

config = context.config
target_metadata = Base.metadata


def _run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        # SQLite cannot ALTER most things in place; batch mode copies the table instead.
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    from desktop_app.core.store.engine import make_engine

    engine = make_engine(os.environ["GOVCODER_DB"])
    with engine.connect() as conn:
        _run(conn)
