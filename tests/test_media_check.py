"""check_media_file: hostile pictures are refused with exact findings, good ones pass, Pillow's globals stay put."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from PIL import Image, ImageCms

from generator.media.check import MAX_PIXELS, Problem, check_media_file, pixel_cap
from generator.media.formats import layout, sniff
from tests import pictures as P

VALID = {
    "photo.jpg": lambda: P.encode(P.photo(), "JPEG", quality=85),
    "photo.jpeg": lambda: P.encode(P.photo((300, 200)), "JPEG", progressive=True),
    "2024/photo.png": lambda: P.encode(P.photo((300, 200)), "PNG"),
    "transparent.png": lambda: P.encode(P.photo((300, 200), "RGBA"), "PNG"),
    "palette.png": lambda: P.encode(P.photo((300, 200)).convert("P"), "PNG"),
    "photo.webp": lambda: P.encode(P.photo((300, 200)), "WEBP"),
    "lossless.webp": lambda: P.encode(P.photo((300, 200), "RGBA"), "WEBP", lossless=True),
    "cmyk.jpg": lambda: P.encode(P.photo((300, 200)).convert("CMYK"), "JPEG"),
    "grey16.png": P.sixteen_bit_grey_png,
    "srgb-profile.png": lambda: P.encode(P.photo((300, 200)), "PNG", icc_profile=ImageCms.ImageCmsProfile(
        ImageCms.createProfile("sRGB")).tobytes()),
    "with_text.png": lambda: P.with_text_chunk(P.encode(P.photo((30, 20)), "PNG"), b"Title", b"Ships in port"),
    "with-comment.jpg": lambda: P.encode(P.photo((30, 20)), "JPEG", comment=b"Taken from the quay"),
}


@pytest.mark.parametrize("name", sorted(VALID))
def test_good_pictures_pass(tmp_path: Path, name: str) -> None:
    P.place(tmp_path, name, VALID[name]())
    assert check_media_file(tmp_path, name) == []


def _png() -> bytes:
    return P.encode(P.photo((300, 200)), "PNG")


def _jpeg() -> bytes:
    return P.encode(P.photo((300, 200)), "JPEG")


HOSTILE = {
    "polyglot-png-zip": ("x.png", lambda: _png() + P.zip_archive(), Problem(
        "media-trailing-data", f"events/media/x.png has {len(P.zip_archive()):,} bytes after the end of the image, where "
        "another file can hide; save the picture again so the file ends with the image")),
    "polyglot-png-html": ("x.png", lambda: _png() + b"<html><script>alert(1)</script></html>", Problem(
        "media-trailing-data", "events/media/x.png has 38 bytes after the end of the image, where another file can "
        "hide; save the picture again so the file ends with the image")),
    "polyglot-jpeg-after-eoi": ("x.jpg", lambda: _jpeg() + b"\n<script>alert(1)</script>", Problem(
        "media-trailing-data", "events/media/x.jpg has 26 bytes after the end of the image, where another file can "
        "hide; save the picture again so the file ends with the image")),
    "polyglot-webp": ("x.webp", lambda: P.encode(P.photo((30, 20)), "WEBP") + b"PK\x03\x04rest", Problem(
        "media-trailing-data", "events/media/x.webp has 8 bytes after the end of the image, where another file can "
        "hide; save the picture again so the file ends with the image")),
    "script-in-jpeg-comment": ("x.jpg", lambda: P.encode(P.photo((30, 20)), "JPEG", comment=b"<script>alert(1)</script>"),
                               Problem("media-markup", "events/media/x.jpg: its comment metadata holds markup "
                                       "('<script'); pictures may not carry HTML or script: save it again without metadata")),
    "html-in-png-text": ("x.png", lambda: P.with_text_chunk(_png(), b"Comment", b"<HTML><body onload=x()>"),
                         Problem("media-markup", "events/media/x.png: its tEXt metadata holds markup ('<HTML'); "
                                 "pictures may not carry HTML or script: save it again without metadata")),
    "decompression-bomb": ("x.png", lambda: P.png_declaring(10_000, 10_000, rows=True), Problem(
        "media-too-many-pixels", "events/media/x.png is 10,000 x 10,000 = 100,000,000 pixels; the limit is "
        "40,000,000: scale the picture down")),
    "huge-dimensions-tiny-bytes": ("x.png", lambda: P.png_declaring(2_000_000, 2_000_000, rows=False), Problem(
        "media-too-many-pixels", "events/media/x.png is 2,000,000 x 2,000,000 = 4,000,000,000,000 pixels; the limit "
        "is 40,000,000: scale the picture down")),
    "png-named-jpg": ("x.jpg", _png, Problem("media-mismatch", "events/media/x.jpg is a PNG file, not a JPEG image: "
                                                               "rename it .png")),
    "gif-named-png": ("x.png", lambda: P.encode(P.photo((30, 20)), "GIF"), Problem(
        "media-mismatch", "events/media/x.png is a GIF file, not a PNG image: save it as PNG")),
    "svg-named-png": ("x.png", lambda: b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', Problem(
        "media-mismatch", "events/media/x.png is SVG or HTML text, not a PNG image: only pictures are accepted")),
    "zip-named-webp": ("x.webp", P.zip_archive, Problem(
        "media-mismatch", "events/media/x.webp is a ZIP file, not a WEBP image: only pictures are accepted")),
    "no-picture-at-all": ("x.jpg", lambda: b"MZ\x90\x00 an executable", Problem(
        "media-mismatch", "events/media/x.jpg is not a JPEG image: its first bytes are those of no picture format; "
        "save the picture again")),
    "truncated-jpeg": ("x.jpg", lambda: _jpeg()[:3000], Problem(
        "media-truncated", "events/media/x.jpg is damaged: the file ends inside the JPEG's compressed data; save the "
        "picture again")),
    "truncated-png": ("x.png", lambda: _png()[:-40], Problem(
        "media-truncated", "events/media/x.png is damaged: the file ends inside the PNG's IDAT chunk; save the "
        "picture again")),
    "animated-png": ("x.png", lambda: P.animated("PNG"), Problem(
        "media-animated", "events/media/x.png is animated; the site shows still pictures: save the frame that matters "
        "as a still")),
    "animated-webp": ("x.webp", lambda: P.animated("WEBP"), Problem(
        "media-animated", "events/media/x.webp is animated; the site shows still pictures: save the frame that "
        "matters as a still")),
    "broken-colour-profile": ("x.png", lambda: P.encode(P.photo((30, 20)), "PNG", icc_profile=b"not a profile" * 9),
                              Problem("media-colour-profile", "events/media/x.png: its colour profile cannot be "
                                      "applied (cannot open profile from string); save it again as sRGB")),
    "exif-gps": ("x.jpg", P.gps_jpeg, Problem(
        "media-gps", "events/media/x.jpg holds GPS coordinates in its EXIF data (where it was taken); the site never "
        "publishes them, but the repository keeps them: remove them if they could put someone at risk", "warning")),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_pictures_get_their_finding(tmp_path: Path, case: str) -> None:
    name, make, expected = HOSTILE[case]
    P.place(tmp_path, name, make())
    assert check_media_file(tmp_path, name) == [expected]


def test_a_corrupt_png_is_refused_by_its_checksums(tmp_path: Path) -> None:
    data = bytearray(_png())
    data[60] ^= 0xFF  # inside the first IDAT chunk; its CRC no longer matches
    P.place(tmp_path, "x.png", bytes(data))
    [problem] = check_media_file(tmp_path, "x.png")
    assert problem.code == "media-undecodable"
    assert problem.message.startswith("events/media/x.png cannot be decoded as PNG (")


@pytest.mark.parametrize(("name", "code", "message"), [
    ("x.svg", "media-type", "events/media/x.svg: SVG is not accepted, since it can carry script; export the picture as PNG"),
    ("x.JPG", "media-type", "events/media/x.JPG: only .png, .jpg, .jpeg and .webp pictures (in lowercase) are accepted"),
    ("x.gif", "media-type", "events/media/x.gif: only .png, .jpg, .jpeg and .webp pictures (in lowercase) are accepted"),
    ("../x.png", "media-path", "events/media/../x.png: a picture's path under events/media/ uses lowercase letters, "
                               "digits, '-', '_' and '.', folders separated by '/', at most 160 characters"),
    ("/etc/x.png", "media-path", "events/media//etc/x.png: a picture's path under events/media/ uses lowercase letters, "
                                 "digits, '-', '_' and '.', folders separated by '/', at most 160 characters"),
    ("a\\b.png", "media-path", "events/media/a\\b.png: a picture's path under events/media/ uses lowercase letters, "
                               "digits, '-', '_' and '.', folders separated by '/', at most 160 characters"),
    ("Ships.png", "media-path", "events/media/Ships.png: a picture's path under events/media/ uses lowercase letters, "
                                "digits, '-', '_' and '.', folders separated by '/', at most 160 characters"),
    ("missing.png", "media-missing", "events/media/missing.png does not exist; add the picture or correct the path"),
])
def test_names_and_missing_files(tmp_path: Path, name: str, code: str, message: str) -> None:
    (tmp_path / "events" / "media").mkdir(parents=True)
    assert check_media_file(tmp_path, name) == [Problem(code, message)]


def test_symbolic_links_are_refused_for_files_and_folders(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "x.png").write_bytes(_png())
    (tmp_path / "events" / "media").mkdir(parents=True)
    os.symlink(outside / "x.png", tmp_path / "events" / "media" / "x.png")
    os.symlink(outside, tmp_path / "events" / "media" / "2024")
    assert check_media_file(tmp_path, "x.png") == [Problem(
        "media-symlink", "events/media/x.png is a symbolic link; commit the picture itself under events/media/")]
    assert check_media_file(tmp_path, "2024/x.png") == [Problem(
        "media-symlink", "events/media/2024 is a symbolic link; commit the picture itself under events/media/")]


def test_too_large_and_not_a_file(tmp_path: Path) -> None:
    P.place(tmp_path, "big.jpg", _jpeg())
    (tmp_path / "events" / "media" / "folder.png").mkdir()
    size = (tmp_path / "events" / "media" / "big.jpg").stat().st_size
    assert check_media_file(tmp_path, "big.jpg", max_bytes=1000) == [Problem(
        "media-too-large", f"events/media/big.jpg is {size:,} bytes; the limit is 1,000: scale the picture down or save "
                           "it with more compression")]
    assert check_media_file(tmp_path, "folder.png") == [Problem("media-missing", "events/media/folder.png is not a file")]


def test_pixel_cap_turns_pillows_warning_into_a_refusal_and_restores_the_limit() -> None:
    before = Image.MAX_IMAGE_PIXELS
    warning_band = P.encode(Image.new("L", (40, 30)), "PNG")  # 1,200 pixels: over 1,000, under twice that
    error_band = P.encode(Image.new("L", (50, 50)), "PNG")  # 2,500 pixels: over twice 1,000
    with pytest.raises(Image.DecompressionBombWarning):
        with pixel_cap(1000):
            Image.open(io.BytesIO(warning_band))
    assert Image.MAX_IMAGE_PIXELS == before
    with pytest.raises(Image.DecompressionBombError):
        with pixel_cap(1000):
            Image.open(io.BytesIO(error_band))
    assert Image.MAX_IMAGE_PIXELS == before
    Image.open(io.BytesIO(warning_band)).load()  # outside the block, Pillow's own limit applies again


def test_the_header_cap_and_pillows_cap_agree_at_the_limit(tmp_path: Path) -> None:
    P.place(tmp_path, "edge.png", P.encode(Image.new("L", (100, 100)), "PNG"))
    assert check_media_file(tmp_path, "edge.png", max_pixels=10_000) == []
    assert check_media_file(tmp_path, "edge.png", max_pixels=9_999)[0].code == "media-too-many-pixels"
    assert Image.MAX_IMAGE_PIXELS != 9_999 and MAX_PIXELS == 40_000_000


@pytest.mark.parametrize(("kind", "options"), [("PNG", {}), ("JPEG", {"progressive": True}), ("JPEG", {}),
                                                ("WEBP", {}), ("WEBP", {"lossless": True})])
def test_layout_reads_the_declared_size_and_the_end(kind: str, options: dict) -> None:
    data = P.encode(P.photo((321, 123), "RGBA" if kind != "JPEG" else "RGB"), kind, **options)
    shape = layout(data, kind)
    assert (shape.width, shape.height, shape.end) == (321, 123, len(data))
    assert sniff(data) == kind


def test_sniff_names_what_is_not_a_picture() -> None:
    assert sniff(b"  \n<!doctype html>") == "SVG or HTML text"
    assert sniff(b"%PDF-1.7") == "PDF"
    assert sniff(b"\x00\x01\x02") == "unknown"
