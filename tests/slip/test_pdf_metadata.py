"""The PDF's creation date is the record's sealing time (a ruling's: its issuing time), not
reportlab's fixed 2000-01-01, and stays deterministic."""

from __future__ import annotations

from decimal import Decimal

import pypdfium2 as pdfium
import pytest
from hypothesis import given
from hypothesis import strategies as st

from inspector_app.core.profile import load_profile
from inspector_app.core.ruling import RulingInput, compute_ruling
from inspector_app.slip import render_slip
from inspector_app.slip.pdf_date import pdf_date
from inspector_app.slip.ruling_pdf import render_ruling


def metadata(pdf: bytes) -> dict:
    doc = pdfium.PdfDocument(pdf)
    try:
        return doc.get_metadata_dict()
    finally:
        doc.close()


@pytest.mark.parametrize("paper", ["a4", "80mm"])
def test_slip_is_dated_when_its_record_was_sealed(resident_envelope, paper):
    sealed_at = resident_envelope["record"]["sealed_at"]          # 2026-11-26T10:20:00+08:00
    pdf = render_slip(resident_envelope, paper=paper)
    meta = metadata(pdf)
    assert meta["CreationDate"] == "D:20261126102000+08'00'" == pdf_date(sealed_at)
    assert meta["ModDate"] == meta["CreationDate"]
    assert "D:2000" not in pdf.decode("latin-1")
    assert render_slip(resident_envelope, paper=paper) == pdf     # still the same bytes


def test_ruling_is_dated_when_it_was_issued(resident_envelope):
    ruling = compute_ruling(resident_envelope, load_profile("changchun"),
                            RulingInput(Decimal("0.1607"), 10))
    pdf = render_ruling(resident_envelope, ruling, ruling_no="2026-2027-000001", issued_by="刘明",
                        issued_at="2026-12-05T09:30:00+08:00")
    assert metadata(pdf)["CreationDate"] == "D:20261205093000+08'00'"


@given(st.datetimes(timezones=st.sampled_from([None])) | st.datetimes(
    timezones=st.timezones()))
def test_pdf_date_keeps_the_time_and_its_offset(at):
    text = pdf_date(at.isoformat())
    assert text is not None and text.startswith(
        f"D:{at.year:04d}{at.month:02d}{at.day:02d}{at.hour:02d}{at.minute:02d}{at.second:02d}")
    offset = at.utcoffset()
    if offset is None:
        assert len(text) == 16
    else:
        minutes = int(offset.total_seconds() // 60)
        assert text.endswith(f"{'+' if minutes >= 0 else '-'}{abs(minutes) // 60:02d}'"
                             f"{abs(minutes) % 60:02d}'")


@pytest.mark.parametrize("bad", [None, "", "yesterday"])
def test_unreadable_times_leave_no_date_of_their_own(bad):
    assert pdf_date(bad) is None
