"""Export and re-import 100,000 annotations over 1,000 documents in every interchange format.

The baseline, measured in the same run, is json.dumps of the same records (documents with their text,
codes, coders, annotations) written to disk. Each export and import is timed end to end (reading from
or writing to the project database included) and printed as a ratio to that baseline; the target is
3x or less. Run: .venv/bin/python bench/bench_interchange.py [--docs 1000] [--per-doc 100]
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import insert

from desktop_app.core.interchange import export_project, import_project
from desktop_app.core.interchange.collect import collect_project
from desktop_app.core.store.models import Annotation, Code, Coder, Document
from desktop_app.core.store.project import create_project

WORDS = ["党建引领", "基层治理", "网格化管理", "枫桥经验", "三治融合", "自治", "法治", "德治", "社区", "居民",
         "志愿服务", "矛盾纠纷", "就地化解", "数字赋能", "𠮷祥", "😀", "，", "。", "\n"]


def build(path: Path, documents: int, per_doc: int):
    rng = random.Random(7)
    project = create_project(path)
    now = datetime.now(UTC)
    with project.session_factory.begin() as s:
        coders = [Coder(name=f"coder{i}") for i in range(3)]
        s.add_all(coders)
        roots = [Code(name=f"类别{i}", position=i, colour="#336699", codable=False) for i in range(4)]
        s.add_all(roots)
        s.flush()
        leaves = [Code(name=f"代码{i}", parent_id=roots[i % 4].id, position=i, colour=f"#{rng.randrange(1 << 24):06X}",
                       description="说明" * 5) for i in range(20)]
        s.add_all(leaves)
        s.flush()
        texts = ["".join(rng.choice(WORDS) for _ in range(600)) for _ in range(documents)]
        s.execute(insert(Document), [
            {"title": f"文章{i}", "outlet": "人民日报", "original_text": text, "text": text, "script": "simplified",
             "content_hash": f"{i:064d}", "authors": [], "cleaning": [], "extracted": {}} for i, text in enumerate(texts)])
        doc_ids = [d.id for d in s.query(Document.id).order_by(Document.id)]
        rows = []
        for doc_id, text in zip(doc_ids, texts, strict=True):
            for _ in range(per_doc):
                start = rng.randrange(0, len(text) - 30)
                end = start + rng.randrange(1, 30)
                rows.append({"document_id": doc_id, "code_id": rng.choice(leaves).id, "coder_id": rng.choice(coders).id,
                             "start": start, "end": end, "quote": text[start:end], "memo": "",
                             "created_at": now, "updated_at": now, "guid": None})
        for row in rows:
            row["guid"] = str(uuid.uuid4())
        for i in range(0, len(rows), 10000):
            s.execute(insert(Annotation), rows[i:i + 10000])
    return project


def timed(action) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def main(argv=None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--per-doc", type=int, default=100)
    parser.add_argument("--keep", action="store_true", help="keep the work folder with every file written")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="govcoder-bench-"))
    print(f"building {args.docs} documents x {args.per_doc} annotations in {work} ...", flush=True)
    project = build(work / "bench.govcoder", args.docs, args.per_doc)

    with project.session_factory() as s:
        data = collect_project(s)
    records = {
        "documents": [{"guid": d.guid, "title": d.title, "outlet": d.outlet, "text": d.text} for d in data.documents],
        "codes": [{"guid": c.guid, "name": c.name, "parent": c.parent, "colour": c.colour} for c in data.codes],
        "coders": [{"guid": c.guid, "name": c.name} for c in data.coders],
        "annotations": [{"guid": a.guid, "document": a.document, "code": a.code, "coder": a.coder, "start": a.start,
                         "end": a.end, "quote": a.quote, "memo": a.memo} for a in data.annotations],
    }
    baseline_path = work / "baseline.json"
    baseline = min(timed(lambda: baseline_path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8"))
                   for _ in range(3))
    print(f"baseline json.dumps + write: {baseline:.3f} s ({len(data.annotations)} annotations)\n")
    print(f"{'format':<16}{'export s':>10}{'ratio':>8}{'import s':>10}{'ratio':>8}")
    worst = 0.0
    cases = [("qdpx", "generic"), ("qdpx", "nvivo"), ("qdpx", "maxqda"), ("json", None), ("csv", None),
             ("matrix", None), ("xlsx", None), ("qdc", None)]
    for fmt, target in cases:
        suffix = {"matrix": "csv"}.get(fmt, fmt)
        out = work / f"out-{fmt}-{target or 'x'}.{suffix}"

        def export(out=out, fmt=fmt, target=target):
            with project.session_factory() as s:
                export_project(s, out, fmt, target=target or "generic")

        export_time = timed(export)
        line = f"{fmt + ('/' + target if target else ''):<16}{export_time:>10.3f}{export_time / baseline:>7.1f}x"
        worst = max(worst, export_time / baseline)
        if fmt in ("qdpx", "json"):
            fresh = create_project(work / f"import-{fmt}-{target}.govcoder")
            started = time.perf_counter()
            report = import_project(fresh.session_factory, out)
            import_time = time.perf_counter() - started
            fresh.close()
            assert report is not None and report.annotations == len(data.annotations), report.summary_lines()[:3]
            line += f"{import_time:>10.3f}{import_time / baseline:>7.1f}x"
            worst = max(worst, import_time / baseline)
        print(line, flush=True)
    project.close()
    if args.keep:
        print(f"files kept in {work}")
    else:
        shutil.rmtree(work, ignore_errors=True)
    print(f"\nworst ratio {worst:.1f}x (target 3x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
