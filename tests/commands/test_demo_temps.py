"""`inspector-app demo --headless --temps`: every room gets a temperature, none is skipped."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from inspector_app.cli import main
from inspector_app.commands.demo import parse_temps
from inspector_app.core.errors import ValidationError


@pytest.mark.parametrize("text", ["17,,18", "17,18,", ",17", "17, ,18"])
def test_an_empty_entry_is_refused_not_dropped(text):
    with pytest.raises(ValidationError) as err:
        parse_temps(text)
    assert "空项" in err.value.message_zh and "empty entry" in err.value.message_en


@pytest.mark.parametrize(("lang", "words"), [("zh", "空项"), ("en", "empty entry")])
def test_the_command_exits_2_in_the_users_language(tmp_path, capsys, lang, words):
    code = main(["--data-dir", str(tmp_path), "--lang", lang, "demo", "--headless",
                 "--temps", "17,,18"])
    captured = capsys.readouterr()
    assert code == 2
    assert words in captured.err
    assert "Traceback" not in captured.err
    assert not list(tmp_path.glob("*.db"))  # nothing was started


@given(st.lists(st.decimals(min_value=-20, max_value=40, places=1), min_size=1, max_size=6))
def test_well_formed_lists_keep_one_value_per_room(values):
    text = ",".join(str(v) for v in values)
    assert parse_temps(text) == [float(v) for v in values]
