"""Word segmentation with jieba on the simplified shadow, as compact token-end offsets.

jieba's dictionary takes about a second to load, so nothing is loaded at import time: a Segmenter
loads on first use, under a lock (the GUI segments off its thread). rjieba (jieba-rs) is used when it
is installed: with the same dictionary and user words it gives jieba's tokens on our texts (a test
proves it on every seed) once both are held to jieba's rule that a hyphen, and a character outside
jieba's Han range (CJK Extension A/B, compatibility ideographs), is always a token of its own.
"""

from __future__ import annotations

import hashlib
import importlib.util
import logging
import os
import re
import sys
import threading
from array import array
from collections.abc import Iterable
from functools import cache
from itertools import accumulate
from pathlib import Path

from desktop_app.core.paths import resources_dir
from desktop_app.core.text.script import simplified_shadow
from desktop_app.core.text.windows import LONG_TEXT, windows

ENGINE_ENV = "GOVCODER_SEGMENTER"  # "jieba" or "rjieba"; unset: rjieba when installed
EXTRA_WORD_FREQ = 2000  # frequency given to codebook names/keywords (same in both engines)
# Bump when the rule turning engine tokens into boundaries changes: cached segmentations go stale.
RULES_VERSION = "1"
# A private-use character that no article contains (checked per text all the same).
_BATCH_SEPARATOR = "\ue000"
_ALONE = re.compile(r"[-\u3400-\u4dbf\u9fd6-\u9fff\uf900-\ufaff\U00020000-\U0010ffff]")


def domain_dictionary_path() -> Path:
    return resources_dir() / "dictionaries" / "governance.txt"


def read_user_dictionary(path: Path) -> list[tuple[str, int, str | None]]:
    """`word freq tag` lines (freq and tag optional, `#` starts a comment)."""
    entries = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("#", 1)[0].split()
        if not parts:
            continue
        freq = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else EXTRA_WORD_FREQ
        tag = parts[2] if len(parts) > 2 else None
        entries.append((simplified_shadow(parts[0]), freq, tag))
    return entries


def available_engines() -> list[str]:
    # find_spec, not import: asking which engines exist must not load one.
    return ["rjieba", "jieba"] if importlib.util.find_spec("rjieba") else ["jieba"]


def default_engine() -> str:
    wanted = os.environ.get(ENGINE_ENV)
    engines = available_engines()
    return wanted if wanted in engines else engines[0]


@cache
def _base_dictionary_digest() -> str:
    """jieba's main dictionary, which both engines ship (jieba-rs embeds the same dict.txt)."""
    path = Path(importlib.util.find_spec("jieba").origin).with_name("dict.txt")
    return hashlib.sha256(path.read_bytes()).hexdigest()


