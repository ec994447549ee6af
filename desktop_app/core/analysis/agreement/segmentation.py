"""Word boundaries for a study's documents: the stored segmentation, recut only where it is stale."""

from __future__ import annotations

import numpy as np
from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.core.store.models import Segmentation
from desktop_app.core.text.importer import ensure_segmentation, segmenter_for


def word_boundaries(session: Session, document_ids: list[int]) -> list[np.ndarray]:
    """Each document's token end offsets, as the reading view cuts it (same dictionary and codebook
    words). Segmentations cut with another dictionary are recut (and the cache updated)."""
    segmenter = segmenter_for(session)
    current = segmenter.dictionary_hash
    stored = {row.document_id: row for row in session.execute(
        select(Segmentation.document_id, Segmentation.dictionary_hash, Segmentation.boundaries)
        .where(Segmentation.document_id.in_(document_ids)))}
    result = []
    for document_id in document_ids:
        row = stored.get(document_id)
        if row is not None and row.dictionary_hash == current:
            result.append(np.frombuffer(row.boundaries, dtype="<u4").astype(np.int64))
        else:
            result.append(np.array(ensure_segmentation(session, document_id, segmenter), dtype=np.int64))
    return result
