"""Pictures made in the tests, hostile ones included: nothing is downloaded, every byte is explained here."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from pathlib import Path

from PIL import Image

GPS = 0x8825


def photo(size: tuple[int, int] = (1600, 1000), mode: str = "RGB") -> Image.Image:
    """A picture with detail in it (gradients both ways), so encoders have something to do."""
    width, height = size
    across = Image.linear_gradient("L").resize(size)
    down = Image.linear_gradient("L").rotate(90).resize(size)
    rgb = Image.merge("RGB", (across, down, Image.radial_gradient("L").resize(size)))
    return rgb.convert(mode) if mode != "RGB" else rgb


def encode(image: Image.Image, kind: str, **options) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, kind, **options)
    return buffer.getvalue()


def png_chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def png_declaring(width: int, height: int, *, rows: bool) -> bytes:
    """A 1-bit grey PNG of the given size: its rows really compressed (a decompression bomb), or one empty IDAT.

    Zeros compress about a thousandfold, so 100 million pixels take some tens of kilobytes.
    """
    header = png_chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0))
    if rows:
        packer = zlib.compressobj(9)
        row = b"\x00" * (1 + (width + 7) // 8)
        body = b"".join(packer.compress(row) for _ in range(height)) + packer.flush()
    else:
        body = zlib.compress(b"")
    return b"\x89PNG\r\n\x1a\n" + header + png_chunk(b"IDAT", body) + png_chunk(b"IEND", b"")


def with_text_chunk(png: bytes, keyword: bytes, text: bytes) -> bytes:
    """The PNG with a tEXt chunk before IEND."""
    return png[:-12] + png_chunk(b"tEXt", keyword + b"\x00" + text) + png[-12:]


def zip_archive() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("index.html", "<script>alert(document.domain)</script>")
    return buffer.getvalue()


def gps_jpeg() -> bytes:
    """A JPEG whose EXIF says where it was taken (Vladivostok harbour) and which camera took it."""
    exif = Image.Exif()
    exif[0x010F] = "Example Camera"  # Make
    exif[0x0112] = 1  # Orientation: upright
    exif.get_ifd(GPS).update({1: "N", 2: (43.0, 6.0, 20.0), 3: "E", 4: (131.0, 52.0, 25.0)})
    return encode(photo((800, 500)), "JPEG", exif=exif.tobytes(), quality=90)


def rotated_jpeg() -> bytes:
    """Stored 200 wide and 100 high, with an EXIF tag saying to turn it a quarter clockwise to view it."""
    exif = Image.Exif()
    exif[0x0112] = 6
    return encode(photo((200, 100)), "JPEG", exif=exif.tobytes())


def animated(kind: str) -> bytes:
    frames = [Image.new("RGB", (40, 30), colour) for colour in ("red", "blue")]
    return encode(frames[0], kind, save_all=True, append_images=frames[1:], duration=100)


def sixteen_bit_grey_png() -> bytes:
    """64 x 64, 16 bits a pixel, values rising from 0 to 64,575 along the rows."""
    grey = Image.new("I;16", (64, 64))
    grey.putdata([y * 1024 + x for y in range(64) for x in range(64)])
    return encode(grey, "PNG")


def place(root: Path, name: str, data: bytes) -> Path:
    path = root / "events" / "media" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path
