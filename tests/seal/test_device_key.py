import base64
import hashlib
import os
import stat

import pytest

from inspector_app.seal.device_key import (
    PRIVATE_KEY_FILENAME,
    PUBLIC_KEY_FILENAME,
    DeviceKey,
    DeviceKeyError,
    device_id_for,
    load_device_key,
    load_or_create_device_key,
    verify_digest,
)

posix_only = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")


def test_made_on_first_use_and_reused(data_dir):
    assert load_device_key(data_dir) is None
    first = load_or_create_device_key(data_dir)
    again = load_or_create_device_key(data_dir)
    assert first.public_key_b64 == again.public_key_b64
    assert (data_dir / PRIVATE_KEY_FILENAME).read_bytes().startswith(b"-----BEGIN PRIVATE KEY")
    assert (data_dir / PUBLIC_KEY_FILENAME).read_bytes().startswith(b"-----BEGIN PUBLIC KEY")
    assert not list(data_dir.glob(".*.tmp"))


@posix_only
def test_private_key_file_is_readable_by_the_user_only(data_dir):
    load_or_create_device_key(data_dir)
    mode = stat.S_IMODE((data_dir / PRIVATE_KEY_FILENAME).stat().st_mode)
    assert mode == 0o600


def test_device_id_is_the_first_16_hex_of_the_public_key_hash():
    key = DeviceKey.generate()
    raw = base64.b64decode(key.public_key_b64)
    assert len(raw) == 32
    assert key.device_id == hashlib.sha256(raw).hexdigest()[:16]
    assert device_id_for(key.public_key_b64) == device_id_for(raw) == key.device_id
    assert key.device_dict() == {"device_id": key.device_id, "public_key": key.public_key_b64}


def test_signs_digests_that_verify():
    key, other = DeviceKey.generate(), DeviceKey.generate()
    digest = hashlib.sha256(b"record").digest()
    sig = key.sign_b64(digest)
    assert verify_digest(key.public_key_b64, digest, sig)
    assert not verify_digest(other.public_key_b64, digest, sig)
    assert not verify_digest(key.public_key_b64, hashlib.sha256(b"other").digest(), sig)
    assert not verify_digest("not base64!", digest, sig)
    with pytest.raises(ValueError):
        key.sign(b"a whole record rather than its digest")


@posix_only
def test_key_readable_by_others_is_refused(data_dir):
    load_or_create_device_key(data_dir)
    os.chmod(data_dir / PRIVATE_KEY_FILENAME, 0o644)
    with pytest.raises(DeviceKeyError) as exc:
        load_or_create_device_key(data_dir)
    assert "chmod 600" in exc.value.message_zh and "0o644" in exc.value.message_en


def test_corrupt_key_is_refused_not_replaced(data_dir):
    path = data_dir / PRIVATE_KEY_FILENAME
    fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o600)
    os.write(fd, b"-----BEGIN PRIVATE KEY-----\ngarbage\n-----END PRIVATE KEY-----\n")
    os.close(fd)
    with pytest.raises(DeviceKeyError) as exc:
        load_or_create_device_key(data_dir)
    assert "损坏" in exc.value.message_zh
    assert b"garbage" in path.read_bytes()


def test_public_key_file_that_does_not_match_is_refused(data_dir):
    load_or_create_device_key(data_dir)
    (data_dir / PUBLIC_KEY_FILENAME).write_bytes(DeviceKey.generate().public_pem())
    with pytest.raises(DeviceKeyError):
        load_device_key(data_dir)
