"""The database itself refuses what would orphan or corrupt coding work."""

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from desktop_app.core.store.models import Annotation, Code, Coder, Document, DocumentAttribute, Memo
from desktop_app.core.store.project import create_project


@pytest.fixture
def project(tmp_path):
    with create_project(tmp_path / "p.govcoder") as project:
        yield project


def add_coded_document(session):
    document = Document(title="t", original_text="三治融合𠮷", text="三治融合𠮷", content_hash="h")
    code = Code(name="三治融合")
    coder = Coder(name="王")
    session.add_all([document, code, coder])
    session.flush()
    session.add(Annotation(document=document, code=code, coder=coder, start=0, end=4, quote="三治融合"))
    session.add(DocumentAttribute(document=document, key="省份", type="text", value="湖南"))
    session.add(Memo(kind="document", document_id=document.id, text="备忘"))
    return document, code


def test_deleting_a_code_in_use_is_refused(project):
    with project.session_factory.begin() as session:
        add_coded_document(session)
    with pytest.raises(IntegrityError), project.session_factory.begin() as session:
        session.delete(session.scalar(select(Code)))
    with project.session_factory() as session:
        assert session.scalar(select(func.count()).select_from(Annotation)) == 1


def test_deleting_a_document_takes_its_annotations_attributes_and_memos_with_it(project):
    with project.session_factory.begin() as session:
        add_coded_document(session)
    with project.session_factory.begin() as session:
        session.delete(session.scalar(select(Document)))
    with project.session_factory() as session:
        for model in (Annotation, DocumentAttribute, Memo):
            assert session.scalar(select(func.count()).select_from(model)) == 0
        assert session.scalar(select(func.count()).select_from(Code)) == 1


@pytest.mark.parametrize("name", ["五治/法治", ""])
def test_a_code_name_with_a_slash_or_no_name_is_refused(project, name):
    with pytest.raises(IntegrityError), project.session_factory.begin() as session:
        session.add(Code(name=name))


@pytest.mark.parametrize("start,end", [(3, 3), (4, 2), (-1, 2)])
def test_an_empty_or_reversed_span_is_refused(project, start, end):
    with project.session_factory.begin() as session:
        document, code = add_coded_document(session)
        ids = document.id, code.id, session.scalar(select(Coder.id))
    with pytest.raises(IntegrityError), project.session_factory.begin() as session:
        session.add(Annotation(document_id=ids[0], code_id=ids[1], coder_id=ids[2], start=start, end=end, quote=""))
