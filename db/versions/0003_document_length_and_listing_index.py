"""stored text length and covering indexes for the documents list

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02

Listing 50,000 documents read the whole 1 GB project: `length(text)` (and any column stored after the
texts) makes SQLite walk every overflow page of both texts. The length is stored once, what the
list shows sits in one covering index, and one coder's counts per document in another.
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
    op.create_index("ix_annotations_coder_document", "annotations", ["coder_id", "document_id"])


def downgrade() -> None:
    op.drop_index("ix_annotations_coder_document", table_name="annotations")
    op.drop_index("ix_documents_listing", table_name="documents")
    with op.batch_alter_table("documents") as batch:
        batch.drop_column("chars")
