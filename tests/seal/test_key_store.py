"""The device key in the system key store (an in-process keyring backend stands in for Windows
DPAPI / macOS Keychain / Secret Service); without one, the key file, and `verify` says which."""

import json
import shutil

import pytest

from inspector_app.cli import main
from inspector_app.seal.chain_head import HEAD_FILENAME
from inspector_app.seal.device_key import (
    PRIVATE_KEY_FILENAME,
    DeviceKeyMissing,
    load_device_key,
    load_or_create_device_key,
)
from inspector_app.seal.record import seal_visit
from inspector_app.store.database import DB_FILENAME, connect
from tests.seal.helpers import fixed_clock, measured_visit, signatures_for
from tests.seal.memory_keyring import MemoryKeyring


def verify_json(capsys, folder):
    code = main(["--lang", "en", "--data-dir", str(folder), "verify", "--json"])
    return code, json.loads(capsys.readouterr().out.strip().splitlines()[-1])


def seal_two(folder, key):
    db = connect(folder / DB_FILENAME)
    for _ in range(2):
        visit = measured_visit(db)
        seal_visit(db, visit.id, signatures_for(visit), key, clock=fixed_clock)
    db.conn.close()


def folder_bytes(folder):
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


def test_without_a_key_store_the_key_is_a_file_and_verify_says_so(data_dir, key, capsys):
    assert key.protection == "file" and (data_dir / PRIVATE_KEY_FILENAME).exists()
    code, out = verify_json(capsys, data_dir)
    assert code == 0
    assert out["key_protection"]["kind"] == "file"
    assert out["key_protection"]["message_en"] == "file (no system key store)"
    assert main(["--data-dir", str(data_dir), "verify"]) == 0
    assert "设备密钥保存在：文件（无系统密钥库）" in capsys.readouterr().out


def test_with_a_key_store_the_private_key_is_not_in_the_data_folder(data_dir, key_store, capsys):
    key = load_or_create_device_key(data_dir)
    assert key.protection == "key_store"
    assert not (data_dir / PRIVATE_KEY_FILENAME).exists()
    assert not any(b"PRIVATE KEY" in data for data in folder_bytes(data_dir).values())
    assert list(key_store.entries.values()) == [key.private_pem().decode("ascii")]
    assert load_device_key(data_dir).public_key_b64 == key.public_key_b64
    seal_two(data_dir, key)
    code, out = verify_json(capsys, data_dir)
    assert (code, out["checked"], out["key_protection"]["kind"]) == (0, 2, "key_store")
    assert "system key store (" in out["key_protection"]["message_en"]


def test_a_copied_data_folder_cannot_sign(data_dir, tmp_path, key_store, capsys):
    key = load_or_create_device_key(data_dir)
    seal_two(data_dir, key)
    copy = tmp_path / "copy"
    shutil.copytree(data_dir, copy)
    import keyring

    keyring.set_keyring(MemoryKeyring())  # another computer: its key store lacks our key
    before = folder_bytes(copy)
    with pytest.raises(DeviceKeyMissing) as exc:
        load_or_create_device_key(copy)  # refused, and no new key made in its place
    assert "copied" in exc.value.message_en and "复制" in exc.value.message_zh
    assert folder_bytes(copy) == before
    assert main(["--lang", "en", "--data-dir", str(copy), "sealed"]) == 2
    assert "cannot seal" in capsys.readouterr().err
    code, out = verify_json(capsys, copy)  # the records themselves still check out
    assert (code, out["checked"], out["key_protection"]["kind"]) == (0, 2, "missing")
    assert any("copied" in w["message_en"] for w in out["warnings"])


def test_a_key_store_key_without_its_head_is_an_incident(data_dir, key_store, capsys):
    key = load_or_create_device_key(data_dir)
    seal_two(data_dir, key)
    (data_dir / HEAD_FILENAME).unlink()
    code, out = verify_json(capsys, data_dir)
    assert code == 1 and out["problems"][0]["kind"] == "link_missing"
