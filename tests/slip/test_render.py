"""The slip PDF read back: what it says, on how many pages, in which font, and that it is pure."""

from __future__ import annotations

import copy
import re

import pytest

from inspector_app.slip import SlipError, render, render_slip
from inspector_app.slip.content import hash_groups
from inspector_app.slip.labels import DEFAULT_COPIES
from inspector_app.slip.render import SMALLEST_TYPE
from tests.slip.conftest import OFFICE_URL
from tests.slip.envelopes import ADDRESS_LINE
from tests.slip.helpers import page_image, page_texts, printed_sizes, squash

PAPERS = ("a4", "80mm")
ROLL_COPIES = {"a4": 4, "80mm": 2}     # Changchun's roll printer prints two of the four copies
HEADINGS = ("测温记录单", "记录编号", "投诉工单号", "一、基本情况", "二、检测条件", "三、检测仪器",
            "四、检测数据", "五、检测结论", "六、签字", "检测人员签字")


@pytest.mark.parametrize("paper", PAPERS)
def test_every_copy_has_headings_address_room_means_and_verdicts(rendered, resident_envelope,
                                                                 paper):
    texts = [squash(t) for t in page_texts(rendered("resident", paper).pdf)]
    record = resident_envelope["record"]
    visit, result = record["visit"], record["result"]
    for text in texts:
        for heading in HEADINGS:
            assert heading in text
        assert ADDRESS_LINE in text
        assert visit["resident_name"] in text and visit["resident_phone"] in text
        assert visit["ticket"] in text and visit["company"] in text
        assert "顶层、边户" in text and "-18.5°C" in text
        assert "C309-2024-0117" in text and "JL-JD-2026-08841" in text and "2027-06-30" in text
        for room in result["rooms"]:
            assert f"{room['mean']}°C" in text
            assert room["name"] in text
            for point in room["points"]:
                for reading in point["readings"]:
                    assert reading in text
        assert "检测结论：不合格" in text
        assert text.count("不合格") >= 3          # two failing rooms and the overall verdict
        assert "合格" in text.replace("不合格", "")  # the living room passes
        assert "最低房间：次卧" in text
        assert "退费估算：每日1.20元" in text
        assert "符合“30分钟内联系”的要求" in text
        assert "×测点无阳光直射（未满足）" in text
        assert "主卧测点1为手动录入读数" in text
        assert "changchun2026.1" in text
        assert record["record_id"] in text
        for line in hash_groups(resident_envelope["sha256"]):
            assert squash(line) in text
        assert "用户签字" in text and "拒绝签字" not in text


@pytest.mark.parametrize("paper", PAPERS)
def test_one_labelled_page_per_copy(rendered, paper):
    """A4: all four copies; the roll: the profile's roll_copies (Changchun: resident, tester)."""
    result = rendered("resident", paper)
    texts = page_texts(result.pdf)
    total = ROLL_COPIES[paper]
    labels = [c.zh for c in DEFAULT_COPIES][:total]
    assert result.pages == len(texts) == len(labels) == total
    for n, (text, label) in enumerate(zip(texts, labels, strict=True), start=1):
        flat = squash(text)
        assert label in flat
        assert [other for other in labels if other != label and other in flat] == []
        assert f"第{n}联/共{total}联" in flat and f"第{n}页/共{total}页" in flat


@pytest.mark.parametrize("paper", PAPERS)
def test_pages_follow_the_copies_asked_for(resident_envelope, paper):
    pdf = render_slip(resident_envelope, paper=paper,
                      copies=[("resident", "用户联"), ("tester", "检测方联")])
    texts = page_texts(pdf)
    assert len(texts) == 2
    assert "用户联" in texts[0] and "检测方联" in texts[1]


def test_a_big_home_runs_over_a_second_page_of_each_copy_at_8_pt(resident_envelope):
    """Twelve rooms do not fit an A4 page at 8 pt: each copy goes on over a second page, headed
    with the copy's name and page, signatures and verification on its last page; the roll's
    copy is one long page. Nothing is shrunk below 8 pt (issue #13, item 10)."""
    big = copy.deepcopy(resident_envelope)
    big["record"]["result"]["rooms"] *= 4
    roll = render(big, paper="80mm")
    assert roll.pages == ROLL_COPIES["80mm"] == len(page_texts(roll.pdf))
    for lang, sign, cont in (("zh", "检测人员签字", "本联第2页/共2页"),
                             ("en", "Inspector's signature", "page2of2ofthiscopy")):
        result = render(big, paper="a4", lang=lang, office_url=OFFICE_URL)
        texts = [squash(text) for text in page_texts(result.pdf)]
        assert result.pages == len(texts) == 8
        for no, (_key, label) in enumerate(result.copies):
            first, second = texts[2 * no], texts[2 * no + 1]
            assert squash(label) in first and cont not in first
            assert squash(label) + ("（续）" if lang == "zh" else "(continued)") in second
            assert cont in second
            assert squash(sign) not in first and squash(sign) in second   # signed: last page
        assert [box.page for box in result.qr_boxes] == [2, 4, 6, 8]
        for page in range(result.pages):
            assert min(size for _, size in printed_sizes(result.pdf, page)) >= SMALLEST_TYPE


