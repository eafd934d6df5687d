"""Structured provenance of every profile section (issue #13, item 6): cited only where the values
come from a named published document, never a developer's note, never the word "seed"."""

from __future__ import annotations

import copy
import re
from pathlib import Path

import pytest

from inspector_app.core.errors import ProfileError
from inspector_app.core.profile import SECTIONS, available_profiles, load_profile, profiles_dir
from inspector_app.core.provenance import UNCONFIRMED_TEXT, Provenance
from inspector_app.paths import resource
from inspector_app.slip import render
from tests.slip.envelopes import envelope
from tests.slip.helpers import page_texts, squash

CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
JILIN_REPLY = "吉建议〔2024〕12号"
CHANGCHUN_CITED = {"standard", "rooms", "schedule", "slip"}


def test_changchun_cites_the_jilin_reply_only_where_its_values_come_from_it():
    p = load_profile("changchun")
    cited = {s for s, prov in p.provenance.items() if prov.status == "cited"}
    assert cited == CHANGCHUN_CITED
    for section in cited:
        assert JILIN_REPLY in p.provenance[section].citation_zh
        assert "Ji Jian Yi [2024] No. 12" in p.provenance[section].citation_en
    assert p.provenance["refund"] == Provenance("refund", "unconfirmed")   # bands: reported


@pytest.mark.parametrize("name", ["harbin", "heilongjiang-2021", "jinan", "shenyang", "tianjin"])
def test_other_cities_are_reported_practice_so_unconfirmed(name):
    p = load_profile(name)
    assert set(p.provenance) == set(SECTIONS)
    assert {prov.status for prov in p.provenance.values()} == {"unconfirmed"}


def test_every_cited_section_names_its_document_in_both_languages_unmixed():
    for name in available_profiles():
        for prov in load_profile(name).provenance.values():
            if prov.status == "cited":
                assert prov.citation_zh and prov.citation_en and not CJK.search(prov.citation_en)


def test_the_word_seed_is_nowhere_in_the_shipped_rules():
    for path in Path(resource()).rglob("*"):
        if path.is_file() and path.suffix in (".toml", ".md", ".ts", ".txt"):
            assert "seed" not in path.read_text(encoding="utf-8").lower(), path


def _profiles_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "profiles"
    folder.mkdir()
    for f in profiles_dir().glob("*.toml"):
        (folder / f.name).write_text(f.read_text(encoding="utf-8"), encoding="utf-8")
    return folder


def test_a_section_redefined_without_its_provenance_is_unconfirmed(tmp_path):
    """A city that changes a cited value must not inherit the citation."""
    folder = _profiles_copy(tmp_path)
    (folder / "yanji.toml").write_text(
        'extends = "changchun"\n[profile]\nname = "yanji"\nsource = "test"\n'
        '[standard]\nmin_temp_c = 20.0\nsource = "a draft"\n', encoding="utf-8")
    p = load_profile("yanji", folder)
    assert p.min_temp_c == 20 and p.provenance["standard"].status == "unconfirmed"
    assert p.provenance["rooms"].status == "cited"                 # untouched: still cited


@pytest.mark.parametrize(("old", "new", "key"), [
    ('status = "cited"', 'status = "reported"', "standard.status"),
    ('citation_zh = "《长春市城市供热管理条例》', 'citation_zh = "', None),
    ("(quoted in Jilin reply Ji Jian Yi [2024] No. 12)", "(吉建议〔2024〕12号)",
     "standard.citation_en"),
])
def test_bad_provenance_is_refused_naming_file_and_key(tmp_path, old, new, key):
    folder = _profiles_copy(tmp_path)
    path = folder / "changchun.toml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    if key is None:   # cited with an empty Chinese citation
        text = re.sub(r'citation_zh = "《长春市城市供热管理条例》[^"]*"', 'citation_zh = ""', text,
                      count=1)
        key = "standard.citation_zh"
    else:
        text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ProfileError) as err:
        load_profile("changchun", folder)
    assert "changchun.toml" in err.value.message_en and key in err.value.message_en


def _slip_text(env: dict, lang: str) -> str:
    return squash(page_texts(render(env, paper="80mm", lang=lang).pdf)[0])


def test_the_slip_prints_the_citation_in_its_language_and_unconfirmed_rules_as_such():
    env = envelope("resident")          # Changchun, a failing room: a refund estimate is shown
    zh, en = _slip_text(env, "zh"), _slip_text(env, "en")
    assert squash("标准依据：《长春市城市供热管理条例》（吉建议〔2024〕12号答复所引）") in zh
    assert squash("退费估算依据：" + UNCONFIRMED_TEXT["zh"]) in zh
    assert squash("Standard: Changchun Urban Heating Regulation (quoted in Jilin reply Ji Jian "
                  "Yi [2024] No. 12)") in en
    assert squash("Refund estimate: " + UNCONFIRMED_TEXT["en"]) in en
    for text in (zh, en):
        assert "seed" not in text.lower() and "reported" not in text.lower()
        assert "Threshold:" not in text


def test_a_record_of_a_reported_profile_prints_its_standard_as_unconfirmed():
    env = copy.deepcopy(envelope("resident"))
    env["record"]["profile"]["name"] = "harbin"
    # The sealed record of an older version carries the maintainers' note: it is not printed.
    env["record"]["profile"]["sources"] = {"standard": "Threshold: 吉建议〔2024〕12号 (seed)"}
    zh = _slip_text(env, "zh")
    assert squash("标准依据：" + UNCONFIRMED_TEXT["zh"]) in zh
    assert "seed" not in zh.lower()
