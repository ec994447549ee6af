"""A small coded project built directly with the models: non-BMP characters on both sides of spans,
a document imported from a CRLF source, every memo kind and every attribute type."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from interchange_helpers import TEXTS
from shared_files import require_shared

from desktop_app.core.store.models import (
    Annotation,
    Code,
    Coder,
    Document,
    DocumentAttribute,
    Memo,
)
from desktop_app.core.store.project import create_project


def _find(text: str, needle: str) -> tuple[int, int]:
    start = text.index(needle)
    return start, start + len(needle)


def build_coded_project(path: Path):
    project = create_project(path)
    with project.session_factory.begin() as s:
        alice, bob = Coder(name="alice"), Coder(name="鲍勃")
        s.add_all([alice, bob])
        root = Code(name="五治", colour="#C0392B", description="五治融合的总类", codable=False, position=0)
        law = Code(name="法治", parent=root, colour="#2980B9", description="依法治理", position=0,
                   english="rule of law", keywords=["法治", "依法"],
                   guidance={"use_when": "讲依法办事", "not_when": "只提到法律名称",
                             "examples": [{"quote": "法治保障", "source": "文档1"}]})
        virtue = Code(name="德治", parent=root, colour="#27AE60", position=1)
        deep = Code(name="普法宣传", parent=law, colour="#8E44AD", description="多行\n描述", position=0)
        grid = Code(name="网格化管理", colour="#F39C12", position=1)
        s.add_all([root, law, virtue, deep, grid])
        docs = []
        for i, (text, outlet, published, authors, url) in enumerate(TEXTS):
            doc = Document(title=f"文档{i + 1}", outlet=outlet, published=published, authors=authors, url=url,
                           original_text=text.replace("\n", "\r\n") if i == 1 else text, text=text,
                           script="simplified", content_hash=hashlib.sha256(text.encode()).hexdigest())
            s.add(doc)
            docs.append(doc)
        s.flush()
        docs[0].attributes = [
            DocumentAttribute(key="省份", type="text", value="浙江"),
            DocumentAttribute(key="字数", type="number", value="1234.5"),
            DocumentAttribute(key="发布日期", type="date", value="2024-03-05"),
            DocumentAttribute(key="是否头版", type="boolean", value="true"),
        ]
        docs[1].attributes = [
            DocumentAttribute(key="省份", type="text", value="=cmd|' /C calc'!A0"),
            DocumentAttribute(key="字数", type="number", value="88"),
            DocumentAttribute(key="是否头版", type="boolean", value="false"),
        ]

        def annotate(doc, needle, code, coder, memo=""):
            start, end = _find(doc.text, needle)
            s.add(Annotation(document=doc, code=code, coder=coder, start=start, end=end,
                             quote=doc.text[start:end], memo=memo))

        annotate(docs[0], "𠮷野家", grid, alice, memo="非BMP字符在开头")
        annotate(docs[0], "治理😀网格员", law, alice)
        annotate(docs[0], "𠮷在新时代\n三治", deep, bob, memo="跨行的标注")
        annotate(docs[0], "自治、法治、德治。", virtue, bob)
        annotate(docs[0], "自治、法治", law, alice)
        annotate(docs[1], "网格化管理\n第二行", grid, alice)
        annotate(docs[1], "𩸽 fish.", virtue, bob, memo="=HYPERLINK(\"x\")")
        annotate(docs[1], "\n\n第四行", law, bob)
        annotate(docs[2], "=SUM(A1)", grid, alice, memo="-危险")
        s.add_all([
            Memo(kind="project", title="研究计划", text="项目备忘录\n第二行"),
            Memo(kind="document", document_id=docs[0].id, title="文档备忘", text="关于𠮷的备忘", coder_id=alice.id),
            Memo(kind="code", code_id=law.id, title="", text="法治的编码说明", coder_id=bob.id),
        ])
    return project


@pytest.fixture
def coded_project(tmp_path):
    project = build_coded_project(tmp_path / "coded.govcoder")
    yield project
    project.close()


@pytest.fixture
def empty_project(tmp_path):
    project = create_project(tmp_path / "empty.govcoder")
    yield project
    project.close()


@pytest.fixture(scope="session")
def project_schema():
    from lxml import etree

    return etree.XMLSchema(etree.parse(str(require_shared("refi-qda", "Project-mrt2019.xsd"))))
