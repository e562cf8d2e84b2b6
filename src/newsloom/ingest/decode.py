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


def looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample and not (sample.startswith((b"\xff\xfe", b"\xfe\xff"))):
        return True
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return bool(sample) and controls / len(sample) > BINARY_CONTROL_SHARE


def decode_bytes(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode ``data`` to text; return ``(text, encoding)``.

    UTF-8 is tried first (strict); then the declared charset; then charset-normalizer's best guess.
    Raises :class:`DecodeError` for empty, oversized or binary input.
    """
    if not data.strip():
        raise DecodeError("empty input")
    if len(data) > MAX_INPUT_BYTES:
        raise DecodeError(f"input is {len(data) / 1e6:.0f} MB, over the {MAX_INPUT_BYTES // 2**20} MiB limit")
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
    text = ftfy.fix_text(text, normalization="NFC", uncurl_quotes=False)
    text = _ZERO_WIDTH.sub("", text)
    text = _SPACES.sub(" ", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", text)
