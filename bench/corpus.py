"""A synthetic corpus for the scale benchmarks: N articles of seed paragraphs, three annotations each,
written with bare sqlite3 into a project created the normal way (migrations, default codebook), and
kept between runs under bench/out/ because a 50,000-article project takes a minute to write."""

from __future__ import annotations

import hashlib
import json
import random
import sqlite3
import uuid
from pathlib import Path

from desktop_app.core.paths import seed_files

OUT = Path(__file__).resolve().parent / "out"
ARTICLE_CHARS = 3_300  # about 20 KB stored per article (text and original), 1 GB at 50,000
ANNOTATIONS_PER_ARTICLE = 3


def _paragraphs() -> list[str]:
    return [p for path in seed_files() for p in path.read_text(encoding="utf-8").split("\n") if len(p.strip()) > 20]


def corpus_project(articles: int, *, rebuild: bool = False) -> Path:
    """The project file for `articles` articles, built once."""
    from desktop_app.core.projects.new_project import init_project

    OUT.mkdir(exist_ok=True)
    path = OUT / f"corpus-{articles}.govcoder"
    if path.exists() and not rebuild:
        return path
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    init_project(path, sample=False).close()
    rng = random.Random(articles)
    paragraphs = _paragraphs()
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=OFF")
    codes = [row[0] for row in connection.execute("SELECT id FROM codes WHERE codable = 1")]
    connection.execute("INSERT INTO coders (guid, name, created_at) VALUES (?, 'bench', '2026-01-01 00:00:00')",
                       (str(uuid.uuid4()),))
    coder = connection.execute("SELECT id FROM coders WHERE name = 'bench'").fetchone()[0]
    columns = _document_columns(connection)
    batch = 1_000
    for first in range(0, articles, batch):
        documents, spans = [], []
        for number in range(first, min(first + batch, articles)):
            parts, total = [], 0
            while total < ARTICLE_CHARS:
                paragraph = rng.choice(paragraphs)
                parts.append(paragraph)
                total += len(paragraph) + 1
            text = f"第{number}篇\n" + "\n".join(parts)[:ARTICLE_CHARS]
            documents.append(_document_row(columns, number, text, rng))
            for _ in range(ANNOTATIONS_PER_ARTICLE):
                start = rng.randrange(len(text) - 30)
                end = start + rng.choice([2, 4, 8, 16])
                spans.append((number, start, end, text[start:end], rng.choice(codes)))
        connection.executemany(
            f"INSERT INTO documents ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})", documents)
        ids = dict(connection.execute("SELECT title, id FROM documents WHERE id > ?", (first,)))
        connection.executemany(
            "INSERT INTO annotations (guid, document_id, code_id, coder_id, start_offset, end_offset, quote, memo,"
            " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, '', '2026-01-01 00:00:00', '2026-01-01 00:00:00')",
            [(str(uuid.uuid4()), ids[f"文章 {number}"], code, coder, start, end, quote)
             for number, start, end, quote, code in spans])
        connection.commit()
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    return path


def _document_columns(connection: sqlite3.Connection) -> list[str]:
    wanted = ["guid", "title", "outlet", "published", "authors", "original_text", "text", "script", "cleaning",
              "extracted", "content_hash", "imported_at"]
    present = {row[1] for row in connection.execute("PRAGMA table_info(documents)")}
    if "chars" in present:  # the stored character count, where the schema has it
        wanted.append("chars")
    return wanted


def _document_row(columns: list[str], number: int, text: str, rng: random.Random) -> tuple:
    values = {
        "guid": str(uuid.uuid4()), "title": f"文章 {number}", "outlet": rng.choice(["人民日报", "光明日报", "新华网"]),
        "published": f"20{rng.randrange(15, 25)}-0{rng.randrange(1, 10)}-1{rng.randrange(0, 9)}",
        "authors": json.dumps([]), "original_text": text, "text": text, "script": "simplified",
        "cleaning": json.dumps([]), "extracted": json.dumps({}),
        "content_hash": hashlib.sha256(text.encode()).hexdigest(), "imported_at": "2026-01-01 00:00:00",
        "chars": len(text),
    }
    return tuple(values[c] for c in columns)
