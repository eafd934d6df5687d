"""Slip pages as PNG images for the app's preview and printing (no QtPdf needed)."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from inspector_app.slip.preview import page_count, render_pages_png


def test_every_page_as_png_at_the_asked_dpi(rendered):
    pdf = rendered("resident", "a4").pdf
    pngs = render_pages_png(pdf, 50)
    assert len(pngs) == page_count(pdf) == 4
    image = Image.open(io.BytesIO(pngs[0]))
    assert image.format == "PNG"
    assert image.size[0] == pytest.approx(210 / 25.4 * 50, abs=1)
    assert image.size[1] == pytest.approx(297 / 25.4 * 50, abs=1)


def test_chosen_pages_only(rendered):
    pdf = rendered("refusal", "80mm").pdf
    (last,) = render_pages_png(pdf, 40, pages=[1])
    assert Image.open(io.BytesIO(last)).width == pytest.approx(80 / 25.4 * 40, abs=1)


def test_dpi_must_be_positive(rendered):
    with pytest.raises(ValueError):
        render_pages_png(rendered("resident", "a4").pdf, 0)


def test_the_slip_package_never_imports_qt():
    """The slip renders on the office server and from the command line: no Qt allowed."""
    from pathlib import Path

    import inspector_app.slip as slip

    for path in Path(slip.__file__).parent.glob("*.py"):
        source = path.read_text(encoding="utf-8")
        assert "PySide" not in source and "QtPdf" not in source.replace("without QtPdf", ""), path
