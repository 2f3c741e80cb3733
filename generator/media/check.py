"""Checks of a contributed picture (events/media/...), before anything is built from it.

    problems = check_media_file(root, "2024/ferry-at-the-quay.jpg")
    for p in problems:  # Problem(code, message, severity)
        doc.at(("media", i, "file"), p.code, p.message, severity=p.severity)

The rules, in the order they are applied (the first that fails ends the check):

1. The name is a plain relative path under events/media/ (lowercase letters,
   digits, '-', '_', '.'; no '..', at most 160 characters) ending .png, .jpg,
   .jpeg or .webp. SVG is refused: it is a document that can carry script.
2. Nothing on the way is a symbolic link, and the file is a regular file of at
   most `max_bytes`.
3. The bytes are the format the extension names (PNG, JPEG, WebP).
4. The file ends where the image ends: no byte after PNG's IEND chunk, JPEG's
   end-of-image marker or WebP's RIFF chunk. A file that is also a ZIP or an
   HTML page (a polyglot) is refused this way.
5. No metadata segment (PNG text chunks, JPEG comments and APPn segments,
   WebP EXIF/XMP chunks) holds HTML or script markup.
6. The dimensions the file declares stay within `max_pixels`, read from its
   header before any decoding; Pillow's own decompression-bomb check runs with
   the same cap, its warning treated as a refusal.
7. Pillow, allowed only the expected format's decoder, verifies the file and
   decodes every pixel, and the colour conversion the build makes succeeds.
   Animated images are refused: the site shows stills, and frames a reviewer
   never sees should not be published.
8. GPS coordinates in the EXIF data are a warning: the build never publishes
   metadata, but the file in the repository keeps them.
"""

from __future__ import annotations

import io
import os
import re
import stat
import struct
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple

from PIL import Image, ImageCms, ImageFile, ImageOps

from ..findings import ERROR, WARNING
from ..load import TooLarge, read_regular_file
from .formats import Malformed, layout, sniff

MEDIA_DIR = ("events", "media")
MAX_BYTES = 5 * 1024 * 1024
MAX_PIXELS = 40_000_000  # a 7,700 x 5,200 photograph; 120 MB of RGB once decoded
FORMATS = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".webp": "WEBP"}
EXTENSION = {"PNG": ".png", "JPEG": ".jpg", "WEBP": ".webp", "GIF": ".gif", "BMP": ".bmp", "TIFF": ".tif"}
_NAME = re.compile(r"[a-z0-9][a-z0-9._-]*(?:/[a-z0-9][a-z0-9._-]*)*")
MAX_NAME = 160
_MARKUP = re.compile(rb"(?i)<\s*(?:script|html|body|iframe|svg|object|embed|form|meta|a\s+href)\b|<\?php|javascript:")
GPS_IFD = 0x8825


class Problem(NamedTuple):
    """One finding about a picture, for the checker to report at the event's media[i].file."""

    code: str
    message: str
    severity: str = ERROR


class MediaError(Exception):
    """A picture the build cannot use; `problem` says why, as the checker reports it."""

    def __init__(self, problem: Problem):
        super().__init__(problem.message)
        self.problem = problem


@contextmanager
def pixel_cap(limit: int) -> Iterator[None]:
    """Pillow's decompression-bomb limit set to `limit` for the block, its warning raised as an error.

    Pillow keeps the limit in a module global; it is put back however the block ends.
    Like Pillow's limit itself, this is not meant for several threads at once.
    """
    saved = Image.MAX_IMAGE_PIXELS
    Image.MAX_IMAGE_PIXELS = limit
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            yield
    finally:
        Image.MAX_IMAGE_PIXELS = saved


def check_media_file(root: Path, name: str, *, max_bytes: int = MAX_BYTES, max_pixels: int = MAX_PIXELS) -> list[Problem]:
    """Every problem of the picture events/media/<name> under the repository `root`; [] when it is fit to build."""
    rel = "/".join((*MEDIA_DIR, name)) if isinstance(name, str) else "events/media/?"
    problem = _name_problem(name, rel)
    if problem:
        return [problem]
    try:
        data = read_picture(root, name, rel, max_bytes)
        image = open_checked(data, FORMATS[Path(name).suffix], rel, max_pixels)
    except MediaError as exc:
        return [exc.problem]
    if _has_gps(image):
        return [Problem("media-gps", f"{rel} holds GPS coordinates in its EXIF data (where it was taken); the site "
                                     "never publishes them, but the repository keeps them: remove them if they could "
                                     "put someone at risk", WARNING)]
    return []


