"""stored text length and a covering index for the documents list

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02

Listing 50,000 documents read the whole 1 GB project: `length(text)` (and any column stored after the
texts) makes SQLite walk every overflow page of both texts. The length is stored once, and what the
list shows sits in one covering index.
"""

from alembic import op
import sqlalchemy as sa


revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.add_column(sa.Column("chars", sa.Integer(), nullable=False, server_default="0"))
    op.execute("UPDATE documents SET chars = length(text)")
    op.create_index("ix_documents_listing", "documents",
                    ["id", "title", "outlet", "published", "script", "chars"])


def downgrade() -> None:
    op.drop_index("ix_documents_listing", table_name="documents")
    with op.batch_alter_table("documents") as batch:
        batch.drop_column("chars")
