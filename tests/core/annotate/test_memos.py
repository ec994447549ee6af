"""Document and code memos: write, rewrite, remove, and undo by writing the old text back."""

from desktop_app.core.annotate.memos import get_memo, set_memo
from desktop_app.core.codebook.tree import find_code
from desktop_app.core.projects.new_project import init_project
from desktop_app.core.store.models import Document


def test_memo_round_trip(tmp_path):
    with init_project(tmp_path / "p.govcoder", sample=False) as project:
        with project.session_factory.begin() as session:
            session.add(Document(title="t", original_text="文", text="文", content_hash="x"))
            session.flush()
            code = find_code(session, "五治/法治").id
            first = set_memo(session, "document", 1, "值得细读", coder="me")
            assert (first.before, first.after) == (None, "值得细读")
            set_memo(session, "code", code, "与德治相区分")
        with project.session_factory.begin() as session:
            assert get_memo(session, "document", 1) == "值得细读"
            change = set_memo(session, "document", 1, "改写")
            assert change.before == "值得细读"
            set_memo(session, "document", 1, change.before)  # undo
            assert get_memo(session, "document", 1) == "值得细读"
            set_memo(session, "code", code, None)
            assert get_memo(session, "code", code) is None
