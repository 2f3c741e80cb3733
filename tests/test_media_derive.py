"""Derivatives: the sizes promised, no metadata left, upright and in sRGB, and the same bytes every time."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image, ImageCms

from generator.media.check import MediaError
from generator.media.derive import derivatives
from generator.media.formats import layout
from tests import pictures as P


def _open(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


@pytest.mark.parametrize(("name", "make"), [
    ("a.jpg", lambda: P.encode(P.photo(), "JPEG", quality=90)),
    ("a.png", lambda: P.encode(P.photo(), "PNG")),
    ("a.webp", lambda: P.encode(P.photo(), "WEBP")),
])
def test_two_widths_webp_then_jpeg_and_identical_bytes_on_every_run(tmp_path: Path, name: str, make) -> None:
    P.place(tmp_path, name, make())
    first = derivatives(tmp_path, name)
    assert [(d.name, d.width, d.height, d.mime) for d in first] == [
        ("a-640.webp", 640, 400, "image/webp"), ("a-1280.webp", 1280, 800, "image/webp"),
        ("a-640.jpg", 640, 400, "image/jpeg"), ("a-1280.jpg", 1280, 800, "image/jpeg")]
    assert derivatives(tmp_path, name) == first
    for d in first:
        decoded = _open(d.data)
        assert decoded.format == {"image/webp": "WEBP", "image/jpeg": "JPEG"}[d.mime]
        assert decoded.size == (d.width, d.height)


def test_no_metadata_survives(tmp_path: Path) -> None:
    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    exif = _open(P.gps_jpeg()).getexif()
    source = P.encode(P.photo((900, 600)), "JPEG", exif=exif.tobytes(), icc_profile=profile, comment=b"by someone")
    P.place(tmp_path, "gps.jpg", source)
    assert {name for name, _ in layout(source, "JPEG").metadata} == {"APP0", "APP1", "APP2", "comment"}
    for d in derivatives(tmp_path, "gps.jpg"):
        kind = "WEBP" if d.mime == "image/webp" else "JPEG"
        # JPEG keeps only its JFIF header (APP0), which says nothing about the picture or its maker.
        assert [name for name, _ in layout(d.data, kind).metadata] == ([] if kind == "WEBP" else ["APP0"])
        decoded = _open(d.data)
        assert not decoded.getexif() and "icc_profile" not in decoded.info and "exif" not in decoded.info


def test_exif_orientation_is_applied_before_it_is_dropped(tmp_path: Path) -> None:
    P.place(tmp_path, "turned.jpg", P.rotated_jpeg())
    files = derivatives(tmp_path, "turned.jpg")
    assert [(d.name, d.width, d.height) for d in files] == [("turned-100.webp", 100, 200), ("turned-100.jpg", 100, 200)]


def test_small_pictures_are_never_enlarged(tmp_path: Path) -> None:
    P.place(tmp_path, "small.png", P.encode(P.photo((300, 200)), "PNG"))
    assert [(d.name, d.width) for d in derivatives(tmp_path, "small.png")] == [("small-300.webp", 300), ("small-300.jpg", 300)]
    assert [d.width for d in derivatives(tmp_path, "small.png", (100, 200))] == [100, 200, 100, 200]


def test_transparency_is_kept_in_webp_and_flattened_onto_white_in_jpeg(tmp_path: Path) -> None:
    picture = Image.new("RGBA", (40, 20), (200, 0, 0, 255))
    picture.paste((0, 0, 0, 0), (0, 0, 20, 20))
    P.place(tmp_path, "half.png", P.encode(picture, "PNG"))
    webp, jpeg = derivatives(tmp_path, "half.png")
    assert _open(webp.data).mode == "RGBA" and _open(webp.data).getpixel((5, 10))[3] == 0
    assert all(v > 245 for v in _open(jpeg.data).convert("RGB").getpixel((5, 10)))
    red = _open(jpeg.data).convert("RGB").getpixel((35, 10))
    assert red[0] > 180 and red[1] < 30 and red[2] < 30


def test_cmyk_becomes_rgb_with_its_colours(tmp_path: Path) -> None:
    P.place(tmp_path, "cmyk.jpg", P.encode(Image.new("CMYK", (64, 64), (0, 255, 255, 0)), "JPEG"))
    for d in derivatives(tmp_path, "cmyk.jpg"):
        image = _open(d.data).convert("RGB")
        r, g, b = image.getpixel((32, 32))
        assert r > 230 and g < 30 and b < 30, (d.name, (r, g, b))


def test_sixteen_bit_grey_is_scaled_not_clipped(tmp_path: Path) -> None:
    P.place(tmp_path, "grey.png", P.sixteen_bit_grey_png())
    jpeg = _open(derivatives(tmp_path, "grey.png")[-1].data)
    assert jpeg.mode == "L"
    assert jpeg.getpixel((0, 0)) < 8 and 240 < jpeg.getpixel((63, 63))
    assert 110 < jpeg.getpixel((0, 32)) < 145  # half way down: 32,768 of 65,535, not clipped to white


def test_hostile_pictures_are_refused_here_too(tmp_path: Path) -> None:
    P.place(tmp_path, "x.png", P.encode(P.photo((30, 20)), "PNG") + P.zip_archive())
    with pytest.raises(MediaError) as caught:
        derivatives(tmp_path, "x.png")
    assert caught.value.problem.code == "media-trailing-data"
