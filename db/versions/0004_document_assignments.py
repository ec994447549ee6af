"""documents assigned to coders

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02

Which coder codes which document, for blind double-coding with an overlap sample; the draw's seed
and inputs are kept in the "assignment" setting so that it can be drawn again the same.
"""

from alembic import op
import sqlalchemy as sa


revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "document_assignments",
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("coder_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["coder_id"], ["coders.id"], name=op.f("fk_document_assignments_coder_id_coders"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_document_assignments_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("document_id", "coder_id", name=op.f("pk_document_assignments")),
    )


def downgrade() -> None:
    op.drop_table("document_assignments")
