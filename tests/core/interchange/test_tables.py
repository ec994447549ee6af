"""CSV, the code x document matrix and the XLSX workbook."""

from __future__ import annotations

import csv
import io

from interchange_helpers import TEXTS
from openpyxl import load_workbook

from desktop_app.core.interchange import export_project
from desktop_app.core.interchange.tables import ANNOTATION_COLUMNS, safe_cell


def _csv(path):
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel shows Chinese only with the BOM
    return list(csv.reader(io.StringIO(raw[3:].decode("utf-8"), newline="")))


def test_safe_cell():
    for value in ("=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"):
        assert safe_cell(value) == "'" + value
    assert safe_cell("法治") == "法治" and safe_cell(-1) == -1 and safe_cell("") == ""


def test_annotation_csv(coded_project, tmp_path):
    out = tmp_path / "a.csv"
    with coded_project.session_factory() as s:
        report = export_project(s, out, "csv")
    rows = _csv(out)
    assert rows[0] == ANNOTATION_COLUMNS and report.rows == 9 == len(rows) - 1
    by_quote = {row[10]: dict(zip(ANNOTATION_COLUMNS, row, strict=True)) for row in rows[1:]}
    first = by_quote["𠮷野家"]
    assert first["document_title"] == "文档1" and first["source"] == "人民日报" and first["published"] == "2024-03-05"
    assert first["code_path"] == "网格化管理" and (first["start"], first["end"]) == ("0", "3")
    assert first["context_before"] == "" and first["context_after"].startswith("社区党建")
    assert first["coder"] == "alice" and first["memo"] == "非BMP字符在开头" and first["created"]
    deep = by_quote["𠮷在新时代\n三治"]
    assert deep["code_path"] == "五治/法治/普法宣传" and deep["code_name"] == "普法宣传"
    # Formula injection: quote and memo are neutralised, the text is otherwise intact.
    dangerous = by_quote["'=SUM(A1)"]
    assert dangerous["memo"] == "'-危险"
    assert by_quote["𩸽 fish."]["memo"] == "'=HYPERLINK(\"x\")"


def test_matrix_csv_counts_and_coverage(coded_project, tmp_path):
    out = tmp_path / "m.csv"
    with coded_project.session_factory() as s:
        export_project(s, out, "matrix")
    rows = _csv(out)
    header = rows[0]
    assert header[:5] == ["code_id", "code_path", "code_name", "annotations", "documents"]
    assert len(header) == 5 + 2 * 3 and header[5].endswith("文档1 count") and header[6].endswith("文档1 coverage")
    law = next(row for row in rows[1:] if row[1] == "五治/法治")
    # 法治 in 文档1: "治理😀网格员" (6) and "自治、法治" (5); in 文档2: "\n\n第四行" (5).
    assert law[3:5] == ["3", "2"] and law[5] == "2" and law[7] == "1" and law[9] == "0"
    assert float(law[6]) == round(11 / len(TEXTS[0][0]), 4)
    assert float(law[8]) == round(5 / len(TEXTS[1][0]), 4)
    category = next(row for row in rows[1:] if row[1] == "五治")
    assert category[3] == "0"


def test_overlapping_spans_are_counted_once_in_coverage(coded_project, tmp_path):
    from desktop_app.core.interchange.model import AnnotationData, CodeData, DocumentData, ProjectData
    from desktop_app.core.interchange.tables import build_matrix

    data = ProjectData(codes=[CodeData("c", "c")], documents=[DocumentData("d", "d", "0123456789")])
    data.annotations = [AnnotationData(str(i), "d", "c", "x", s, e, "") for i, (s, e) in
                        enumerate([(0, 4), (2, 6), (8, 10)])]
    assert build_matrix(data).coverage("c", data.documents[0]) == 0.8


def test_xlsx_sheets_frozen_headers_colours_and_text_cells(coded_project, tmp_path):
    out = tmp_path / "p.xlsx"
    with coded_project.session_factory() as s:
        export_project(s, out, "xlsx")
    workbook = load_workbook(out)
    assert workbook.sheetnames == ["annotations", "codebook", "documents", "matrix"]
    for sheet in workbook.worksheets:
        assert sheet.freeze_panes == "A2"
        assert sheet["A1"].font.bold
    annotations = workbook["annotations"]
    assert [c.value for c in annotations[1]] == ANNOTATION_COLUMNS
    rows = {row[10].value: row for row in annotations.iter_rows(min_row=2)}
    assert len(rows) == 9
    injected = rows["=SUM(A1)"]
    assert injected[10].data_type == "s"  # stored as text, never a formula
    assert rows["𠮷野家"][6].fill.start_color.rgb.endswith("F39C12")
    codebook = workbook["codebook"]
    colours = {row[1].value: row[1].fill.start_color.rgb for row in codebook.iter_rows(min_row=2)}
    assert colours["五治"].endswith("C0392B") and colours["五治/法治/普法宣传"].endswith("8E44AD")
    documents = workbook["documents"]
    header = [c.value for c in documents[1]]
    assert "省份" in header and "是否头版" in header
    assert workbook["matrix"].max_row == 6
