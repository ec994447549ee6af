"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-25

Project settings, coders, documents and their attributes, the code tree, annotations and memos.
"""

from alembic import op
import sqlalchemy as sa


revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "coders",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("guid", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_coders")),
        sa.UniqueConstraint("guid", name=op.f("uq_coders_guid")),
        sa.UniqueConstraint("name", name=op.f("uq_coders_name")),
    )
    op.create_table(
        "codes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("guid", sa.String(length=36), nullable=False),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("english", sa.String(length=300), nullable=True),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("colour", sa.String(length=7), nullable=False),
        sa.Column("shortcut", sa.String(length=40), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("codable", sa.Boolean(), nullable=False),
        sa.Column("keywords", sa.JSON(), nullable=False),
        sa.Column("guidance", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("name <> ''", name=op.f("ck_codes_name_not_empty")),
        sa.CheckConstraint("name NOT LIKE '%/%'", name=op.f("ck_codes_name_has_no_slash")),
        sa.ForeignKeyConstraint(
            ["parent_id"], ["codes.id"], name=op.f("fk_codes_parent_id_codes"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_codes")),
        sa.UniqueConstraint("guid", name=op.f("uq_codes_guid")),
        sa.UniqueConstraint("shortcut", name=op.f("uq_codes_shortcut")),
    )
    with op.batch_alter_table("codes", schema=None) as batch_op:
        batch_op.create_index("ix_codes_parent_position", ["parent_id", "position"], unique=False)

    op.create_table(
        "documents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("guid", sa.String(length=36), nullable=False),
        sa.Column("title", sa.String(length=500), nullable=False),
        sa.Column("outlet", sa.String(length=300), nullable=True),
        sa.Column("published", sa.Date(), nullable=True),
        sa.Column("authors", sa.JSON(), nullable=False),
        sa.Column("url", sa.String(length=2000), nullable=True),
        sa.Column("original_text", sa.Text(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("script", sa.String(length=20), nullable=False),
        sa.Column("cleaning", sa.JSON(), nullable=False),
        sa.Column("extracted", sa.JSON(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("encoding", sa.String(length=40), nullable=True),
        sa.Column("source_path", sa.String(length=2000), nullable=True),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "script IN ('simplified', 'traditional', 'mixed', 'other')",
            name=op.f("ck_documents_script_known"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_documents")),
        sa.UniqueConstraint("guid", name=op.f("uq_documents_guid")),
    )
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_documents_content_hash"), ["content_hash"], unique=False)

    op.create_table(
        "settings",
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("value", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_settings")),
    )
    op.create_table(
        "annotations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("guid", sa.String(length=36), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("code_id", sa.Integer(), nullable=False),
        sa.Column("coder_id", sa.Integer(), nullable=False),
        sa.Column("start_offset", sa.Integer(), nullable=False),
        sa.Column("end_offset", sa.Integer(), nullable=False),
        sa.Column("quote", sa.Text(), nullable=False),
        sa.Column("memo", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "start_offset >= 0 AND end_offset > start_offset", name=op.f("ck_annotations_span_valid")
        ),
        sa.ForeignKeyConstraint(
            ["code_id"], ["codes.id"], name=op.f("fk_annotations_code_id_codes"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["coder_id"], ["coders.id"], name=op.f("fk_annotations_coder_id_coders"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_annotations_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_annotations")),
        sa.UniqueConstraint("guid", name=op.f("uq_annotations_guid")),
    )
    with op.batch_alter_table("annotations", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_annotations_code_id"), ["code_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_annotations_coder_id"), ["coder_id"], unique=False)
        batch_op.create_index(
            "ix_annotations_document_span", ["document_id", "start_offset", "end_offset"], unique=False
        )

    op.create_table(
        "document_attributes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("type", sa.String(length=20), nullable=False),
        sa.Column("value", sa.Text(), nullable=True),
        sa.CheckConstraint(
            "type IN ('text', 'number', 'date', 'boolean')", name=op.f("ck_document_attributes_type_known")
        ),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_document_attributes_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_document_attributes")),
        sa.UniqueConstraint("document_id", "key", name="uq_document_attributes_document_key"),
    )
    with op.batch_alter_table("document_attributes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_document_attributes_document_id"), ["document_id"], unique=False)

    op.create_table(
        "memos",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("guid", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=True),
        sa.Column("code_id", sa.Integer(), nullable=True),
        sa.Column("coder_id", sa.Integer(), nullable=True),
        sa.Column("title", sa.String(length=500), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "(kind = 'project' AND document_id IS NULL AND code_id IS NULL) OR (kind = 'document' AND document_id IS NOT NULL AND code_id IS NULL) OR (kind = 'code' AND code_id IS NOT NULL AND document_id IS NULL)",
            name=op.f("ck_memos_target_matches_kind"),
        ),
        sa.CheckConstraint("kind IN ('project', 'document', 'code')", name=op.f("ck_memos_kind_known")),
        sa.ForeignKeyConstraint(
            ["code_id"], ["codes.id"], name=op.f("fk_memos_code_id_codes"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["coder_id"], ["coders.id"], name=op.f("fk_memos_coder_id_coders"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["document_id"], ["documents.id"], name=op.f("fk_memos_document_id_documents"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_memos")),
        sa.UniqueConstraint("guid", name=op.f("uq_memos_guid")),
    )
    with op.batch_alter_table("memos", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_memos_code_id"), ["code_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_memos_document_id"), ["document_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("memos", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_memos_document_id"))
        batch_op.drop_index(batch_op.f("ix_memos_code_id"))

    op.drop_table("memos")
    with op.batch_alter_table("document_attributes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_document_attributes_document_id"))

    op.drop_table("document_attributes")
    with op.batch_alter_table("annotations", schema=None) as batch_op:
        batch_op.drop_index("ix_annotations_document_span")
        batch_op.drop_index(batch_op.f("ix_annotations_coder_id"))
        batch_op.drop_index(batch_op.f("ix_annotations_code_id"))

    op.drop_table("annotations")
    op.drop_table("settings")
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_documents_content_hash"))

    op.drop_table("documents")
    with op.batch_alter_table("codes", schema=None) as batch_op:
        batch_op.drop_index("ix_codes_parent_position")

    op.drop_table("codes")
    op.drop_table("coders")
