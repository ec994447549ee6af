"""Generated coding studies for the agreement tests and benchmark: a real project file, documents
with stored segmentations, and several coders' annotations made through the core, with documents some
coders never coded (missing data), documents marked done without a single annotation, and
overlapping spans of one code by one coder."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path

WORDS = ("社区", "网格员", "党建", "引领", "基层", "治理", "居民", "议事会", "协商", "矛盾", "纠纷", "调解",
         "志愿者", "物业", "服务", "街道", "群众", "枫桥经验", "三治融合", "自治", "法治", "德治", "工作",
         "开展", "推进", "机制", "平台", "𠮷祥", "village", "2024年")
ENDS = ("。", "！", "？", "；", "，", "，", "、")


@dataclass
class Generated:
    path: Path
    coders: list[str]
    codes: list[str]
    documents: list[int]
    texts: dict[int, str]
    # (document, coder, code, start, end) for every annotation made
    spans: list[tuple[int, str, str, int, int]] = field(default_factory=list)
    done: set[tuple[str, int]] = field(default_factory=set)


def random_text(rng: random.Random, sentences: int) -> str:
    parts = []
    for _ in range(sentences):
        parts.extend(rng.choice(WORDS) for _ in range(rng.randint(3, 9)))
        parts.append(rng.choice(ENDS))
        if rng.random() < 0.25:
            parts.append(rng.choice(("\n", "\n\n", " ", "”")))
    return "".join(parts).strip() or "社区治理。"


def generate(path: Path, *, coders: int = 3, documents: int = 10, sentences: int = 8, codes: int = 4,
             seed: int = 1, missing: bool = True, spans_per_document: int = 4) -> Generated:
    from sqlalchemy import select

    from desktop_app.core.annotate.operations import create_annotation
    from desktop_app.core.annotate.revisions import set_document_status
    from desktop_app.core.codebook.tree import list_codes
    from desktop_app.core.projects.new_project import init_project
    from desktop_app.core.store.models import Document
    from desktop_app.core.text.importer import ensure_segmentation, segmenter_for

    rng = random.Random(seed)
    names = [f"coder{n}" for n in range(1, coders + 1)]
    with init_project(path, sample=False) as project, project.session_factory.begin() as session:
        code_paths = [c.path for c in list_codes(session) if c.codable][:codes]
        segmenter = segmenter_for(session)
        made = Generated(path, names, code_paths, [], {})
        for n in range(documents):
            text = random_text(rng, sentences)
            document = Document(title=f"doc {n}", original_text=text, text=text, content_hash=f"h{n}")
            session.add(document)
            session.flush()
            ensure_segmentation(session, document.id, segmenter)
            made.documents.append(document.id)
            made.texts[document.id] = text
        existing = {row[0] for row in session.execute(select(Document.id))}
        assert existing == set(made.documents)
        for document_id in made.documents:
            text = made.texts[document_id]
            # A shared "true" coding that each coder follows, loosely, so agreement is above chance.
            truth = []
            for _ in range(spans_per_document):
                start = rng.randrange(len(text) - 1)
                truth.append((rng.choice(code_paths), start, min(len(text), start + rng.randint(1, 12))))
            for coder in names:
                roll = rng.random()
                if missing and roll < 0.15:
                    continue  # this coder never coded the document: missing
                if missing and roll < 0.22:
                    set_document_status(session, document_id, coder, "done")
                    made.done.add((coder, document_id))
                    continue  # coded, found nothing: absent everywhere
                for code, start, end in truth:
                    if rng.random() < 0.2:
                        continue
                    if rng.random() < 0.2:
                        code = rng.choice(code_paths)
                    start = max(0, min(len(text) - 1, start + rng.randint(-2, 2)))
                    end = max(start + 1, min(len(text), end + rng.randint(-2, 2)))
                    create_annotation(session, document_id, start, end, code, coder)
                    made.spans.append((document_id, coder, code, start, end))
                    if rng.random() < 0.15:  # the same code again, overlapping: one judgement
                        second = min(len(text), end + rng.randint(1, 3))
                        inner = max(start, end - 1)
                        create_annotation(session, document_id, inner, second, code, coder)
                        made.spans.append((document_id, coder, code, inner, second))
                if rng.random() < 0.5:  # a span of the coder's own
                    start = rng.randrange(len(text) - 1)
                    end = min(len(text), start + rng.randint(1, 8))
                    code = rng.choice(code_paths)
                    create_annotation(session, document_id, start, end, code, coder)
                    made.spans.append((document_id, coder, code, start, end))
    return made
