"""code names unique among siblings, enforced by the database

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02

Until now only the program checked that no two codes under one parent share a name, and two windows
renaming at the same moment could both pass the check. A unique index on (parent, name) makes the
database refuse the second. Top-level codes have no parent (NULL), and NULLs never collide in a unique
index, so the index is on coalesce(parent_id, -1): no code has the id -1.

Projects may already hold such twins (made by that race, or by an older import): the later ones are
renamed "name (2)", "name (3)", ... (their annotations keep their code, which is named by id), and each
rename is handed to the caller as a note, so that the upgrade says what it changed.

SQLite's batch mode does not carry expression indexes over when it rebuilds a table: a later
migration that rebuilds `codes` must create this index again (a test checks that it exists at head).
"""

from alembic import context, op
import sqlalchemy as sa


revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

INDEX = "uq_codes_sibling_name"


def _free(name: str, taken: set[str]) -> str:
    number = 2
    while f"{name} ({number})" in taken:
        number += 1
    return f"{name} ({number})"


def _rename_twins(connection) -> list[str]:
    notes = []
    rows = connection.execute(sa.text("SELECT id, parent_id, name FROM codes ORDER BY id")).all()
    taken: dict[int | None, set[str]] = {}
    for row in rows:
        taken.setdefault(row.parent_id, set()).add(row.name)
    seen: dict[tuple[int | None, str], int] = {}
    for row in rows:
        key = (row.parent_id, row.name)
        if key not in seen:
            seen[key] = row.id
            continue
        new_name = _free(row.name, taken[row.parent_id])
        taken[row.parent_id].add(new_name)
        connection.execute(sa.text("UPDATE codes SET name = :name WHERE id = :id"), {"name": new_name, "id": row.id})
        where = "at the top level" if row.parent_id is None else f"under code {row.parent_id}"
        notes.append(f"code {row.id} was renamed {new_name!r}: code {seen[key]} {where} is also named "
                     f"{row.name!r}, and names are now unique among siblings")
    return notes


def upgrade() -> None:
    notes = _rename_twins(op.get_bind())
    context.config.attributes.setdefault("notes", []).extend(notes)
    with op.batch_alter_table("codes", schema=None) as batch_op:
        batch_op.create_index(INDEX, [sa.text("coalesce(parent_id, -1)"), "name"], unique=True)


def downgrade() -> None:
    with op.batch_alter_table("codes", schema=None) as batch_op:
        batch_op.drop_index(INDEX)
