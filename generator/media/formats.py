"""What a picture file is, read from its bytes before any decoder sees it.

`sniff` names the format from the first bytes. `layout` walks a PNG's chunks,
a JPEG's segments or a WebP's RIFF chunks and says where the image ends, how
many pixels it declares, and which segments hold metadata rather than pixels.
That is enough to refuse, cheaply and exactly, what a decoder would accept:
bytes after the end of the image (a ZIP or an HTML page riding along: a
polyglot), markup hidden in a comment, or dimensions that would take gigabytes
to decode.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field

SIGNATURES = (  # (leading bytes, name); checked in order
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"BM", "BMP"),
    (b"II*\x00", "TIFF"),
    (b"MM\x00*", "TIFF"),
    (b"%PDF", "PDF"),
    (b"PK\x03\x04", "ZIP"),
    (b"\x00\x00\x01\x00", "ICO"),
)
_TEXT_STARTS = (b"<", b"\xef\xbb\xbf<")


class Malformed(ValueError):
    """The bytes break the format's structure; the message says where."""


@dataclass
class Layout:
    end: int  # offset just past the image's last byte
    width: int
    height: int
    metadata: list[tuple[str, bytes]] = field(default_factory=list)  # (segment name, its bytes)


def sniff(data: bytes) -> str:
    """'PNG', 'JPEG', 'WEBP', another format's name, 'SVG or HTML text', or 'unknown'."""
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "WEBP"
    for signature, name in SIGNATURES:
        if data.startswith(signature):
            return name
    if data.lstrip(b" \t\r\n").startswith(_TEXT_STARTS):
        return "SVG or HTML text"
    return "unknown"


def layout(data: bytes, kind: str) -> Layout:
    """The structure of a PNG, JPEG or WEBP file; Malformed when it does not hold together."""
    return {"PNG": _png, "JPEG": _jpeg, "WEBP": _webp}[kind](data)


_PNG_PIXELS = {b"IHDR", b"PLTE", b"IDAT", b"IEND", b"tRNS", b"acTL", b"fcTL", b"fdAT"}


def _png(data: bytes) -> Layout:
    pos, width, height, metadata = 8, 0, 0, []
    while True:
        if pos + 12 > len(data):
            raise Malformed("the file ends before the PNG's IEND chunk")
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if len(body) < length or pos + 12 + length > len(data):
            raise Malformed(f"the file ends inside the PNG's {kind.decode('latin-1')} chunk")
        if pos == 8:
            if kind != b"IHDR" or length != 13:
                raise Malformed("a PNG starts with its IHDR chunk")
            width, height = struct.unpack(">II", body[:8])
        if kind not in _PNG_PIXELS:
            metadata.append((kind.decode("latin-1"), body))
        pos += 12 + length
        if kind == b"IEND":
            return Layout(pos, width, height, metadata)


_SOF = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}


def _jpeg(data: bytes) -> Layout:
    pos, width, height, metadata = 2, 0, 0, []
    while True:
        if pos + 2 > len(data) or data[pos] != 0xFF:
            raise Malformed("the file ends before the JPEG's end-of-image marker" if pos + 2 > len(data)
                            else f"no JPEG marker where one belongs (byte {pos:,})")
        while pos + 1 < len(data) and data[pos + 1] == 0xFF:  # fill bytes before a marker
            pos += 1
        marker = data[pos + 1] if pos + 1 < len(data) else None
        if marker is None:
            raise Malformed("the file ends before the JPEG's end-of-image marker")
        if marker == 0xD9:
            return Layout(pos + 2, width, height, metadata)
        if 0xD0 <= marker <= 0xD7 or marker == 0x01:  # markers without a length
            pos += 2
            continue
        if pos + 4 > len(data):
            raise Malformed("the file ends inside a JPEG segment")
        length = struct.unpack(">H", data[pos + 2:pos + 4])[0]
        body = data[pos + 4:pos + 2 + length]
        if length < 2 or pos + 2 + length > len(data):
            raise Malformed(f"a JPEG segment (marker 0x{marker:02X}) runs past the end of the file")
        if marker in _SOF and len(body) >= 5:
            height, width = struct.unpack(">HH", body[1:5])
        elif 0xE0 <= marker <= 0xEF:
            metadata.append((f"APP{marker - 0xE0}", body))
        elif marker == 0xFE:
            metadata.append(("comment", body))
        pos += 2 + length
        if marker == 0xDA:  # compressed data follows: it ends at the next marker that is not a restart
            while True:
                pos = data.find(b"\xff", pos)
                if pos < 0 or pos + 1 >= len(data):
                    raise Malformed("the file ends inside the JPEG's compressed data")
                following = data[pos + 1]
                if following == 0x00 or 0xD0 <= following <= 0xD7 or following == 0xFF:
                    pos += 1 if following == 0xFF else 2
                    continue
                break


_WEBP_PIXELS = {b"VP8 ", b"VP8L", b"VP8X", b"ALPH", b"ANIM", b"ANMF"}


def _webp(data: bytes) -> Layout:
    if len(data) < 12:
        raise Malformed("the file ends inside the WebP header")
    end = 8 + struct.unpack("<I", data[4:8])[0]
    if end > len(data):
        raise Malformed("the file ends before the WebP's RIFF chunk does")
    pos, width, height, metadata = 12, 0, 0, []
    while pos < end:
        if pos + 8 > end:
            raise Malformed("a WebP chunk header is cut off")
        kind, length = data[pos:pos + 4], struct.unpack("<I", data[pos + 4:pos + 8])[0]
        body = data[pos + 8:pos + 8 + length]
        if pos + 8 + length > end:
            raise Malformed(f"the WebP's {kind.decode('latin-1')} chunk runs past the end of the file")
        if kind == b"VP8X" and length >= 10:
            width = 1 + int.from_bytes(body[4:7], "little")
            height = 1 + int.from_bytes(body[7:10], "little")
        elif kind == b"VP8L" and length >= 5 and not width:
            bits = int.from_bytes(body[1:5], "little")
            width, height = 1 + (bits & 0x3FFF), 1 + ((bits >> 14) & 0x3FFF)
        elif kind == b"VP8 " and length >= 10 and not width:
            width = int.from_bytes(body[6:8], "little") & 0x3FFF
            height = int.from_bytes(body[8:10], "little") & 0x3FFF
        elif kind not in _WEBP_PIXELS:
            metadata.append((kind.decode("latin-1").strip(), body))
        pos += 8 + length + (length & 1)  # chunks are padded to an even length
    return Layout(end, width, height, metadata)
