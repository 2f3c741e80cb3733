"""The published copies of a picture: two widths, WebP with a JPEG fallback, no metadata, same bytes every build.

    files = derivatives(root, "2024/ferry-at-the-quay.jpg")
    # [Derivative(name="ferry-at-the-quay-640.webp", data=b"...", width=640, height=427, mime="image/webp"), ...]

Only pixels are published: EXIF (GPS, camera, orientation once applied), XMP,
comments and colour profiles are dropped after the pixels are made upright and
converted to sRGB, so browsers, which take untagged pictures as sRGB, show the
colours the contributor saw. Pictures are never enlarged: a picture narrower
than a width gives one copy at its own width instead. JPEG has no transparency,
so the fallback is flattened onto white.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import NamedTuple

from PIL import Image

from .check import FORMATS, MAX_BYTES, MAX_PIXELS, MediaError, Problem, open_checked, prepare, read_picture

WIDTHS = (640, 1280)
WEBP_OPTIONS = {"quality": 80, "method": 6}  # method 6: slowest and smallest; the output depends only on the input
JPEG_OPTIONS = {"quality": 82, "optimize": True, "progressive": True, "subsampling": "4:2:0"}
MIME = {"webp": "image/webp", "jpg": "image/jpeg"}


class Derivative(NamedTuple):
    name: str  # <stem>-<width>.<ext>, e.g. ferry-at-the-quay-1280.jpg
    data: bytes
    width: int
    height: int
    mime: str


def derivatives(root: Path, name: str, widths: tuple[int, ...] = WIDTHS, *, max_bytes: int = MAX_BYTES,
                max_pixels: int = MAX_PIXELS) -> list[Derivative]:
    """WebP and JPEG copies of events/media/<name> at each width, WebP first, narrowest first.

    The last JPEG is the widest copy: its width and height are the <img> attributes
    (the aspect ratio that reserves the picture's space) and it suits a social card.
    Raises MediaError for a picture check_media_file refuses.
    """
    rel = f"events/media/{name}"
    suffix = Path(name).suffix
    if suffix not in FORMATS:
        raise MediaError(Problem("media-type", f"{rel}: only .png, .jpg, .jpeg and .webp pictures are accepted"))
    data = read_picture(root, name, rel, max_bytes)
    picture = prepare(open_checked(data, FORMATS[suffix], rel, max_pixels))
    stem = Path(name).stem
    sizes = sorted({min(width, picture.width) for width in widths})
    out = []
    for ext in ("webp", "jpg"):
        for width in sizes:
            copy = _resized(picture, width)
            out.append(Derivative(f"{stem}-{width}.{ext}", _encode(copy, ext), copy.width, copy.height, MIME[ext]))
    return out


def _resized(picture: Image.Image, width: int) -> Image.Image:
    if width == picture.width:
        return picture
    height = max(1, round(picture.height * width / picture.width))
    return picture.resize((width, height), Image.Resampling.LANCZOS)


def _encode(picture: Image.Image, ext: str) -> bytes:
    buffer = io.BytesIO()
    if ext == "webp":
        picture.save(buffer, "WEBP", **WEBP_OPTIONS)
    else:
        if "A" in picture.mode:
            white = Image.new("RGBA", picture.size, (255, 255, 255, 255))
            picture = Image.alpha_composite(white, picture.convert("RGBA"))
        picture.convert("L" if picture.mode in ("L", "LA") else "RGB").save(buffer, "JPEG", **JPEG_OPTIONS)
    return buffer.getvalue()