@pytest.mark.parametrize("paper", PAPERS)
def test_refusal_shows_reason_and_witness(rendered, refusal_envelope, paper):
    refusal = refusal_envelope["record"]["signatures"]["refusal"]
    for text in map(squash, page_texts(rendered("refusal", paper).pdf)):
        assert "用户拒绝签字" in text
        assert squash(refusal["reason"]) in text
        assert f"见证人：{refusal['witness_name']}（{refusal['witness_role']}）" in text
        assert "见证人签字" in text
        assert "用户签字" not in text


def test_training_watermark_only_on_training_records(rendered):
    for text in page_texts(rendered("training", "a4").pdf) + \
            page_texts(rendered("training", "80mm").pdf):
        assert "TRAINING" in text and "培训/演示记录" in text
    for kind in ("resident", "refusal"):
        for paper in PAPERS:
            joined = "".join(page_texts(rendered(kind, paper).pdf))
            assert "TRAINING" not in joined and "培训" not in joined


@pytest.mark.parametrize("paper", PAPERS)
def test_fonts_are_embedded_as_subsets(rendered, paper):
    pdf = rendered("resident", paper).pdf
    assert b"/FontFile2" in pdf
    assert re.search(rb"/BaseFont\s*/[A-Z]{6}\+DroidSansFallback", pdf)
    assert re.search(rb"/BaseFont\s*/[A-Z]{6}\+BitstreamVeraSans", pdf)   # digits, Latin, °
    assert len(pdf) < 400_000      # the 4 MB CJK font is subset, not embedded whole


def test_same_envelope_gives_the_same_bytes(resident_envelope, rendered):
    for paper in PAPERS:
        again = render_slip(copy.deepcopy(resident_envelope), paper=paper, office_url=OFFICE_URL)
        assert again == rendered("resident", paper).pdf


def test_a4_and_80mm_page_sizes(rendered):
    a4, roll = rendered("resident", "a4"), rendered("resident", "80mm")
    assert a4.page_size == pytest.approx((595.28, 841.89), abs=0.01)
    assert roll.page_size[0] == pytest.approx(80 / 25.4 * 72)
    assert roll.page_size[1] > 3 * roll.page_size[0]     # one long strip per copy


def test_80mm_content_stays_within_the_printable_72mm(rendered):
    result = rendered("resident", "80mm")
    dpi = 100
    image = page_image(result.pdf, 0, dpi)
    px_per_mm = dpi / 25.4
    left, _top, right, _bottom = image.point(lambda v: 255 if v < 128 else 0).getbbox()
    assert left >= 3.5 * px_per_mm
    assert right <= 76.5 * px_per_mm


def test_signatures_are_drawn_from_their_strokes(rendered, resident_envelope):
    """Removing the strokes from the record removes ink from the page: the pen paths are drawn."""
    inked = page_image(rendered("resident", "a4").pdf, 0, 72)
    bare = copy.deepcopy(resident_envelope)
    for slot in ("inspector", "resident"):
        bare["record"]["signatures"][slot]["strokes"] = []
    blank = page_image(render_slip(bare), 0, 72)

    def dark(image) -> int:
        return image.point(lambda v: 255 if v < 128 else 0).histogram()[255]

    assert dark(inked) - dark(blank) > 800


@pytest.mark.parametrize("bad, field", [
    ({}, "record"),
    ({"record": {"format": "something-else/9"}, "sha256": "0" * 64}, "format"),
    ({"record": {"format": "heating-inspection-record/1", "record_id": "x", "visit": {"a": 1},
                 "result": {"rooms": []}}, "sha256": "not-a-hash"}, "sha256"),
    ({"record": {"format": "heating-inspection-record/1", "record_id": "x", "visit": {},
                 "result": {"rooms": []}}, "sha256": "a" * 64}, "visit"),
])
def test_malformed_envelopes_are_refused_in_words(bad, field):
    with pytest.raises(SlipError) as err:
        render_slip(bad)
    assert err.value.field == field
    assert err.value.message("zh") and err.value.message("en")


def test_unknown_paper_and_language_are_refused(resident_envelope):
    with pytest.raises(SlipError):
        render_slip(resident_envelope, paper="a5")
    with pytest.raises(SlipError) as err:
        render_slip(resident_envelope, lang="fr")
    assert err.value.field == "lang"


# -- English -------------------------------------------------------------------------------

EN_HEADINGS = ("Changchun Indoor Heating Temperature Test Slip", "Record ID:", "Ticket no.",
               "1. Visit details", "2. Test conditions", "3. Instrument", "4. Readings",
               "5. Result", "6. Signatures", "Inspector's signature", "Resident's signature",
               "Record SHA-256:")
CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