def _name_problem(name, rel: str) -> Problem | None:
    if not isinstance(name, str) or not name:
        return Problem("media-path", "a picture's file is a path under events/media/, e.g. 2024/ferry-at-the-quay.jpg")
    suffix = Path(name).suffix.lower()
    if suffix == ".svg":
        return Problem("media-type", f"{rel}: SVG is not accepted, since it can carry script; export the picture as PNG")
    if suffix not in FORMATS or Path(name).suffix != suffix:
        return Problem("media-type", f"{rel}: only .png, .jpg, .jpeg and .webp pictures (in lowercase) are accepted")
    if len(name) > MAX_NAME or not _NAME.fullmatch(name) or any(part in (".", "..") for part in name.split("/")):
        return Problem("media-path", f"{rel}: a picture's path under events/media/ uses lowercase letters, digits, "
                                     f"'-', '_' and '.', folders separated by '/', at most {MAX_NAME} characters")
    return None


def read_picture(root: Path, name: str, rel: str, max_bytes: int) -> bytes:
    """The file's bytes, refusing a symbolic link anywhere from events/ down and anything but a regular file."""
    path = Path(root)
    for part in (*MEDIA_DIR, *name.split("/")):
        path = path / part
        try:
            info = os.lstat(path)
        except FileNotFoundError:
            raise MediaError(Problem("media-missing", f"{rel} does not exist; add the picture or correct the path")) from None
        except OSError as exc:
            raise MediaError(Problem("media-missing", f"{rel} cannot be read: {exc.strerror}")) from None
        if stat.S_ISLNK(info.st_mode):
            raise MediaError(Problem("media-symlink", f"{path.relative_to(root).as_posix()} is a symbolic link; "
                                                      "commit the picture itself under events/media/"))
    if not stat.S_ISREG(info.st_mode):
        raise MediaError(Problem("media-missing", f"{rel} is not a file"))
    try:
        return read_regular_file(path, max_bytes)
    except TooLarge as exc:
        raise MediaError(Problem("media-too-large", f"{rel} is {exc.size:,} bytes; the limit is {max_bytes:,}: "
                                                    "scale the picture down or save it with more compression")) from None
    except OSError as exc:
        raise MediaError(Problem("media-missing", f"{rel} cannot be read: {exc.strerror}")) from None


def open_checked(data: bytes, expected: str, rel: str, max_pixels: int) -> Image.Image:
    """The picture decoded, after rules 3 to 7; MediaError with the first rule it breaks."""
    actual = sniff(data)
    if actual == "unknown":
        raise MediaError(Problem("media-mismatch", f"{rel} is not a {expected} image: its first bytes are those of "
                                                   "no picture format; save the picture again"))
    if actual != expected:
        hint = (f"rename it {EXTENSION[actual]}" if actual in ("PNG", "JPEG", "WEBP")
                else f"save it as {expected}" if actual in EXTENSION else "only pictures are accepted")
        what = actual if actual == "SVG or HTML text" else f"{'an' if actual[0] in 'AEIOU' else 'a'} {actual} file"
        raise MediaError(Problem("media-mismatch", f"{rel} is {what}, not a {expected} image: {hint}"))
    try:
        shape = layout(data, expected)
    except Malformed as exc:
        raise MediaError(Problem("media-truncated", f"{rel} is damaged: {exc}; save the picture again")) from None
    if shape.end != len(data):
        raise MediaError(Problem("media-trailing-data", f"{rel} has {len(data) - shape.end:,} bytes after the end of "
                                                        "the image, where another file can hide; save the picture "
                                                        "again so the file ends with the image"))
    for segment, body in shape.metadata:
        found = _MARKUP.search(body)
        if found:
            raise MediaError(Problem("media-markup", f"{rel}: its {segment} metadata holds markup "
                                                     f"('{found.group().decode('latin-1')}'); pictures may not carry "
                                                     "HTML or script: save it again without metadata"))
    if shape.width * shape.height > max_pixels or not shape.width or not shape.height:
        raise MediaError(_too_many_pixels(rel, shape.width, shape.height, max_pixels))
    return _decode(data, expected, rel, max_pixels)


