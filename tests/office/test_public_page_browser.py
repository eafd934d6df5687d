"""The verification page in a real browser (Debian's chromium, headless, through Playwright) on a
375×667 phone viewport: the QR link's hash compared in the page, and the no-JavaScript form.

The screenshot is written to the test's folder; with INSPECTOR_UPDATE_SCREENSHOTS=1 it also
replaces docs/screenshots/verify-page-375x667.png (the README's picture)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from tests.office.uploaded import upload

CHROMIUM = Path("/usr/bin/chromium")
PHONE = {"width": 375, "height": 667}
DOCS_SHOT = Path(__file__).resolve().parents[2] / "docs" / "screenshots" / \
    "verify-page-375x667.png"


@pytest.fixture(scope="module")
def browser():
    assert CHROMIUM.exists(), "chromium is missing: run ./scripts/setup-env test (apt-get chromium)"
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                     args=["--no-sandbox"])
        yield chromium
        chromium.close()


@pytest.fixture
def held(office, laptop):
    rid = upload(office, laptop, 2)[1]
    sha = office.store.scalar("SELECT sha256 FROM records WHERE record_id=?",
                                    (rid,))
    return rid, sha


def test_the_qr_link_opens_a_page_that_compares_the_hash(browser, office, held, tmp_path):
    rid, sha = held
    context = browser.new_context(viewport=PHONE, device_scale_factor=1, locale="zh-CN")
    tab = context.new_page()
    tab.goto(f"{office.url}/v/{rid}#{sha}")
    check = tab.locator("#check")
    assert "✓ 一致" in check.inner_text()
    assert check.get_attribute("class") == "ok"
    assert tab.locator("h1").inner_text() == "本办公室存有这条检测记录"
    # Fits a phone: nothing wider than the screen.
    assert tab.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    shot = tmp_path / "verify-page-375x667.png"
    tab.screenshot(path=str(shot))
    assert shot.stat().st_size > 5_000
    if os.environ.get("INSPECTOR_UPDATE_SCREENSHOTS") == "1":
        shutil.copyfile(shot, DOCS_SHOT)

    tab.goto(f"{office.url}/v/{rid}#{'0' * 64}")
    assert "✗ 不一致" in tab.locator("#check").inner_text()
    assert tab.locator("#details").is_hidden()     # a record with another hash is not shown
    context.close()


def test_without_javascript_the_form_takes_the_printed_hash(browser, office, held):
    rid, sha = held
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    tab = context.new_page()
    tab.goto(f"{office.url}/v/{rid}#{sha}")
    assert "请核对" in tab.locator("#check").inner_text()     # no script: the hash to compare
    grouped = " ".join(sha[i:i + 8] for i in range(0, 64, 8))
    tab.fill("#sha256", grouped)
    tab.click("button[type=submit]")
    tab.wait_for_load_state()
    assert "✓ 一致" in tab.locator("main").inner_text()
    context.close()


def test_an_unknown_id_in_the_browser(browser, office):
    context = browser.new_context(viewport=PHONE)
    tab = context.new_page()
    answer = tab.goto(f"{office.url}/v/0000-no-such#{'a' * 64}")
    assert answer.status == 404
    assert tab.locator("h1").inner_text() == "本办公室没有这条记录"
    context.close()
