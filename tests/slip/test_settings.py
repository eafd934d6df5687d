"""The paper setting: saved in the data folder, defaults when missing or damaged."""

from __future__ import annotations

import pytest

from inspector_app.slip.settings import SlipSettings, load_settings, save_settings, settings_path


def test_defaults_when_nothing_saved(data_dir):
    assert load_settings() == SlipSettings(paper="a4")


def test_save_and_load(data_dir):
    path = save_settings(SlipSettings(paper="80mm"))
    assert path.parent == data_dir
    assert load_settings() == SlipSettings(paper="80mm")
    assert [p.name for p in data_dir.iterdir()] == [path.name]   # no temp file left behind


@pytest.mark.parametrize("text", ["{not json", '{"paper": "a5"}', '["a4"]', '{"paper": 80}'])
def test_damaged_file_gives_defaults(data_dir, text):
    settings_path().write_text(text, encoding="utf-8")
    assert load_settings() == SlipSettings()


def test_invalid_values_are_refused():
    with pytest.raises(ValueError):
        SlipSettings(paper="letter")
