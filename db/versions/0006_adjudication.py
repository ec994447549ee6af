"""adjudication: the consensus coder and the decisions that fill it

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02

A consensus layer is a coder flagged `consensus`, written only by adjudication; each decision
(which disagreement, who decided, when, which choice, the consensus annotations it made, and its undo)
is one row of `adjudication_decisions`.
"""

from alembic import op
import sqlalchemy as sa


revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain ADD COLUMN: a batch copy of `coders` would drop a table every annotation refers to.
    op.add_column("coders", sa.Column("consensus", sa.Boolean(), nullable=False, server_default=sa.false()))
    op.create_table(
        "adjudication_decisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("disagreement", sa.String(length=100), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("start_offset", sa.Integer(), nullable=False),
        sa.Column("end_offset", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("codes", sa.JSON(), nullable=False),
        sa.Column("coder_a_id", sa.Integer(), nullable=False),
        sa.Column("coder_b_id", sa.Integer(), nullable=False),
        sa.Column("choice", sa.String(length=20), nullable=False),
        sa.Column("span_start", sa.Integer(), nullable=True),
        sa.Column("span_end", sa.Integer(), nullable=True),
        sa.Column("adjudicator_id", sa.Integer(), nullable=False),
        sa.Column("consensus_id", sa.Integer(), nullable=False),
        sa.Column("annotations", sa.JSON(), nullable=False),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("undone_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("undone_by_id", sa.Integer(), nullable=True),
        sa.CheckConstraint("choice IN ('A', 'B', 'both', 'neither')",
                           name=op.f("ck_adjudication_decisions_choice_known")),
        sa.CheckConstraint("(span_start IS NULL AND span_end IS NULL) OR span_end > span_start",
                           name=op.f("ck_adjudication_decisions_span_valid")),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="CASCADE",
                                name=op.f("fk_adjudication_decisions_document_id_documents")),
        sa.ForeignKeyConstraint(["coder_a_id"], ["coders.id"], ondelete="RESTRICT",
                                name=op.f("fk_adjudication_decisions_coder_a_id_coders")),
        sa.ForeignKeyConstraint(["coder_b_id"], ["coders.id"], ondelete="RESTRICT",
                                name=op.f("fk_adjudication_decisions_coder_b_id_coders")),
        sa.ForeignKeyConstraint(["adjudicator_id"], ["coders.id"], ondelete="RESTRICT",
                                name=op.f("fk_adjudication_decisions_adjudicator_id_coders")),
        sa.ForeignKeyConstraint(["consensus_id"], ["coders.id"], ondelete="RESTRICT",
                                name=op.f("fk_adjudication_decisions_consensus_id_coders")),
        sa.ForeignKeyConstraint(["undone_by_id"], ["coders.id"], ondelete="RESTRICT",
                                name=op.f("fk_adjudication_decisions_undone_by_id_coders")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_adjudication_decisions")),
    )
    op.create_index("ix_adjudication_decisions_disagreement", "adjudication_decisions", ["disagreement"])
    op.create_index(op.f("ix_adjudication_decisions_document_id"), "adjudication_decisions", ["document_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_adjudication_decisions_document_id"), table_name="adjudication_decisions")
    op.drop_index("ix_adjudication_decisions_disagreement", table_name="adjudication_decisions")
    op.drop_table("adjudication_decisions")
    with op.batch_alter_table("coders") as batch:
        batch.drop_column("consensus")
