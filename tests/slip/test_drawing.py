"""The vector pieces: the QR code read back off a rendered page, and pen signatures."""

from __future__ import annotations

import io
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from reportlab.pdfgen.canvas import Canvas

from inspector_app.slip import parse_verify_link, verify_link
from inspector_app.slip.content import Signature
from inspector_app.slip.drawing import QUIET_ZONE, SignatureFlowable, pen_width, qr_matrix
from tests.slip.envelopes import strokes
from tests.slip.helpers import page_image

URL = "https://office.example"


def test_qr_link_is_the_offices_page_of_the_record_with_the_hash(resident_envelope):
    link = verify_link(resident_envelope, URL + "/")
    record_id = resident_envelope["record"]["record_id"]
    sha = resident_envelope["sha256"]
    assert link == f"https://office.example/v/{record_id}#{sha}"
    assert parse_verify_link(link) == {"office": URL, "record_id": record_id, "sha256": sha}
    assert verify_link(resident_envelope, None) is None
    assert verify_link(resident_envelope, "  ") is None
    for bad in ("HTR1|x|y|z", "https://example.com/", f"https://o.example/v/{record_id}#abc"):
        with pytest.raises(ValueError):
            parse_verify_link(bad)


@pytest.mark.parametrize("paper", ["a4", "80mm"])
def test_printed_qr_modules_are_the_payload_encoding(rendered, resident_envelope, paper):
    """No QR decoder is installed, so decode by re-creating: sample every module of the code on
    the rendered page and compare with the encoder's matrix for the expected payload."""
    result = rendered("resident", paper)
    assert [b.page for b in result.qr_boxes] == ([1, 2, 3, 4] if paper == "a4" else [1, 2])
    box = result.qr_boxes[0]
    matrix = qr_matrix(verify_link(resident_envelope, URL))
    assert box.modules == len(matrix) + 2 * QUIET_ZONE
    dpi = 200
    scale = dpi / 72
    image = page_image(result.pdf, 0, dpi)
    page_h = result.page_size[1]
    unit = box.size / box.modules

    def dark_at(row: int, col: int) -> bool:
        x = (box.x + (col + 0.5) * unit) * scale
        y = (page_h - (box.y + box.size) + (row + 0.5) * unit) * scale
        return image.getpixel((int(x), int(y))) < 128

    read = [[dark_at(r, c) for c in range(box.modules)] for r in range(box.modules)]
    expected = [[False] * box.modules for _ in range(box.modules)]
    for r, row in enumerate(matrix):
        for c, module in enumerate(row):
            expected[r + QUIET_ZONE][c + QUIET_ZONE] = module
    assert read == expected
    assert box.size >= 30 / 25.4 * 72 - 0.01      # at least 30 mm: scannable off a thermal roll
    assert unit >= 0.7 / 25.4 * 72 - 0.01          # modules of 0.7 mm or more


def test_pen_width_grows_with_pressure():
    widths = [pen_width(p / 10, 1.0) for p in range(11)]
    assert widths == sorted(widths) and widths[0] > 0 and widths[-1] > 2 * widths[0]


def _draw(signature: Signature | None) -> bytes:
    buf = io.BytesIO()
    canvas = Canvas(buf, pageCompression=0, invariant=1)
    flow = SignatureFlowable(signature, 200, 60)
    flow.wrapOn(canvas, 200, 60)
    flow.drawOn(canvas, 10, 10)
    canvas.showPage()
    canvas.save()
    return buf.getvalue()


def test_signature_strokes_become_paths_with_varying_width():
    raw = strokes(5)
    sig = Signature(title="t", name="n", role="用户", signed_at="", statement="", box=(600, 200),
                    strokes=tuple(tuple((p[0], p[1], p[3]) for p in s) for s in raw))
    pdf = _draw(sig)
    ops = pdf.decode("latin-1")
    assert ops.count(" l\n") + ops.count(" l ") >= sum(len(s) - 1 for s in raw if len(s) > 1)
    widths = {w for w in re.findall(r"([\d.]+) w\b", ops)}
    assert len(widths) > 3                        # pressure shows as line width
    assert "1 J" in ops                           # round caps: a pen, not a plotter


def test_empty_signature_draws_only_the_line():
    empty = Signature(title="t", name="n", role="", signed_at="", statement="", box=(0, 0),
                      strokes=())
    assert b" l" in _draw(empty)
    assert _draw(None).startswith(b"%PDF")


@given(office=st.from_regex(r"https://[a-z][a-z0-9-]{0,20}(\.[a-z]{2,6}){1,3}(:[0-9]{2,5})?"
                            r"(/[a-z]{1,8}){0,2}", fullmatch=True),
       record_id=st.from_regex(r"[A-Za-z0-9][A-Za-z0-9_-]{0,79}", fullmatch=True),
       sha=st.from_regex(r"[0-9a-f]{64}", fullmatch=True))
def test_a_link_parses_back_to_what_made_it(office, record_id, sha):
    env = {"record": {"record_id": record_id}, "sha256": sha}
    assert parse_verify_link(verify_link(env, office)) == {"office": office,
                                                           "record_id": record_id, "sha256": sha}
