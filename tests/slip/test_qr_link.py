"""The slip's QR code is a link a phone opens (`{office}/v/{record_id}#{sha256}`) and a real decoder
reads it off a 100 dpi rendering of the 80 mm slip and of A4 (issue #13, item 7)."""

from __future__ import annotations

import pytest
import zxingcpp
from PIL import ImageFilter

from inspector_app.slip import SlipError, render, verify_link
from tests.slip.helpers import page_image, page_texts, squash

# A district's real address is longer than office.example: the code must still be readable.
LONG_OFFICE = "https://gongre.chaoyang.changchun.example.gov.cn:8443/office"


SCANNER_BLUR_PX = 1.2     # a cheap scanner's optics at 100 dpi: about 0.3 mm of blur


def decoded(pdf: bytes, page: int, dpi: float, blur: float = 0.0) -> list[str]:
    image = page_image(pdf, page, dpi)
    if blur:
        image = image.filter(ImageFilter.GaussianBlur(blur))
    return [b.text for b in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)]


@pytest.mark.parametrize("paper", ["80mm", "a4"])
@pytest.mark.parametrize("office", ["https://office.example", LONG_OFFICE])
def test_the_qr_decodes_to_the_link_from_a_100_dpi_scan(resident_envelope, paper, office):
    result = render(resident_envelope, paper=paper, office_url=office)
    link = verify_link(resident_envelope, office)
    record_id = resident_envelope["record"]["record_id"]
    assert link == f"{office}/v/{record_id}#{resident_envelope['sha256']}"
    for page in range(result.pages):
        assert decoded(result.pdf, page, 100, SCANNER_BLUR_PX) == [link]


def test_an_unenrolled_laptop_prints_id_and_hash_without_a_qr(resident_envelope):
    for paper in ("a4", "80mm"):
        result = render(resident_envelope, paper=paper)
        assert result.qr_boxes == []
        assert decoded(result.pdf, 0, 150) == []
        text = squash(page_texts(result.pdf)[0])
        assert "本机尚未注册到主管部门，本单没有核验二维码" in text
        assert resident_envelope["record"]["record_id"] in text
        assert resident_envelope["sha256"][:8] in text


@pytest.mark.parametrize("bad", ["http://office.example", "office.example", "https://",
                                 "https://o.example/?x=1", "HTR1|id|hash|https://o.example"])
def test_only_an_https_office_address_makes_a_link(resident_envelope, bad):
    with pytest.raises(SlipError):
        render(resident_envelope, office_url=bad)


def test_a_ruling_links_to_the_record_it_rests_on(resident_envelope):
    from decimal import Decimal

    from inspector_app.core.profile import load_profile
    from inspector_app.core.ruling import RulingInput, compute_ruling
    from inspector_app.slip.ruling_pdf import render_ruling

    ruling = compute_ruling(resident_envelope, load_profile("changchun"),
                            RulingInput(Decimal("0.1607"), 10))
    issue = {"ruling_no": "2026-2027-000001", "issued_by": "刘明", "issued_at": "2026-12-05"}
    pdf = render_ruling(resident_envelope, ruling, office_url=LONG_OFFICE, **issue)
    assert decoded(pdf, 0, 150) == [verify_link(resident_envelope, LONG_OFFICE)]
    assert decoded(render_ruling(resident_envelope, ruling, **issue), 0, 150) == []