class Segmenter:
    def __init__(self, extra_words: Iterable[str] = (), *, engine: str | None = None,
                 dictionary: Path | None = None):
        self._lock = threading.RLock()
        self._engine_name = engine or default_engine()
        self._dictionary = dictionary or domain_dictionary_path()
        self._extra: list[str] = []
        self._cut = None
        self._add = None
        self._hash: str | None = None
        self.add_words(extra_words)

    @property
    def engine(self) -> str:
        return self._engine_name

    def add_words(self, words: Iterable[str]) -> None:
        with self._lock:
            known = set(self._extra)
            new = [simplified_shadow(w.strip()) for w in words if w and w.strip()]
            new = [w for w in dict.fromkeys(new) if w not in known]
            if not new:
                return
            self._extra.extend(new)
            self._hash = None
            if self._add is not None:
                for word in new:
                    self._add(word, EXTRA_WORD_FREQ, None)

    @property
    def dictionary_hash(self) -> str:
        with self._lock:
            if self._hash is None:
                digest = hashlib.sha256()
                digest.update(f"rules {RULES_VERSION}\n".encode())
                digest.update(_base_dictionary_digest().encode())
                digest.update(self._dictionary.read_bytes())
                for word in sorted(self._extra):
                    digest.update(f"\n{word}".encode())
                self._hash = digest.hexdigest()
            return self._hash

    def _load(self):
        with self._lock:
            if self._cut is not None:
                return self._cut
            if self._engine_name == "rjieba":
                import rjieba

                engine = rjieba.Jieba()
                self._add = lambda word, freq, tag: engine.add_word(word, freq, tag)
                cut = engine.cut
            else:
                import jieba

                jieba.setLogLevel(logging.WARNING)
                engine = jieba.Tokenizer()
                engine.initialize()
                self._add = lambda word, freq, tag: engine.add_word(word, freq, tag)
                cut = engine.lcut
            for word, freq, tag in read_user_dictionary(self._dictionary):
                self._add(word, freq, tag)
            for word in self._extra:
                self._add(word, EXTRA_WORD_FREQ, None)
            self._cut = cut
            return cut

    def raw_tokens(self, shadow: str) -> list[str]:
        """The engine's own tokens for already-simplified text (for benchmarks and identity tests)."""
        cut = self._load()
        with self._lock:
            return list(cut(shadow))

    def boundaries(self, text: str) -> list[int]:
        """Token end offsets (code points of `text`), from segmenting its simplified shadow."""
        return self._ends(text, simplified_shadow(text)) if text else []

    def packed_boundaries(self, text: str, shadow: str = "") -> bytes:
        """pack_boundaries(boundaries(text)), for a text of any length (`shadow`, if given, is its
        simplified shadow). A long text is cut window by window (windows.py: no token crosses a
        newline), each window's offsets packed as they come: its tokens as Python strings, and the
        offsets as a list of ints, cost some 70 bytes a character where the packed form costs two."""
        if len(text) <= LONG_TEXT:
            return pack_boundaries(self._ends(text, shadow or simplified_shadow(text)) if text else [])
        packed = array("I")
        for start, stop in windows(text):
            piece = text[start:stop]
            ends = self._ends(piece, shadow[start:stop] if shadow else simplified_shadow(piece))
            packed.extend([end + start for end in ends])
        if sys.byteorder != "little":  # pragma: no cover - big-endian machines
            packed.byteswap()
        return packed.tobytes()

    def _ends(self, text: str, shadow: str) -> list[int]:
        ends = list(accumulate(map(len, self.raw_tokens(shadow))))
        if ends[-1] != len(text):
            raise AssertionError("segmenter tokens do not cover the text")
        return _with_lone_tokens(ends, shadow)

    def boundaries_many(self, texts: list[str], shadows: list[str] | None = None) -> list[list[int]]:
        """`boundaries` of each text, cut in one engine call (one GIL hand-over, one lock).

        The shadows are joined with a private-use character: jieba cuts any character outside its Han
        and whitespace classes as a token of its own before it builds word graphs, so no token can
        cross it and each text is cut exactly as alone (tests prove it on the seeds and on random
        texts), and finding it among the tokens is a C-speed `list.index`. Should a text contain
        the separator itself, or a token ever cross it, the texts are cut one by one instead.
        """
        if shadows is None:
            shadows = [simplified_shadow(text) for text in texts]
        tokens = self.raw_tokens(_BATCH_SEPARATOR.join(shadows))
        results: list[list[int]] = []
        first = 0  # index of the current text's first token
        try:
            for text, shadow in zip(texts, shadows, strict=True):
                stop = tokens.index(_BATCH_SEPARATOR, first) if len(results) < len(texts) - 1 else len(tokens)
                own = list(accumulate(map(len, tokens[first:stop])))
                if (own[-1] if own else 0) != len(text):
                    raise ValueError("a token crossed the separator")
                results.append(_with_lone_tokens(own, shadow))
                first = stop + 1
        except ValueError:
            return [self.boundaries(each) for each in texts]
        return results

    def tokens(self, text: str) -> list[tuple[int, int]]:
        ends = self.boundaries(text)
        return list(zip([0, *ends[:-1]], ends, strict=True)) if ends else []


def _with_lone_tokens(ends: list[int], shadow: str) -> list[int]:
    """`ends` with the boundaries jieba's rule adds: a hyphen, and a character outside its Han range,
    is always a token of its own."""
    forced = [edge for match in _ALONE.finditer(shadow) for edge in match.span()]
    return sorted(set(ends).union(forced).difference((0,))) if forced else ends


def pack_boundaries(boundaries: list[int]) -> bytes:
    """Little-endian uint32 end offsets: 4 bytes a token instead of a row a token."""
    packed = array("I", boundaries)
    assert packed.itemsize == 4
    if sys.byteorder != "little":  # pragma: no cover - big-endian machines
        packed.byteswap()
    return packed.tobytes()


def unpack_boundaries(data: bytes) -> list[int]:
    unpacked = array("I")
    unpacked.frombytes(data)
    if sys.byteorder != "little":  # pragma: no cover - big-endian machines
        unpacked.byteswap()
    return unpacked.tolist()


@cache
def _word_lookup():
    if "rjieba" in available_engines():
        import rjieba

        return rjieba.Jieba().has_word
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    return lambda word: tokenizer.FREQ.get(word, 0) > 0


def is_dictionary_word(word: str) -> bool:
    """Whether jieba's main dictionary knows `word` (simplified); loads the dictionary on first use."""
    return _word_lookup()(word)
