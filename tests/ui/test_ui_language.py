"""One language per screen: every page and dialog walked in Chinese and in English, every text a
user can see (labels, buttons, tabs, headers, tooltips, combo items, window titles, the slip and
ruling PDFs) checked for words of the other language; and no two controls of one window share a
keyboard mnemonic. Recorded free text (names, addresses, the statement a signer signed) is shown
as recorded and left out; so are units, model names and proper names."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from tour_results import tour

HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\u3001-\u303f\uff01-\uff5e]")  # not U+3000
TAG = re.compile(r"<[^>]+>")
URL = re.compile(r"\b\w+://\S+")
# a digest shown in groups of eight hex digits: a group may be all letters (ebfddeab)
DIGEST = re.compile(r"\b[0-9a-f]{8}(?:[ :][0-9a-f]{8})+\b")
RUN = re.compile(r"[A-Za-z0-9_'’.\-/+]+")
# Latin that belongs in Chinese text: units, file formats, standards, model and proper names
ALLOWED_LATIN = {
    "m", "°C", "PDF", "CSV", "SHA-256", "SHA", "Ed25519", "USB", "UTC", "GB/T", "DB22/T",
    "Center", "Voltcraft", "APPA", "RS", "Lutron", "MASTECH", "Modbus", "Modbus-RTU", "XY-MD02",
    "RTU", "A4", "QR", "ID", "HTTPS", "T1",
    "English",       # the language menu names each language in itself
    "changchun",     # profile names: the file a city's rules come from, like a version number
}
ALLOWED_HAN = ("中文",)  # the language menu again


def cleaned(text: str, recorded: list[str]) -> str:
    text = DIGEST.sub(" ", URL.sub(" ", TAG.sub(" ", text)))
    for words in (*recorded, *ALLOWED_HAN):
        text = text.replace(words, " ")
    return text


def latin_words(text: str) -> list[str]:
    """Runs of Latin letters that are words (ids, numbers and hex digests have digits)."""
    out = []
    for run in RUN.findall(text):
        run = run.strip(".-/'’")
        if not run or re.search(r"\d", run) and run not in ALLOWED_LATIN:
            continue
        if run in ALLOWED_LATIN or not re.search(r"[A-Za-z]{2,}|[A-Za-z]_", run):
            continue
        out.append(run)
    return out


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_screen_speaks_one_language(lang):
    report = tour(lang)
    recorded = report["recorded"]
    found = set()
    for stop in report["stops"]:
        for text in stop["texts"]:
            clean = cleaned(text, recorded)
            for line in clean.splitlines():
                if lang == "en" and HAN.search(line):
                    found.add(f"{stop['stop']}: {line.strip()[:120]}")
                if lang == "zh":
                    found.update(f"{stop['stop']}: {word!r} in {line.strip()[:80]}"
                                 for word in latin_words(line))
    assert sorted(found) == []


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_two_controls_of_a_window_share_a_mnemonic(lang):
    clashes = []
    for stop in tour(lang)["stops"]:
        keys = Counter(key for key, _text in stop["mnemonics"])
        clashes += [f"{stop['stop']}: &{k} in " + ", ".join(t for key, t in stop["mnemonics"]
                                                            if key == k)
                    for k, n in keys.items() if n > 1]
    assert clashes == []


@pytest.mark.parametrize(("lang", "count"), [("zh", r"缺 \d+ 项"), ("en", r"\d+ missing")])
def test_the_step_rail_counts_what_is_missing_in_the_screen_language(lang, count):
    rail = next(s for s in tour(lang)["stops"] if s["stop"] == "new-visit-rail")
    assert any(re.search(count, text) for text in rail["texts"])
