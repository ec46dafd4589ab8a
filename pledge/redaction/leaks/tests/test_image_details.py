"""Picture details: stripping metadata leaves the pixels alone, and a rotated photo stays upright."""

import io
from pathlib import Path

import pytest
from PIL import Image

from pledge.redaction.leaks import clean, scan_file
from pledge.redaction.leaks.corpus import LEAKY, build

pytestmark = pytest.mark.db_independent


def case(name: str):  # noqa: ANN201
    return next(case for case in LEAKY if case.name == name)


def pixels(path: Path) -> bytes:
    with Image.open(path) as image:
        return image.convert("RGB").tobytes()


@pytest.mark.parametrize("name", ["gps.jpg", "camera-owner.jpg", "gps.png", "text-chunk.png"])
def test_stripping_metadata_leaves_the_pixels_unchanged(name: str, folder: Path, tmp_path: Path) -> None:
    source = build(case(name), folder)
    assert pixels(clean(source, out_dir=tmp_path)) == pixels(source)


def test_a_photo_taken_on_its_side_is_turned_upright_when_its_exif_goes(folder: Path, tmp_path: Path) -> None:
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90 degrees clockwise to display
    exif[0x013B] = "Jane Officer"
    out = io.BytesIO()
    Image.new("RGB", (40, 20), "white").save(out, "JPEG", exif=exif)
    (folder / "sideways.jpg").write_bytes(out.getvalue())
    cleaned = clean(folder / "sideways.jpg", out_dir=tmp_path)
    with Image.open(cleaned) as image:
        assert image.size == (20, 40)
        assert not image.getexif()
    assert scan_file(cleaned) == []
