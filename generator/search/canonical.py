"""Make Pagefind's output the same on every run, so two builds of one commit stay byte-identical.

Pagefind 1.5 writes its filter chunks and the list of them in the order of a Rust HashMap, which
changes from run to run (Pagefind issue #638: fragments became stable in 1.3, filters did not).
The files name each other by content hash: `pagefind-entry.json` names the `.pf_meta`, which names
every filter chunk. So each filter chunk is rewritten with its values sorted and named by a hash of
its content, the meta file is rewritten to list them sorted by filter name, and the entry file is
pointed at the new meta file. Search results do not change: a filter is a map from value to pages.

The files are gzip-compressed CBOR after a `pagefind_dcd` signature. The small codec below reads
the few CBOR types they use and writes them back in CBOR's shortest form, as Pagefind does; every
file is checked to read back byte for byte before anything is rewritten, so a change of format in a
later Pagefind is refused rather than written out wrong.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path

SIGNATURE = b"pagefind_dcd"


class FormatChanged(Exception):
    """Pagefind's files are not in the format this module knows."""


def _decode(data: bytes, at: int = 0):
    head = data[at]
    major, info = head >> 5, head & 31
    at += 1
    if info < 24:
        n = info
    elif info <= 27:
        width = 1 << (info - 24)
        n = int.from_bytes(data[at:at + width], "big")
        at += width
    else:
        raise FormatChanged(f"CBOR item {head:#x} (indefinite length or simple value)")
    if major == 0:
        return n, at
    if major == 3:
        return data[at:at + n].decode("utf-8"), at + n
    if major == 4:
        items = []
        for _ in range(n):
            item, at = _decode(data, at)
            items.append(item)
        return items, at
    raise FormatChanged(f"CBOR major type {major}")


def _head(major: int, n: int) -> bytes:
    if n < 24:
        return bytes([major << 5 | n])
    for info, width in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if n < 1 << (8 * width):
            return bytes([major << 5 | info]) + n.to_bytes(width, "big")
    raise FormatChanged(f"integer {n} too large")


def _encode(item) -> bytes:
    if isinstance(item, bool) or not isinstance(item, (int, str, list)):
        raise FormatChanged(f"cannot write {type(item).__name__}")
    if isinstance(item, int):
        if item < 0:
            raise FormatChanged("negative integer")
        return _head(0, item)
    if isinstance(item, str):
        raw = item.encode("utf-8")
        return _head(3, len(raw)) + raw
    return _head(4, len(item)) + b"".join(_encode(x) for x in item)


def read(path: Path):
    """The CBOR value in one of Pagefind's files; FormatChanged if it would not be written back the same."""
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise FormatChanged(f"{path.name} lacks the {SIGNATURE.decode()} signature")
    value, end = _decode(data, len(SIGNATURE))
    if end != len(data) or _encode(value) != data[len(SIGNATURE):]:
        raise FormatChanged(f"{path.name} does not read back byte for byte")
    return value


def write(value, folder: Path, prefix: str, digits: int, suffix: str) -> str:
    """Write `value` as Pagefind does, under a name made from its content; returns the name's hash part."""
    data = SIGNATURE + _encode(value)
    name = f"{prefix}{hashlib.sha256(data).hexdigest()[:digits]}"
    (folder / f"{name}{suffix}").write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
    return name


def canonicalise(bundle: Path) -> None:
    """Rewrite the filter chunks and the meta file of the Pagefind bundle in `bundle` in a stable order."""
    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    for language in entry["languages"].values():
        meta_path = bundle / f"pagefind.{language['hash']}.pf_meta"
        meta = read(meta_path)
        # [version, pages, index chunks, filter chunks [[name, hash]], sorts, meta fields]
        if not (isinstance(meta, list) and len(meta) == 6 and all(isinstance(f, list) and len(f) == 2 for f in meta[3])):
            raise FormatChanged(f"{meta_path.name} is not laid out as Pagefind 1.5 writes it")
        prefix = language["hash"].split("_", 1)[0] + "_"
        renamed = []
        for filter_name, chunk_hash in meta[3]:
            chunk_path = bundle / "filter" / f"{chunk_hash}.pf_filter"
            name, values = read(chunk_path)
            chunk_path.unlink()
            stable = [name, sorted(values, key=lambda pair: pair[0].encode("utf-8"))]
            renamed.append([filter_name, write(stable, bundle / "filter", prefix, 7, ".pf_filter")])
        meta[3] = sorted(renamed, key=lambda pair: pair[0].encode("utf-8"))
        meta_path.unlink()
        language["hash"] = write(meta, bundle, f"pagefind.{prefix}", 10, ".pf_meta").removeprefix("pagefind.")
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