def _decode(data: bytes, expected: str, rel: str, max_pixels: int) -> Image.Image:
    if ImageFile.LOAD_TRUNCATED_IMAGES:  # a global someone may have set: truncated files must fail here
        raise RuntimeError("PIL.ImageFile.LOAD_TRUNCATED_IMAGES is set; refusing to check pictures")
    try:
        with pixel_cap(max_pixels):
            with Image.open(io.BytesIO(data), formats=[expected]) as image:
                image.verify()
            image = Image.open(io.BytesIO(data), formats=[expected])
            if getattr(image, "n_frames", 1) > 1:
                raise MediaError(Problem("media-animated", f"{rel} is animated; the site shows still pictures: "
                                                           "save the frame that matters as a still"))
            image.load()
            prepare(image)
            return image
    except (Image.DecompressionBombWarning, Image.DecompressionBombError) as exc:
        # The header walk saw fewer pixels than Pillow does: report Pillow's count.
        raise MediaError(Problem("media-too-many-pixels", f"{rel}: {exc}; scale the picture down")) from None
    except ImageCms.PyCMSError as exc:
        raise MediaError(Problem("media-colour-profile", f"{rel}: its colour profile cannot be applied ({exc}); "
                                                         "save it again as sRGB")) from None
    except (OSError, SyntaxError, ValueError, EOFError, IndexError, TypeError) as exc:
        raise MediaError(Problem("media-undecodable", f"{rel} cannot be decoded as {expected} ({exc}); "
                                                      "save the picture again")) from None


def prepare(image: Image.Image) -> Image.Image:
    """The picture as the build publishes it: upright, sRGB, 8 bits a channel, alpha kept where there is any.

    EXIF orientation is applied first (phone photographs are stored sideways with a tag
    saying so); an embedded colour profile converts the pixels to sRGB, so a Display P3
    or CMYK picture keeps its colours once the profile is dropped; 16-bit grey is scaled,
    not clipped. The result carries no metadata at all.
    """
    image = ImageOps.exif_transpose(image)
    profile = image.info.get("icc_profile")
    if image.mode in ("I;16", "I;16B", "I;16L", "I"):
        image = image.convert("I").point(lambda value: value * (1 / 256)).convert("L")
    elif image.mode == "P":
        image = image.convert("RGBA" if "transparency" in image.info else "RGB")
    if profile:
        try:
            source = ImageCms.ImageCmsProfile(io.BytesIO(profile))
        except OSError as exc:  # LittleCMS cannot parse it
            raise ImageCms.PyCMSError(str(exc)) from exc
        mode = "RGBA" if "A" in image.mode else "RGB"
        if image.mode not in ("RGB", "RGBA", "CMYK", "L", "LA"):
            image = image.convert(mode)
        if image.mode in ("L", "LA"):  # a grey profile: grey stays grey
            image = image.convert("RGBA" if image.mode == "LA" else "RGB")
            mode = image.mode
        image = ImageCms.profileToProfile(image, source, ImageCms.createProfile("sRGB"), outputMode=mode)
    if image.mode == "1":
        image = image.convert("L")
    elif image.mode not in ("RGB", "RGBA", "L", "LA"):
        image = image.convert("RGBA" if "A" in image.mode else "RGB")
    image.info.clear()
    return image


def _has_gps(image: Image.Image) -> bool:
    try:
        return bool(image.getexif().get_ifd(GPS_IFD))
    except (OSError, SyntaxError, ValueError, KeyError, struct.error):
        return False


def _too_many_pixels(rel: str, width: int, height: int, limit: int) -> Problem:
    return Problem("media-too-many-pixels", f"{rel} is {width:,} x {height:,} = {width * height:,} pixels; the "
                                            f"limit is {limit:,}: scale the picture down")

