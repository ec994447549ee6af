"""Content that XML, zip and spreadsheets find hostile; cancelled exports; the real sample project."""

from __future__ import annotations

import hashlib
import zipfile

import pytest
from interchange_helpers import snapshot
from lxml import etree

from desktop_app.core.errors import GovCoderError
from desktop_app.core.interchange import export_project, import_project
from desktop_app.core.store.models import Annotation, Code, Coder, Document, Memo
from desktop_app.core.store.project import create_project, open_project


def test_markup_and_control_characters_survive_or_are_dropped_cleanly(tmp_path, project_schema):
    text = 'A <b>&amp;</b> "引号" \'单引号\'\t制表符]]>\n第二行\x0b垂直制表'
    project = create_project(tmp_path / "x.govcoder")
    with project.session_factory.begin() as s:
        coder = Coder(name='名字 "带引号" <&>')
        code = Code(name="代码 <&> \"'", description="描述 ]]> <tag> &\x01", colour="#abc")
        doc = Document(title='标题 <&> "x"\n第二行', original_text=text, text=text,
                       content_hash=hashlib.sha256(text.encode()).hexdigest())
        s.add_all([coder, code, doc])
        s.flush()
        s.add(Annotation(document=doc, code=code, coder=coder, start=0, end=12, quote=text[:12],
                         memo="备忘 <&> ]]>\r\n\x0c"))
        s.add(Memo(kind="project", title="<t>", text="& \x00 end"))
    out = tmp_path / "x.qdpx"
    with project.session_factory() as s:
        export_project(s, out, "qdpx")
    with zipfile.ZipFile(out) as package:
        root = etree.fromstring(package.read("project.qde"))
    assert project_schema.validate(root), project_schema.error_log
    fresh = create_project(tmp_path / "y.govcoder")
    import_project(fresh.session_factory, out)
    theirs, ours = snapshot(fresh), snapshot(project)
    assert theirs["documents"] == ours["documents"]  # the text travels in the .txt, untouched
    assert theirs["coders"] == ours["coders"]
    (annotation,) = theirs["annotations"]
    assert annotation[6] == text[:12] and annotation[7] == "备忘 <&> ]]>\n"
    (code,) = theirs["codes"].values()
    assert code["path"] == "代码 <&> \"'" and code["description"] == "描述 ]]> <tag> &" and code["colour"] == "#AABBCC"
    assert theirs["memos"][0][4:] == ("<t>", "&  end")
    project.close()
    fresh.close()


def test_a_cancelled_export_leaves_no_file(coded_project, tmp_path):
    def cancel(done, total, what):
        raise KeyboardInterrupt

    out = tmp_path / "c.qdpx"
    with coded_project.session_factory() as s, pytest.raises(KeyboardInterrupt):
        export_project(s, out, "qdpx", progress=cancel)
    assert list(tmp_path.glob("c.qdpx*")) == []


def test_export_into_a_missing_folder_is_a_clear_error(coded_project, tmp_path):
    with coded_project.session_factory() as s, pytest.raises(GovCoderError, match="does not exist"):
        export_project(s, tmp_path / "nope" / "x.csv", "csv")


def test_the_sample_project_survives_a_round_trip(sample_project, tmp_path):
    from desktop_app.core.annotate.operations import create_annotation
    from desktop_app.core.codebook.tree import list_codes
    from desktop_app.core.documents.listing import list_documents

    project = open_project(sample_project)
    with project.session_factory.begin() as s:
        codable = [c for c in list_codes(s) if c.codable]
        for number, document in enumerate(list_documents(s)):
            create_annotation(s, document.id, 10 + number, 30 + number, codable[number].path, coder="tester",
                              memo=f"备忘{number}")
    out = tmp_path / "sample.qdpx"
    for target in ("generic", "nvivo", "maxqda"):
        with project.session_factory() as s:
            export_project(s, out, "qdpx", target=target)
        fresh = create_project(tmp_path / f"fresh-{target}.govcoder")
        report = import_project(fresh.session_factory, out)
        assert report.unplaced == [] and report.annotations == 5
        assert snapshot(fresh) == snapshot(project)
        fresh.close()
    project.close()
