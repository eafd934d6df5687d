"""Fixtures: the three sealed-record envelopes the slip must print (see envelopes.py)."""

from __future__ import annotations

import pytest

from tests.slip.envelopes import envelope

OFFICE_URL = "https://office.example"     # the enrolled office's public address


@pytest.fixture(scope="session")
def resident_envelope() -> dict:
    return envelope("resident")


@pytest.fixture(scope="session")
def refusal_envelope() -> dict:
    return envelope("refusal")


@pytest.fixture(scope="session")
def training_envelope() -> dict:
    return envelope("training")


@pytest.fixture(scope="session")
def rendered(resident_envelope, refusal_envelope, training_envelope):
    """Render each fixture on each paper in each language at most once per test session, as an
    enrolled laptop does (QR link to OFFICE_URL): (kind, paper, lang) -> SlipRender."""
    from inspector_app.slip import render

    envelopes = {"resident": resident_envelope, "refusal": refusal_envelope,
                 "training": training_envelope}
    cache: dict = {}

    def get(kind: str, paper: str = "a4", lang: str = "zh"):
        if (kind, paper, lang) not in cache:
            cache[kind, paper, lang] = render(envelopes[kind], paper=paper, lang=lang,
                                             office_url=OFFICE_URL)
        return cache[kind, paper, lang]

    return get
