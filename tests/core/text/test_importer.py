"""Importing into a real project file: transactions, duplicates, formats, cached tokens."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop_app.core.store.models import Document, DocumentAttribute, Segmentation
from desktop_app.core.store.project import create_project
from desktop_app.core.text.importer import ensure_segmentation, import_paths, segmenter_for
from desktop_app.core.text.pipeline import CleaningOptions
from desktop_app.core.text.segment import Segmenter, unpack_boundaries


@pytest.fixture
def project(tmp_path):
    with create_project(tmp_path / "study.govcoder") as project:
        yield project


def count(project, model=Document):
    with project.session_factory() as session:
        return session.scalar(select(func.count()).select_from(model))


def test_seeds_import_with_metadata_cleaning_and_cached_tokens(project, seed_paths, segmenter):
    results = import_paths(project.session_factory, sorted(seed_paths.values()), segmenter=segmenter)
    imported = {r.file.rsplit("/", 1)[-1][:3]: r for r in results if r.status == "imported"}
    assert sorted(imported) == ["000", "001", "002", "003", "004"]
    assert imported["001"].script == "traditional" and imported["001"].encoding == "utf-8"
    assert {"step": "pinyin", "description": "pinyin glosses after characters removed", "count": 288} in \
        imported["001"].cleaning
    with project.session_factory() as session:
        document = session.get(Document, imported["002"].id)
        assert document.published == dt.date(2022, 1, 13)
        assert document.outlet == "深圳新闻网"
        assert document.original_text.startswith("时间:2023-01-20")
        assert document.extracted["dates_disagree"] is True
        attributes = {a.key: (a.type, a.value) for a in document.attributes}
        assert attributes["correspondents"] == ("text", "张智强、熊海霞")
        cached = session.get(Segmentation, document.id)
        boundaries = unpack_boundaries(cached.boundaries)
        assert boundaries[-1] == len(document.text)
        assert cached.dictionary_hash == segmenter.dictionary_hash
        assert len(cached.boundaries) == 4 * len(boundaries)


def test_duplicates_are_skipped_unless_forced(project, seed_paths, tmp_path, segmenter):
    original = seed_paths["000"].read_text(encoding="utf-8")
    variant = tmp_path / "repost.txt"  # the same article reposted: CRLF, indentation, a header line
    variant.write_bytes(("时间:2023-05-01 来源:转载网\r\n\r\n" + original.replace("\n", "\r\n\u3000\u3000"))
                        .encode("gb18030"))
    first = import_paths(project.session_factory, [seed_paths["000"], variant, seed_paths["000"]],
                         segmenter=segmenter)
    assert [r.status for r in first] == ["imported", "skipped", "skipped"]
    assert "same text as" in first[1].reason and first[1].encoding == "gb18030"
    again = import_paths(project.session_factory, [variant], segmenter=segmenter)
    assert again[0].status == "skipped" and f"document {first[0].id}" in again[0].reason
    forced = import_paths(project.session_factory, [variant], force=True, segmenter=segmenter)
    assert forced[0].status == "imported"
    assert count(project) == 2


def test_a_failed_file_leaves_nothing_and_the_others_still_import(project, seed_paths, tmp_path, segmenter):
    bad = tmp_path / "broken.txt"
    bad.write_bytes(seed_paths["003"].read_text(encoding="utf-8").encode("gb18030")[:-1])
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    results = import_paths(project.session_factory, [bad, empty, seed_paths["004"], tmp_path / "missing.txt"],
                           segmenter=segmenter)
    assert [r.status for r in results] == ["failed", "failed", "imported", "failed"]
    assert results[0].reason.startswith(f"{bad}: ") and "truncated" in results[0].reason
    assert "empty" in results[1].reason and "missing.txt" in results[3].reason
    assert count(project) == 1 and count(project, Segmentation) == 1


def test_a_storage_error_rolls_back_the_whole_file_and_spares_the_others(project, tmp_path, seed_paths,
                                                                         segmenter):
    from sqlalchemy import text

    table = tmp_path / "two.csv"
    table.write_text("标题,正文,地区\n一,党建引领基层治理第一篇。,贵州\n二,网格员入户走访第二篇。,深圳\n",
                     encoding="utf-8")
    with project.session_factory.begin() as session:  # the database itself refuses the second row
        session.execute(text("CREATE TRIGGER refuse BEFORE INSERT ON documents WHEN NEW.title = '二' "
                             "BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END"))
    results = import_paths(project.session_factory, [seed_paths["000"], table, seed_paths["004"]],
                           segmenter=segmenter)
    assert [r.status for r in results] == ["imported", "failed", "failed", "imported"]
    assert "disk I/O error" in results[1].reason and results[1].reason.endswith("from this file")
    assert count(project) == 2 and count(project, Segmentation) == 2
    with project.session_factory() as session:
        assert {d.id for d in session.scalars(select(Document))} == {results[0].id, results[3].id}
        # Row one's 地区 went with the rest of its file.
        assert session.scalar(select(func.count()).where(DocumentAttribute.key == "地区")) == 0


def test_progress_and_cancellation(project, seed_paths, segmenter):
    seen = []
    paths = sorted(seed_paths.values())
    results = import_paths(project.session_factory, paths, segmenter=segmenter,
                           progress=lambda done, total, name: seen.append((done, total)),
                           cancelled=lambda: len(seen) >= 2)
    assert [r.status for r in results] == ["imported", "imported", "skipped", "skipped", "skipped"]
    assert results[2].reason == "import cancelled before this file"
    assert seen[:2] == [(0, 5), (1, 5)] and count(project) == 2


def test_segmentation_cache_is_recomputed_when_the_dictionary_changes(project, seed_paths, segmenter):
    [result] = import_paths(project.session_factory, [seed_paths["000"]], segmenter=segmenter)
    with project.session_factory.begin() as session:
        assert ensure_segmentation(session, result.id, segmenter) == segmenter.boundaries(
            session.get(Document, result.id).text)
        richer = Segmenter(["金岭先行示范社区"])
        boundaries = ensure_segmentation(session, result.id, richer)
        text = session.get(Document, result.id).text
        start = text.index("金岭先行示范社区")
        assert start + 8 in boundaries and start + 2 not in boundaries
    with project.session_factory() as session:
        assert session.get(Segmentation, result.id).dictionary_hash == richer.dictionary_hash
        assert segmenter_for(session).dictionary_hash == Segmenter().dictionary_hash  # no codes yet


def test_no_clean_stores_the_text_as_decoded(project, seed_paths, segmenter):
    [result] = import_paths(project.session_factory, [seed_paths["001"]], options=CleaningOptions.none(),
                            segmenter=segmenter)
    with project.session_factory() as session:
        document = session.get(Document, result.id)
        assert document.text == document.original_text and document.cleaning == []


def test_html_docx_csv_xlsx_and_markdown(project, tmp_path, seed_texts, segmenter):
    import docx
    import openpyxl

    body = seed_texts["003"].split("\n")[:3]
    (tmp_path / "page.html").write_bytes(
        ("<html><head><meta charset='gbk'><title>站点 - 标题</title>"
         "<meta property='og:title' content='兴旺社区:突出三个引领'>"
         "<meta name='publishdate' content='2021-06-01'></head><body>"
         "<nav>首页 | 新闻 | 关于</nav><header>网站头</header><div class='content'>"
         + "".join(f"<p>{line}</p>" for line in body)
         + "</div><footer>版权所有</footer><script>var x = '脚本';</script></body></html>").encode("gbk"))
    word = docx.Document()
    word.core_properties.title = "金岭社区"
    for line in seed_texts["000"].split("\n")[:4]:
        word.add_paragraph(line)
    word.save(tmp_path / "report.docx")
    (tmp_path / "table.csv").write_bytes(
        "\ufeff标题,日期,来源,正文,地区\n甲文,2022/3/4,某报,党建引领小区治理第一篇。,贵州\n乙文,,,网格员入户走访。,深圳\n"
        .encode("utf-8"))
    book = openpyxl.Workbook()
    book.active.append(["title", "date", "source", "text", "wave"])
    book.active.append(["Row one", dt.datetime(2021, 5, 6), "Outlet", "吹哨报到机制运行良好。", 3])
    book.save(tmp_path / "sheet.xlsx")
    (tmp_path / "note.md").write_text("# 诉源治理笔记\n\n推进诉源治理。\n", encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n")  # ignored inside a folder
    results = import_paths(project.session_factory, [tmp_path], segmenter=segmenter)
    assert all(r.status == "imported" for r in results), results
    with project.session_factory() as session:
        documents = {d.title: d for d in session.scalars(select(Document))}
        attributes = {(a.key, a.type, a.value) for a in session.scalars(select(DocumentAttribute))}
    assert set(documents) == {"兴旺社区:突出三个引领", "金岭社区", "甲文", "乙文", "Row one", "诉源治理笔记"}
    page = documents["兴旺社区:突出三个引领"]
    assert page.text == "\n".join(body) and page.encoding == "gb18030"
    assert page.published == dt.date(2021, 6, 1)
    assert "首页" not in page.text and "脚本" not in page.text
    assert documents["金岭社区"].outlet == "民主与法制网" and documents["金岭社区"].encoding == "docx"
    assert documents["甲文"].published == dt.date(2022, 3, 4) and documents["甲文"].outlet == "某报"
    assert documents["Row one"].published == dt.date(2021, 5, 6)
    assert {("地区", "text", "贵州"), ("地区", "text", "深圳"), ("wave", "number", "3")} <= attributes
    assert sum(1 for r in results if "(row" in r.file) == 3


def test_unsupported_and_damaged_files_fail_cleanly(project, tmp_path, segmenter):
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.7")
    (tmp_path / "fake.docx").write_bytes(b"not a zip at all")
    (tmp_path / "fake.xlsx").write_bytes(b"PK\x03\x04garbage")
    (tmp_path / "notext.csv").write_text("标题,日期\n甲,2020-01-01\n", encoding="utf-8")
    paths = [tmp_path / name for name in ("scan.pdf", "fake.docx", "fake.xlsx", "notext.csv")]
    results = import_paths(project.session_factory, paths, segmenter=segmenter)
    assert [r.status for r in results] == ["failed"] * 4
    assert "unsupported file type '.pdf'" in results[0].reason
    assert "fake.docx" in results[1].reason and "fake.xlsx" in results[2].reason
    assert "no text column" in results[3].reason
    assert all(r.reason.endswith("nothing was imported") for r in results)
    assert count(project) == 0


@pytest.mark.parametrize("commit_seconds", [0.0, 60.0])  # a commit per batch, or one at the end
def test_a_large_import_keeps_order_duplicates_and_tokens_across_batches(
        project, seed_texts, tmp_path, segmenter, monkeypatch, commit_seconds):
    from sqlalchemy import text

    import desktop_app.core.text.import_store as import_store
    import desktop_app.core.text.importer as importer

    monkeypatch.setattr(import_store, "COMMIT_SECONDS", commit_seconds)
    lines = [line for seed in seed_texts.values() for line in seed.split("\n") if len(line) > 30]
    folder = tmp_path / "articles"
    folder.mkdir()
    count_files = 2 * importer.BATCH_ARTICLES + 50
    for number in range(count_files):
        body = "\n".join(lines[(number * 3 + k) % len(lines)] for k in range(3))
        (folder / f"{number:04d}.txt").write_text(f"第{number}篇。\n{body}", encoding="utf-8")
    # A repost of an article from the first batch, in the last batch.
    (folder / "0299-repost.txt").write_text((folder / "0010.txt").read_text(encoding="utf-8") + "\n\n",
                                           encoding="utf-8")
    with project.session_factory.begin() as session:  # and one article the database refuses
        session.execute(text("CREATE TRIGGER refuse BEFORE INSERT ON documents "
                             "WHEN NEW.text LIKE '第200篇。%' BEGIN SELECT RAISE(ABORT, 'refused'); END"))

    results = import_paths(project.session_factory, [folder], segmenter=segmenter)

    names = [r.file.rsplit("/", 1)[-1] for r in results]
    assert names == sorted(p.name for p in folder.iterdir())
    by_name = dict(zip(names, results, strict=True))
    assert by_name["0299-repost.txt"].status == "skipped" and "0010" in by_name["0299-repost.txt"].reason
    assert by_name["0200.txt"].status == "failed" and "refused" in by_name["0200.txt"].reason
    imported = [r for r in results if r.status == "imported"]
    assert len(imported) == count_files - 1 and len({r.id for r in imported}) == len(imported)
    with project.session_factory() as session:
        assert count(project) == len(imported) and count(project, Segmentation) == len(imported)
        for result in imported[::37]:  # ids belong to their files, tokens to their texts
            document = session.get(Document, result.id)
            assert document.source_path == result.file
            assert document.text.startswith(f"第{int(Path(result.file).stem)}篇。")
            cached = session.get(Segmentation, result.id)
            assert unpack_boundaries(cached.boundaries) == segmenter.boundaries(document.text)


def import_twice_at_once(session_factory, paths, segmenter, monkeypatch):
    """Two imports of the same files, both past their duplicate check before either stores, unless
    the database makes the second wait for the first (then the first stops waiting after a while)."""
    import threading

    import desktop_app.core.text.import_store as import_store

    both_checked = threading.Barrier(2)
    real_known_hashes = import_store._known_hashes

    def known_hashes_then_wait_for_the_other(session, hashes):
        known = real_known_hashes(session, hashes)
        try:
            both_checked.wait(timeout=2)
        except threading.BrokenBarrierError:
            pass
        return known

    monkeypatch.setattr(import_store, "_known_hashes", known_hashes_then_wait_for_the_other)
    results: list = [None, None]

    def run(slot):
        results[slot] = import_paths(session_factory, paths, segmenter=segmenter)

    threads = [threading.Thread(target=run, args=(slot,)) for slot in (0, 1)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


def test_two_imports_at_once_store_each_article_once(project, seed_paths, segmenter, monkeypatch):
    first, second = import_twice_at_once(project.session_factory, sorted(seed_paths.values()), segmenter,
                                         monkeypatch)
    statuses = sorted([r.status for r in first] + [r.status for r in second])
    assert statuses == ["imported"] * 5 + ["skipped"] * 5
    assert count(project) == 5


@pytest.mark.postgres
def test_two_team_members_importing_the_same_files_at_once_store_each_once(postgres_url, seed_paths, segmenter,
                                                                           monkeypatch):
    from desktop_app.core.projects.new_project import init_project

    with init_project(postgres_url, sample=False) as project:
        first, second = import_twice_at_once(project.session_factory, sorted(seed_paths.values()), segmenter,
                                             monkeypatch)
        statuses = sorted([r.status for r in first] + [r.status for r in second])
        assert statuses == ["imported"] * 5 + ["skipped"] * 5
        assert count(project) == 5 and count(project, Segmentation) == 5


def test_a_long_table_reports_its_rows_and_cancelling_inside_it_imports_none_of_it(project, tmp_path, segmenter):
    table = tmp_path / "三百行.csv"
    table.write_text("标题,正文\n" + "".join(f"第{n}篇,网格员第{n}次入户走访。\n" for n in range(300)),
                     encoding="utf-8")
    after = tmp_path / "after.txt"
    after.write_text("吹哨报到机制运行良好。", encoding="utf-8")
    names: list[str] = []
    results = import_paths(project.session_factory, [table, after], segmenter=segmenter,
                           progress=lambda done, total, name: names.append(name),
                           cancelled=lambda: any("(101 of 300)" in name for name in names))
    assert f"{table} (26 of 300)" in names and f"{table} (101 of 300)" in names
    assert not any("(126 of 300)" in name for name in names)  # stopped at the next check
    assert [r.status for r in results] == ["skipped", "skipped"]
    assert "while reading this file" in results[0].reason and "before this file" in results[1].reason
    assert count(project) == 0


def test_a_table_cell_longer_than_csvs_default_limit_is_one_article(project, tmp_path, segmenter):
    table = tmp_path / "政策全文.csv"
    long_text = "网格员入户走访，" * 20000  # 160,000 characters in one cell
    table.write_text(f"标题,正文\n长文,{long_text}\n", encoding="utf-8")
    [result] = import_paths(project.session_factory, [table], segmenter=segmenter)
    assert result.status == "imported"
    with project.session_factory() as session:
        assert session.get(Document, result.id).text == long_text


def test_a_reader_bug_on_one_file_fails_that_file_only(project, seed_paths, tmp_path, segmenter, monkeypatch):
    import desktop_app.core.text.readers as readers

    odd = tmp_path / "odd.html"
    odd.write_text("<p>社区治理</p>", encoding="utf-8")

    def broken_html_reader(data, path, encoding):
        raise RuntimeError("parser crashed")

    monkeypatch.setattr(readers, "_read_html", broken_html_reader)
    results = import_paths(project.session_factory, [odd, seed_paths["000"]], segmenter=segmenter)
    assert [r.status for r in results] == ["failed", "imported"]
    assert results[0].reason == f"{odd}: could not be read (RuntimeError: parser crashed); nothing was imported"


def test_a_page_without_article_text_fails_and_an_all_furniture_article_is_skipped(project, tmp_path, segmenter):
    (tmp_path / "shell.html").write_text("<html><head><title>x</title></head><body><script>1</script></body></html>",
                                         encoding="utf-8")
    (tmp_path / "furniture.txt").write_text("责任编辑:王营波\n", encoding="utf-8")
    table = tmp_path / "rows.csv"
    table.write_text("标题,正文\n甲,责任编辑:李四\n乙,网格员入户走访。\n", encoding="utf-8")
    results = import_paths(project.session_factory, [tmp_path], segmenter=segmenter)
    by_file = {r.file.rsplit("/", 1)[-1]: r for r in results}
    assert by_file["shell.html"].status == "failed" and "no article text" in by_file["shell.html"].reason
    assert by_file["furniture.txt"].status == "skipped" and "--no-furniture" in by_file["furniture.txt"].reason
    assert by_file["rows.csv (row 2)"].status == "skipped" and by_file["rows.csv (row 3)"].status == "imported"
    assert count(project) == 1
    kept = import_paths(project.session_factory, [tmp_path / "furniture.txt"], segmenter=segmenter,
                        options=CleaningOptions(furniture=False))
    assert kept[0].status == "imported"


def long_table(folder, rows: int):
    table = folder / "长表.csv"
    table.write_text("标题,正文\n" + "".join(f"第{n}篇,网格员第{n}次入户走访。\n" for n in range(rows)),
                     encoding="utf-8")
    return table


def test_a_long_table_is_stored_in_parts_and_a_refused_part_fails_alone(project, tmp_path, segmenter, monkeypatch):
    from sqlalchemy import text

    import desktop_app.core.text.import_read as import_read

    monkeypatch.setattr(import_read, "PART_ROWS", 10)
    table = long_table(tmp_path, 35)  # parts: rows 2-11, 12-21, 22-31, 32-36
    with project.session_factory.begin() as session:
        session.execute(text("CREATE TRIGGER refuse BEFORE INSERT ON documents WHEN NEW.title = '第25篇' "
                             "BEGIN SELECT RAISE(ABORT, 'refused'); END"))
    results = import_paths(project.session_factory, [table], segmenter=segmenter)
    assert len(results) == 35
    failed = [int(r.file.rsplit("row ", 1)[1].rstrip(")")) for r in results if r.status == "failed"]
    assert failed == list(range(22, 32))  # the third part, which holds 第25篇 in row 27
    assert all(r.reason.endswith("(refused); nothing was imported from rows 22-31 of this table")
               for r in results if r.status == "failed")
    assert count(project) == 25


def test_cancelling_a_long_table_keeps_its_complete_parts(project, tmp_path, segmenter, monkeypatch):
    import desktop_app.core.text.import_read as import_read

    monkeypatch.setattr(import_read, "PART_ROWS", 100)
    table = long_table(tmp_path, 300)
    names: list[str] = []
    results = import_paths(project.session_factory, [table], segmenter=segmenter,
                           progress=lambda done, total, name: names.append(name),
                           cancelled=lambda: any("(226 of 300)" in name for name in names))
    assert [r.status for r in results] == ["imported"] * 200 + ["skipped"]
    assert results[-1].reason == "import cancelled while reading this file; the rows after its first 200 were not imported"
    assert count(project) == 200


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_tables_separated_by_commas_semicolons_tabs_or_bars(project, tmp_path, segmenter, delimiter):
    table = tmp_path / "export.csv"
    rows = [["标题", "正文", "地区"], ["甲文", "网格员入户走访,调解纠纷。", "贵州"], ["乙文", "吹哨报到; 街乡响应。", "深圳"]]
    quoted = [[f'"{cell}"' if delimiter in cell else cell for cell in row] for row in rows]
    table.write_text("".join(delimiter.join(row) + "\n" for row in quoted), encoding="utf-8")
    results = import_paths(project.session_factory, [table], segmenter=segmenter)
    assert [r.status for r in results] == ["imported", "imported"]
    with project.session_factory() as session:
        texts = {d.title: d.text for d in session.scalars(select(Document))}
        regions = {a.value for a in session.scalars(select(DocumentAttribute).where(DocumentAttribute.key == "地区"))}
    assert texts == {"甲文": "网格员入户走访,调解纠纷。", "乙文": "吹哨报到; 街乡响应。"} and regions == {"贵州", "深圳"}


def test_a_word_document_keeps_text_in_tables_in_reading_order(project, tmp_path, segmenter):
    import docx

    word = docx.Document()
    word.add_paragraph("关于推进网格化管理的通知")
    table = word.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "发文单位"
    table.cell(0, 1).text = "某街道办事处"
    merged = table.cell(1, 0).merge(table.cell(1, 1))
    merged.text = "各社区要配齐专职网格员。"
    word.add_paragraph("特此通知。")
    word.save(tmp_path / "通知.docx")
    [result] = import_paths(project.session_factory, [tmp_path / "通知.docx"], segmenter=segmenter)
    with project.session_factory() as session:
        text = session.get(Document, result.id).text
    assert text.split("\n") == ["关于推进网格化管理的通知", "发文单位", "某街道办事处", "各社区要配齐专职网格员。", "特此通知。"]


def test_a_spreadsheet_with_a_title_above_its_header_and_blank_rows_keeps_its_row_numbers(project, tmp_path,
                                                                                         segmenter):
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["2023年基层治理新闻汇总"])
    sheet.append([])
    sheet.append(["标题", "正文"])
    sheet.append(["甲文", "网格员入户走访。"])
    sheet.append([])
    sheet.append(["乙文", "吹哨报到机制运行良好。"])
    book.save(tmp_path / "汇总.xlsx")
    results = import_paths(project.session_factory, [tmp_path / "汇总.xlsx"], segmenter=segmenter)
    assert [r.file.rsplit(" ", 2)[-2:] for r in results] == [["(row", "4)"], ["(row", "6)"]]
    assert [r.status for r in results] == ["imported", "imported"]
