"""Team mode: the same exports and imports on a PostgreSQL project."""

from __future__ import annotations

import pytest
from interchange_helpers import snapshot

from desktop_app.core.interchange import export_project, import_project
from desktop_app.core.store.project import create_project

pytestmark = pytest.mark.postgres


def test_json_and_qdpx_round_trips_on_postgres(coded_project, postgres_url, tmp_path):
    out = tmp_path / "p.json"
    with coded_project.session_factory() as s:
        export_project(s, out, "json")
    with create_project(postgres_url) as team:
        report = import_project(team.session_factory, out)
        assert report.annotations == 9 and report.unplaced == []
        assert snapshot(team, full=True) == snapshot(coded_project, full=True)
        qdpx = tmp_path / "p.qdpx"
        with team.session_factory() as s:
            export_project(s, qdpx, "qdpx", target="nvivo")
    fresh = create_project(tmp_path / "fresh.govcoder")
    try:
        import_project(fresh.session_factory, qdpx)
        assert snapshot(fresh, guidance=True) == snapshot(coded_project, guidance=True)
    finally:
        fresh.close()