@pytest.mark.parametrize("paper", PAPERS)
def test_english_slip_has_english_words_and_the_recorded_facts(rendered, resident_envelope,
                                                               paper):
    result = rendered("resident", paper, "en")
    texts = page_texts(result.pdf)
    record = resident_envelope["record"]
    visit, result_ = record["visit"], record["result"]
    labels = [c.en for c in DEFAULT_COPIES][:ROLL_COPIES[paper]]
    assert result.pages == len(texts) == len(result.copies) == ROLL_COPIES[paper]
    assert [label for _key, label in result.copies] == labels
    for n, (text, label) in enumerate(zip(texts, labels, strict=True), start=1):
        flat = squash(text)
        for heading in EN_HEADINGS:
            assert squash(heading) in flat, heading
        assert ADDRESS_LINE in flat                               # as recorded
        assert visit["resident_name"] in flat and visit["company"] in flat
        assert "Channel" in flat and "12345hotline" in flat and "Topfloor,Endwall" in flat
        for room in result_["rooms"]:
            assert f"{room['mean']}°C" in flat and room["name"] in flat
        assert "Result:Fail" in flat
        assert flat.count("Fail") >= 3 and "Pass" in flat        # two failing rooms, one passing
        assert "Lowestroom:次卧(Bedroom)16.4°C" in flat
        assert "×Nosunonthesensor(notmet)" in flat
        assert "Refundestimate:1.20yuanaday" in flat
        assert record["record_id"] in flat
        for line in hash_groups(resident_envelope["sha256"]):
            assert squash(line) in flat
        total = ROLL_COPIES[paper]
        assert squash(label) in flat and f"Copy{n}of{total}" in flat
        assert f"Page{n}of{total}" in flat
        assert [o for o in labels if o != label and squash(o) in flat] == []
        assert not any(heading in flat for heading in HEADINGS[1:])   # no Chinese fixed words


@pytest.mark.parametrize("kind", ["resident", "refusal", "training"])
def test_english_slip_prints_chinese_only_where_it_was_recorded(rendered, kind, resident_envelope,
                                                                refusal_envelope,
                                                                training_envelope):
    """Every fixed word is English: take away what the record holds (names, address parts,
    reasons, statements, the profile's sources) and no Chinese character is left."""
    envelope = {"resident": resident_envelope, "refusal": refusal_envelope,
                "training": training_envelope}[kind]

    def strings(value):
        if isinstance(value, dict):
            for v in value.values():
                yield from strings(v)
        elif isinstance(value, list):
            for v in value:
                yield from strings(v)
        elif isinstance(value, str) and CJK.search(value):
            yield squash(value)

    recorded = sorted({*strings(envelope["record"]), ADDRESS_LINE}, key=len, reverse=True)
    for paper in PAPERS:
        text = squash(page_texts(rendered(kind, paper, "en").pdf)[0])
        for value in recorded:
            text = text.replace(value, "")
        assert CJK.findall(text) == [], (paper, text)


CHANGCHUN_ROLES_EN = {"社区工作人员": "Community worker", "物业工作人员": "Property management staff"}


def test_english_refusal_and_training(rendered, refusal_envelope):
    refusal = refusal_envelope["record"]["signatures"]["refusal"]
    for paper in PAPERS:
        text = squash(page_texts(rendered("refusal", paper, "en").pdf)[0])
        assert "Theresidentrefusedtosign" in text
        assert f"Reasongiven:{squash(refusal['reason'])}" in text
        english_role = CHANGCHUN_ROLES_EN[refusal["witness_role"]]   # the English slip in English
        assert f"Witness:{refusal['witness_name']}({squash(english_role)})" in text
        training = squash(page_texts(rendered("training", paper, "en").pdf)[0])
        assert "TRAINING/DEMOrecord:notevidenceofatest" in training
        assert "培训" not in training


def test_chinese_is_the_default_and_both_languages_are_deterministic(resident_envelope,
                                                                     rendered):
    assert render_slip(resident_envelope, office_url=OFFICE_URL) == rendered("resident", "a4",
                                                                             "zh").pdf
    for paper in PAPERS:
        english = render_slip(copy.deepcopy(resident_envelope), paper=paper, lang="en",
                              office_url=OFFICE_URL)
        assert english == rendered("resident", paper, "en").pdf
        assert english != rendered("resident", paper, "zh").pdf


def test_english_words_are_not_broken_in_narrow_cells(resident_envelope):
    """English wraps at spaces: a verdict word or a column heading is never cut in two."""
    odd = copy.deepcopy(resident_envelope)
    odd["record"]["result"]["rooms"][0]["verdict"] = "incomplete"
    for paper in PAPERS:
        lines = [line.strip() for line in
                 page_texts(render_slip(odd, paper=paper, lang="en"))[0].splitlines()]
        words = {w for line in lines for w in line.split()}
        assert {"Incomplete", "Fail", "Pass", "Point", "Readings" if paper == "80mm"
                else "Reading"} <= words
        assert not {"Incomplet", "Readin", "Poin", "mea"} & words


def test_english_80mm_stays_within_the_printable_72mm(rendered):
    dpi = 100
    px_per_mm = dpi / 25.4
    for kind in ("resident", "refusal"):
        image = page_image(rendered(kind, "80mm", "en").pdf, 0, dpi)
        left, _top, right, _bottom = image.point(lambda v: 255 if v < 128 else 0).getbbox()
        assert left >= 3.5 * px_per_mm and right <= 76.5 * px_per_mm, kind
