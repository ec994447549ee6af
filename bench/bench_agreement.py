"""Inter-coder agreement on 3 coders over 1,000 generated articles at word units, all measures with
per-code figures, against a baseline measured in the same run.

    python bench/bench_agreement.py [--articles 1000] [--coders 3] [--sentences 60] [--ci 1000]

The project is built with bulk inserts (documents, their segmentations, and each coder's annotations,
which loosely follow a shared "true" coding so agreement is above chance, with some documents left
uncoded by some coders). The baseline is the least the measurement must do: the bare SQL query
fetching the compared coders' annotations and the documents' stored segmentations, with numpy arrays
built from them. Target in issue 14: within 10 s.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

import numpy as np  # noqa: E402
from agreement_data import random_text  # noqa: E402
from sqlalchemy import insert  # noqa: E402

from desktop_app.core.analysis.agreement import measure_agreement  # noqa: E402
from desktop_app.core.codebook.tree import list_codes  # noqa: E402
from desktop_app.core.projects.new_project import init_project  # noqa: E402
from desktop_app.core.store.models import Annotation, Coder, Document, Segmentation  # noqa: E402
from desktop_app.core.store.project import open_project  # noqa: E402
from desktop_app.core.text.importer import segmenter_for  # noqa: E402
from desktop_app.core.text.segment import pack_boundaries  # noqa: E402


def build(path: Path, articles: int, coders: int, sentences: int, codes: int, seed: int = 14) -> list[str]:
    rng = random.Random(seed)
    names = [f"coder{n}" for n in range(1, coders + 1)]
    with init_project(path, sample=False) as project, project.session_factory.begin() as session:
        code_ids = [c.id for c in list_codes(session) if c.codable][:codes]
        segmenter = segmenter_for(session)
        texts = [random_text(rng, sentences) for _ in range(articles)]
        session.execute(insert(Document), [
            {"id": n + 1, "title": f"article {n}", "original_text": t, "text": t, "content_hash": f"h{n}"}
            for n, t in enumerate(texts)])
        cuts = segmenter.boundaries_many(texts)
        session.execute(insert(Segmentation), [
            {"document_id": n + 1, "dictionary_hash": segmenter.dictionary_hash, "boundaries": pack_boundaries(c)}
            for n, c in enumerate(cuts)])
        session.execute(insert(Coder), [{"id": i + 1, "name": name} for i, name in enumerate(names)])
        rows = []
        for n, text in enumerate(texts):
            truth = []
            for _ in range(rng.randint(4, 12)):
                start = rng.randrange(len(text) - 1)
                truth.append((rng.choice(code_ids), start, min(len(text), start + rng.randint(2, 30))))
            for coder in range(1, coders + 1):
                if rng.random() < 0.1:
                    continue  # not coded by this coder: missing
                for code, start, end in truth:
                    if rng.random() < 0.2:
                        continue
                    if rng.random() < 0.15:
                        code = rng.choice(code_ids)
                    start = max(0, start + rng.randint(-3, 3))
                    end = max(start + 1, min(len(text), end + rng.randint(-3, 3)))
                    rows.append({"document_id": n + 1, "code_id": code, "coder_id": coder, "start": start,
                                 "end": end, "quote": text[start:end]})
        session.execute(insert(Annotation), rows)
    return names


def baseline(path: Path, coders: int) -> tuple[float, int]:
    started = time.perf_counter()
    connection = sqlite3.connect(path)
    rows = connection.execute(
        "SELECT document_id, code_id, coder_id, start_offset, end_offset FROM annotations "
        f"WHERE coder_id IN ({','.join('?' * coders)})", list(range(1, coders + 1))).fetchall()
    table = np.array(rows, dtype=np.int64)
    words = [np.frombuffer(blob, dtype="<u4") for (blob,) in
             connection.execute("SELECT boundaries FROM segmentations ORDER BY document_id")]
    total = int(sum(len(w) for w in words))
    connection.close()
    assert len(table) > 0
    return time.perf_counter() - started, total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--coders", type=int, default=3)
    parser.add_argument("--sentences", type=int, default=60)
    parser.add_argument("--codes", type=int, default=20)
    parser.add_argument("--ci", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.govcoder"
        started = time.perf_counter()
        names = build(path, args.articles, args.coders, args.sentences, args.codes)
        print(f"built {args.articles} articles, {args.coders} coders in {time.perf_counter() - started:.1f} s")
        base = min(baseline(path, args.coders)[0] for _ in range(3))
        with open_project(path) as project:
            for label, ci in (("all measures, per code", None), (f"the same with --ci {args.ci}", args.ci)):
                times = []
                for _ in range(3):
                    with project.session_factory() as session:
                        started = time.perf_counter()
                        report = measure_agreement(session, names, "word", per_code=True, ci=ci)
                        times.append(time.perf_counter() - started)
                best = min(times)
                print(f"{label}: {best:.2f} s (best of 3), {report.units_compared:,} word units compared, "
                      f"{len(report.per_code)} codes, alpha {report.overall.alpha.value:.3f}, "
                      f"alpha-U {report.overall.alpha_u.value:.3f}; baseline (SQL + arrays) {base:.3f} s, "
                      f"{best / base:.1f}x; target 10 s: {'met' if best <= 10 else 'not met'}")
            # The generated coders overlap codes, so one domain per root is refused at once; one domain
            # per code makes the 2016 family do its whole work (|u-alpha and cu-alpha per domain, Cu-alpha).
            with project.session_factory() as session:
                started = time.perf_counter()
                report = measure_agreement(session, names, "word", per_code=True, domains=report.codes)
                took = time.perf_counter() - started
            family = report.unitizing_2016
            print(f"all measures with the 2016 family, one domain per code: {took:.2f} s, "
                  f"{family.length:,} characters, {len(family.domains)} domains, {took / base:.1f}x; "
                  f"target 10 s: {'met' if took <= 10 else 'not met'}")


if __name__ == "__main__":
    main()
