"""The streaming workbook writer: what it writes reads back cell for cell in openpyxl."""

from __future__ import annotations

from datetime import date

from openpyxl import load_workbook

from desktop_app.core.interchange.xlsx_writer import MAX_CELL, Workbook, column_letters


def test_every_kind_of_value_reads_back_in_place(tmp_path):
    out = tmp_path / "w.xlsx"
    book = Workbook(out)
    bold = book.style(bold=True)
    red = book.style(fill="C0392B", font_colour="FFFFFF")
    sheet = book.add_sheet("annotations")
    sheet.append(["a", "b", "c", "d", "e", "f"], styles=dict.fromkeys(range(6), bold))
    rows = [
        ["𠮷野家😀", 3, 2.5, True, None, "=SUM(A1)"],
        ["＝HYPERLINK(\"x\")", -1, 0.0, False, date(2024, 3, 5), "<&>\"'"],
        ["tab\tand\nnewline", 10**12, 1e-9, "", "控\x00制\x1f字符", "x" * (MAX_CELL + 10)],
    ]
    for row in rows:
        sheet.append(row, styles={0: red})
    wide = book.add_sheet("annotations")  # the same title twice gets a distinct name
    wide.append(list(range(30)))
    book.close()

    workbook = load_workbook(out)
    assert workbook.sheetnames == ["annotations", "annotations (2)"]
    first = workbook["annotations"]
    assert first.freeze_panes == "A2" and first["A1"].font.bold
    values = [[cell.value for cell in row] for row in first.iter_rows(min_row=2)]
    assert values[0] == ["𠮷野家😀", 3, 2.5, True, None, "=SUM(A1)"]
    assert values[1][:4] == ["＝HYPERLINK(\"x\")", -1, 0, False] and values[1][5] == "<&>\"'"
    assert values[1][4] == "2024-03-05"
    assert values[2][0] == "tab\tand\nnewline" and values[2][1] == 10**12 and values[2][2] == 1e-9
    assert values[2][3] is None and values[2][4] == "控制字符"
    assert len(values[2][5]) == MAX_CELL and values[2][5].endswith("…")
    for row in first.iter_rows(min_row=2):
        assert all(cell.data_type != "f" for cell in row)  # no cell is ever a formula
        assert row[0].fill.start_color.rgb == "FFC0392B" and row[0].font.color.rgb == "FFFFFFFF"
    assert [c.value for c in workbook["annotations (2)"][1]] == list(range(30))


def test_column_letters_follow_excel():
    assert [column_letters(i) for i in (0, 25, 26, 27, 51, 52, 701, 702)] == \
           ["A", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA"]
