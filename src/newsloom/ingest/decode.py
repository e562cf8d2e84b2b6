"""Bytes to trustworthy text: charset detection, mojibake repair, Unicode normalisation."""

from __future__ import annotations

import gzip
import re

import ftfy
from charset_normalizer import from_bytes

#: A file larger than this is refused (a clear per-file error, not an out-of-memory kill).
MAX_INPUT_BYTES = 32 * 1024 * 1024
#: Share of control characters above which bytes are treated as binary, not text.
BINARY_CONTROL_SHARE = 0.10

_SPACES = re.compile(r"[\u00a0\u2007\u202f\u2000-\u200a\u3000]")
_ZERO_WIDTH = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class DecodeError(ValueError):
    """The bytes are not text newsloom can read; the message says why, in one line."""


def maybe_gunzip(data: bytes) -> bytes:
    if data[:2] == b"\x1f\x8b":
        try:
            return gzip.decompress(data)
        except (OSError, EOFError) as exc:
            raise DecodeError(f"broken gzip stream ({exc})") from exc
    return data


#: byte-order marks of the wide Unicode encodings, longest first (UTF-32-LE's starts with UTF-16-LE's)
_WIDE_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
#: BOM-less UTF-16 of mostly Latin text puts a NUL in every other byte: at least this share of the bytes
#: on one side, and almost none on the other (binary files have NULs on both)
_WIDE_NUL_SHARE, _NARROW_NUL_SHARE = 0.3, 0.02


def wide_unicode(data: bytes) -> tuple[str, int] | None:
    """``(encoding, BOM length)`` when ``data`` is UTF-16 or UTF-32 — by its byte-order mark, or UTF-16
    without one (as Windows tools save "Unicode" text) by where its NUL bytes fall; None otherwise."""
    for bom, encoding in _WIDE_BOMS:
        if data.startswith(bom):
            return encoding, len(bom)
    sample = data[:8192]
    if len(sample) < 16:
        return None
    even, odd = sample[0::2], sample[1::2]
    even_nul, odd_nul = even.count(0) / len(even), odd.count(0) / len(odd)
    if odd_nul >= _WIDE_NUL_SHARE and even_nul <= _NARROW_NUL_SHARE:
        return "utf-16-le", 0
    if even_nul >= _WIDE_NUL_SHARE and odd_nul <= _NARROW_NUL_SHARE:
        return "utf-16-be", 0
    return None


def looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return bool(sample) and controls / len(sample) > BINARY_CONTROL_SHARE


def _looks_binary_text(text: str) -> bool:
    sample = text[:8192]
    return bool(sample) and len(_CONTROL.findall(sample)) / len(sample) > BINARY_CONTROL_SHARE


def decode_bytes(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode ``data`` to text; return ``(text, encoding)``.

    UTF-16 and UTF-32 are read first (by BOM, or by the NULs of BOM-less UTF-16); then UTF-8 (strict);
    then the declared charset; then charset-normalizer's best guess.
    Raises :class:`DecodeError` for empty, oversized or binary input.
    """
    if not data.strip():
        raise DecodeError("empty input")
    if len(data) > MAX_INPUT_BYTES:
        raise DecodeError(f"input is {len(data) / 1e6:.0f} MB, over the {MAX_INPUT_BYTES // 2**20} MiB limit")
    wide = wide_unicode(data)
    if wide is not None:
        encoding, bom = wide
        try:
            text = data[bom:].decode(encoding)
        except UnicodeDecodeError as exc:
            raise DecodeError(f"broken {encoding.upper()} text (bad bytes at {exc.start + bom})") from exc
        if not text.strip():
            raise DecodeError("empty input")
        if _looks_binary_text(text):
            raise DecodeError("binary data, not text")
        return text, encoding
    if looks_binary(data):
        raise DecodeError("binary data, not text")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            return data.decode(declared), declared.lower()
        except (LookupError, UnicodeDecodeError):
            pass
    best = from_bytes(data).best()
    if best is None:
        raise DecodeError("no text encoding fits these bytes")
    return str(best), best.encoding


def normalize_text(text: str) -> str:
    """Repair mojibake (ftfy), NFC, plain spaces for NBSP and friends, no zero-width or control chars."""
    # Curly quotes are kept: they tell a quotation apart from an inch mark for the quote finder.
    return plain_spaces(ftfy.fix_text(text, normalization="NFC", uncurl_quotes=False))


def plain_spaces(text: str) -> str:
    """The cheap half of :func:`normalize_text`: plain spaces for NBSP and friends, "\n" line ends, no
    zero-width or control chars. For text rendered from markup a reader already repaired, where only the
    entities ("&nbsp;", "&zwj;") can bring such characters back."""
    text = _ZERO_WIDTH.sub("", text)
    text = _SPACES.sub(" ", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", text)
