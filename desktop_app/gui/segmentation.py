"""The reading view's word boundaries, from the text pipeline's cached segmentation.

Called on a worker thread (jieba's dictionary load and a long article's segmentation take seconds).
This adapter is the only place the GUI touches the segmenter, so that a change in the text pipeline's
interface is a change here.
"""

from __future__ import annotations

import threading

from desktop_app.core.store.project import Project

_lock = threading.Lock()
_segmenter = None


def _shared_segmenter():
    global _segmenter
    with _lock:
        if _segmenter is None:
            from desktop_app.core.text.segment import Segmenter

            _segmenter = Segmenter()
        return _segmenter


def document_boundaries(project: Project, document_id: int) -> list[int]:
    """Token end offsets (code points) of a document, computed once and cached in the project."""
    try:
        from desktop_app.core.text.importer import ensure_segmentation
    except ImportError:  # the text pipeline has not landed yet: segment without the cache
        return _uncached_boundaries(project, document_id)
    segmenter = _shared_segmenter()
    with project.session_factory.begin() as session:
        return list(ensure_segmentation(session, document_id, segmenter))


def _uncached_boundaries(project: Project, document_id: int) -> list[int]:
    import jieba

    from desktop_app.core.documents import get_document

    with project.session_factory() as session:
        text = get_document(session, document_id).text
    with _lock:
        return [end for _word, _start, end in jieba.tokenize(text)]
