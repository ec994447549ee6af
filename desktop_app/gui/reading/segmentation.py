"""The reading view's word boundaries, from the text pipeline's cached segmentation.

Called on a worker thread (jieba's dictionary load and a long article's segmentation take seconds).
This adapter is the only place the GUI touches the segmenter. The project's segmenter (domain dictionary
plus the codebook's names and keywords) is the one the importer used, so its dictionary hash matches
the cache and the boundaries are read, not recomputed; once the codebook's words change, documents
are cut again with them as they are opened.
"""

from __future__ import annotations

import threading

from desktop_app.core.store.project import Project
from desktop_app.core.text.importer import ensure_segmentation, segmenter_for
from desktop_app.core.text.script import simplified_shadow
from desktop_app.core.text.segment import Segmenter

_lock = threading.Lock()
_segmenters: dict[str, Segmenter] = {}  # by project URL; each loads jieba lazily and is thread-safe


def project_segmenter(project: Project) -> Segmenter:
    """The segmenter for the project's codebook as it is now: the loaded one while its code names and
    keywords are those it was made with, a new one (loaded on first use) once they have changed."""
    with project.session_factory() as session:
        current = segmenter_for(session)  # cheap: nothing is loaded until it cuts
    with _lock:
        cached = _segmenters.get(project.url)
        if cached is not None and cached.dictionary_hash == current.dictionary_hash:
            return cached
        _segmenters[project.url] = current
        return current


def document_boundaries(project: Project, document_id: int, text: str | None = None) -> list[int]:
    """Token end offsets (code points) of a document, computed once and cached in the project.
    With the document's text, its simplified shadow is prepared too (Find reads it from a cache),
    so that the first search in a long traditional article does not stall the window."""
    project.check_in_place()  # a vanished file: no connection that would create an empty one there
    segmenter = project_segmenter(project)
    with project.session_factory.begin() as session:
        boundaries = list(ensure_segmentation(session, document_id, segmenter))
    if text is not None:
        simplified_shadow(text)
    return boundaries
