"""Rows inserted through the driver path are stored exactly as SQLAlchemy Core stores them."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import insert, select, text

from desktop_app.core.store.bulk_insert import insert_rows
from desktop_app.core.store.models import Annotation, Code, Coder, Document
from desktop_app.core.store.project import create_project, open_project


def _rows(offset: int, moment: datetime) -> list[dict]:
    return [{"guid": f"g{offset + n}", "document_id": 1, "code_id": 1, "coder_id": 1, "start_offset": n,
             "end_offset": n + 2, "quote": "𠮷网"[: 2], "memo": "备注 'quoted' \"x\"" if n % 2 else "",
             "created_at": moment, "updated_at": moment} for n in range(5)]


@pytest.fixture
def project(tmp_path):
    with create_project(tmp_path / "p.govcoder") as project, project.session_factory.begin() as session:
        text_ = "𠮷网格员走访社区居民"
        session.add(Document(title="t", original_text=text_, text=text_, content_hash="h",
                             published=date(2024, 3, 5), authors=["甲"]))
        session.add(Code(name="网格化管理"))
        session.add(Coder(name="甲"))
    return tmp_path / "p.govcoder"


@pytest.mark.parametrize("moment", [datetime(2024, 3, 5, 8, 9, 10, 123456, tzinfo=UTC),
                                    datetime(2024, 3, 5, 8, 9, 10, tzinfo=UTC), datetime(2024, 3, 5, 8, 9, 10)])
def test_the_driver_path_stores_what_core_stores(project, moment):
    table = Annotation.__table__
    with open_project(project) as opened, opened.session_factory.begin() as session:
        session.execute(insert(table), _rows(0, moment))
        assert insert_rows(session, table, _rows(100, moment)) == 5
    with open_project(project) as opened, opened.session_factory() as session:
        raw = session.execute(text("SELECT start_offset, quote, memo, created_at, updated_at FROM annotations"
                                   " ORDER BY id")).all()
        orm = [(a.start, a.quote, a.memo, a.created_at, a.updated_at)
               for a in session.scalars(select(Annotation).order_by(Annotation.id))]
    assert raw[:5] == raw[5:]  # byte for byte the same text in the file
    assert orm[:5] == orm[5:]  # and the same values through the models


def test_json_dates_and_booleans_are_converted_as_their_types_store_them(project):
    table = Document.__table__
    row = {"guid": "d2", "title": "二", "outlet": None, "published": date(2021, 1, 2), "authors": ["甲", "乙"],
           "original_text": "文本", "text": "文本", "chars": 2, "script": "simplified", "cleaning": [{"step": "x"}],
           "extracted": {"a": 1}, "content_hash": "h2", "imported_at": datetime(2024, 1, 1, tzinfo=UTC)}
    with open_project(project) as opened, opened.session_factory.begin() as session:
        session.execute(insert(table), [{**row, "guid": "d1c", "content_hash": "h1c"}])
        insert_rows(session, table, [row])
    with open_project(project) as opened, opened.session_factory() as session:
        core, ours = (session.scalars(select(Document).where(Document.guid == g)).one() for g in ("d1c", "d2"))
        assert (ours.published, ours.authors, ours.cleaning, ours.extracted, ours.imported_at) == \
               (core.published, core.authors, core.cleaning, core.extracted, core.imported_at)
        raw = session.execute(text("SELECT published, authors, imported_at FROM documents WHERE guid IN ('d1c', 'd2')"
                                   " ORDER BY guid")).all()
    assert raw[0] == raw[1]


def test_other_databases_take_the_core_path(postgres_url):
    with create_project(postgres_url) as opened, opened.session_factory.begin() as session:
        session.add(Document(title="t", original_text="文本", text="文本", content_hash="h"))
        session.add(Code(name="c"))
        session.add(Coder(name="甲"))
        session.flush()
        insert_rows(session, Annotation.__table__, [{**r, "document_id": session.scalar(select(Document.id)),
                                                     "code_id": session.scalar(select(Code.id)),
                                                     "coder_id": session.scalar(select(Coder.id)),
                                                     "start_offset": 0, "end_offset": 1}
                                                    for r in _rows(0, datetime(2024, 3, 5, tzinfo=UTC))[:1]])
    with open_project(postgres_url) as opened, opened.session_factory() as session:
        assert session.scalar(select(Annotation.created_at)) == datetime(2024, 3, 5, tzinfo=UTC)
