"""segmentation cache and per-coder document status

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25

jieba boundaries cached per document (one row, packed), and how far each coder has got with a document.
"""

from alembic import op
import sqlalchemy as sa


revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "segmentations",
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("dictionary_hash", sa.String(length=64), nullable=False),
        sa.Column("boundaries", sa.LargeBinary(), nullable=False),
        sa.Column("computed_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_segmentations_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("document_id", name=op.f("pk_segmentations")),
    )
    op.create_table(
        "document_statuses",
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("coder_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "status IN ('not_started', 'in_progress', 'done')", name=op.f("ck_document_statuses_status_known")
        ),
        sa.ForeignKeyConstraint(
            ["coder_id"], ["coders.id"], name=op.f("fk_document_statuses_coder_id_coders"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_document_statuses_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("document_id", "coder_id", name=op.f("pk_document_statuses")),
    )


def downgrade() -> None:
    op.drop_table("document_statuses")
    op.drop_table("segmentations")
