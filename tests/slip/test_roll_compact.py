"""The compact 80 mm roll layout (issue #13, item 11): at most 25 cm of paper a copy in Chinese,
point means only (each reading stays on A4 and in the record), everything else the slip must
carry, type never under 8 pt, a QR code still read from a 100 dpi scan; and the profile says how
many copies the roll printer prints."""

from __future__ import annotations

import copy

import pytest
import zxingcpp
from PIL import ImageFilter

from inspector_app.core.errors import ProfileError
from inspector_app.core.profile import load_profile, profiles_dir
from inspector_app.slip import render, verify_link
from inspector_app.slip.render import SMALLEST_TYPE
from tests.slip.envelopes import ADDRESS_LINE, LONG_ADDRESS, STATEMENT_ZH, envelope
from tests.slip.helpers import page_image, page_texts, printed_sizes, squash

COMPACT = "80mm-compact"
LONG_OFFICE = "https://gongre.chaoyang.changchun.example.gov.cn:8443/office"
CM = 72 / 2.54
KINDS = ("resident", "refusal", "training")


def height_cm(result) -> float:
    return result.page_size[1] / CM


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("office", ["https://office.example", LONG_OFFICE, None])
def test_a_chinese_copy_takes_at_most_25_cm(kind, office):
    result = render(envelope(kind), paper=COMPACT, office_url=office)
    assert height_cm(result) <= 24.5     # 25 cm with room to spare
    full = render(envelope(kind), paper="80mm", office_url=office)
    assert height_cm(full) > 40          # what it replaces: about half a metre a copy


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("rooms", [1, 2, 3, 4, 5])
def test_every_copy_takes_at_most_25_cm_in_either_language(rooms, kind, lang):
    """Homes of one to five rooms at the longest address with the longest office address: at
    most 25 cm a copy in English too (issue #13, item 11), Chinese with half a centimetre
    to spare; the QR code is still read from a blurred 100 dpi scan of every one."""
    env = envelope(kind, rooms=rooms, address=LONG_ADDRESS)
    result = render(env, paper=COMPACT, lang=lang, office_url=LONG_OFFICE)
    assert height_cm(result) <= (24.5 if lang == "zh" else 25.0)
    text = squash(page_texts(result.pdf)[0])
    assert squash(LONG_ADDRESS.one_line()) in text
    for room in env["record"]["result"]["rooms"]:
        assert squash(room["name"]) in text and f"{room['mean']}°C" in text
    image = page_image(result.pdf, 0, 100).filter(ImageFilter.GaussianBlur(1.2))
    codes = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
    assert [c.text for c in codes] == [verify_link(env, LONG_OFFICE)]


def test_point_means_only_and_every_fact_of_the_slip():
    env = envelope("resident")
    record = env["record"]
    visit = record["visit"]
    result = render(env, paper=COMPACT, office_url="https://office.example")
    text = squash(page_texts(result.pdf)[0])
    for room in record["result"]["rooms"]:
        assert room["name"] in text and f"{room['mean']}°C" in text
        for point in room["points"]:
            readings = "".join(str(x) for x in point["readings"])
            assert readings not in text                         # no reading-by-reading table
    assert "读数1" not in text and "逐次读数见A4记录单及主管部门存档记录" in text
    for fact in (record["record_id"], ADDRESS_LINE, visit["resident_name"],
                 visit["resident_phone"], visit["company"], visit["ticket"], "检测结论：不合格",
                 "检测人员签字", "用户签字", "本人在场见证", env["sha256"][:8], "签封时间"):
        assert squash(fact) in text, fact
    assert "标准依据：《长春市城市供热管理条例》" in text


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("kind", KINDS)
def test_nothing_under_8_pt(kind, lang):
    result = render(envelope(kind, rooms=5, address=LONG_ADDRESS), paper=COMPACT, lang=lang,
                    office_url=LONG_OFFICE)
    small = [ch for ch, size in printed_sizes(result.pdf) if size < SMALLEST_TYPE - 1e-6]
    assert small == []


def test_what_a_resident_must_read_is_on_the_english_copy():
    """The shorter English wording keeps the verdict, each room's mean, the standard, the refund
    estimate, both signatures with the statements signed, the refusal and the witness, the
    link, the record id and the hash."""
    for kind in ("resident", "refusal"):
        env = envelope(kind, rooms=5, address=LONG_ADDRESS)
        record = env["record"]
        text = squash(page_texts(render(env, paper=COMPACT, lang="en",
                                        office_url=LONG_OFFICE).pdf)[0])
        for fact in ("Result: Fail", "Standard:", "Changchun Urban Heating Regulation",
                     "Refund estimate: 1.80 yuan per failing day", "Inspector's signature",
                     "本人确认以上检测过程和结果属实。", record["record_id"],
                     f"{LONG_OFFICE}/v/RECORD-ID", *[env["sha256"][i:i + 8]
                                                     for i in range(0, 64, 8)]):
            assert squash(fact) in text, (kind, fact)
        if kind == "resident":
            assert "Resident'ssignature" in text and squash(STATEMENT_ZH["resident"]) in text
        else:
            assert "Theresidentrefusedtosign" in text and "Witness'ssignature" in text
            assert squash(record["signatures"]["refusal"]["reason"]) in text
            assert squash(STATEMENT_ZH["witness"]) in text


def test_the_qr_decodes_from_a_blurred_100_dpi_scan():
    env = envelope("resident")
    result = render(env, paper=COMPACT, office_url=LONG_OFFICE)
    image = page_image(result.pdf, 0, 100).filter(ImageFilter.GaussianBlur(1.2))
    codes = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
    assert [c.text for c in codes] == [verify_link(env, LONG_OFFICE)]


def test_the_profile_says_how_many_copies_the_roll_printer_prints(tmp_path):
    env = envelope("resident")
    changchun = load_profile("changchun")
    assert changchun.roll_copies == 2 and len(changchun.slip_copies) == 4
    for paper in ("80mm", COMPACT):
        result = render(env, paper=paper)
        assert [key for key, _ in result.copies] == ["resident", "tester"]
    assert render(env, paper="a4").pages == 4                       # A4 prints all four
    four = [(c.key, c.zh) for c in changchun.slip_copies]
    assert render(env, paper=COMPACT, copies=four).pages == 4       # asked for: all four
    assert load_profile("harbin").roll_copies == 4                  # default: every copy

    folder = tmp_path / "profiles"
    folder.mkdir()
    for f in profiles_dir().glob("*.toml"):
        (folder / f.name).write_text(f.read_text(encoding="utf-8"), encoding="utf-8")
    path = folder / "changchun.toml"
    path.write_text(path.read_text(encoding="utf-8").replace("roll_copies = 2", "roll_copies = 5"),
                    encoding="utf-8")
    with pytest.raises(ProfileError) as err:
        load_profile("changchun", folder)
    assert "slip.roll_copies" in err.value.message_en


def test_compact_does_not_change_the_record_or_the_a4_slip():
    env = envelope("resident")
    before = copy.deepcopy(env)
    a4 = render(env, paper="a4", office_url="https://office.example")
    render(env, paper=COMPACT, office_url="https://office.example")
    assert env == before
    assert "读数1" in squash(page_texts(a4.pdf)[0])                   # the full table stays
