"""USB bundles: export, import all-or-nothing, idempotent re-import, tampering named."""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path

import pytest

from inspector_app.cli import main as app_main
from inspector_app.office.bundle_import import import_bundle
from inspector_app.office.cli import main as office_main
from inspector_app.office.store import OfficeStore
from inspector_app.seal.canonical import canonical_text
from inspector_app.seal.device_key import DeviceKey
from inspector_app.seal.enrolment_proof import sign_enrolment
from inspector_app.seal.record import envelope_for
from inspector_app.store import outbox
from inspector_app.sync.bundle import BundleError, export_bundle
from tests.sync.factory import laptop_db, seal_many

LIMIT = 4 * 1024 * 1024


@pytest.fixture
def office_store(office_db, tmp_path) -> OfficeStore:
    return OfficeStore(office_db)


def enrol(store: OfficeStore, key: DeviceKey) -> None:
    code, _ = store.new_enrollment_code()
    store.enroll(code, key.device_id, key.public_key_b64, sign_enrolment(key, code))


def rewrite(path: Path, change) -> None:
    """Rewrite a bundle zip, letting `change(name, data)` return new bytes (or None to drop)."""
    with zipfile.ZipFile(path) as zf:
        items = [(i.filename, zf.read(i.filename)) for i in zf.infolist()]
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in items:
            new = change(name, data)
            if new is not None:
                zf.writestr(name, new)


def test_export_then_import_twice_adds_nothing_the_second_time(tmp_path, laptop, office_store):
    ids = seal_many(laptop.db, laptop.key, 5)
    enrol(office_store, laptop.key)
    report = export_bundle(laptop.db, tmp_path / "b.zip")
    assert report.count == 5 and report.record_ids == ids
    first = import_bundle(office_store, tmp_path / "b.zip", training_allowed=False,
                          max_record_bytes=LIMIT)
    assert sorted(first.added) == sorted(ids) and first.present == []
    second = import_bundle(office_store, tmp_path / "b.zip", training_allowed=False,
                           max_record_bytes=LIMIT)
    assert second.added == [] and sorted(second.present) == sorted(ids)
    assert office_store.counts()["records"] == 5
    assert office_store.chain_problems() == []
    with zipfile.ZipFile(tmp_path / "b.zip") as zf:
        manifest = json.loads(zf.read("manifest.json"))
        data = zf.read(f"records/{ids[0]}.json")
    assert manifest["count"] == 5
    assert manifest["records"][0]["file_sha256"] == hashlib.sha256(data).hexdigest()
    [ref] = office_store.refs_for(ids[0])
    assert office_store.record_bytes(ref)[1] == data


def test_a_tampered_record_refuses_the_whole_bundle_and_names_it(tmp_path, laptop, office_store):
    ids = seal_many(laptop.db, laptop.key, 4)
    enrol(office_store, laptop.key)
    path = export_bundle(laptop.db, tmp_path / "b.zip").path
    victim = ids[2]

    def warmer(name, data):
        if name == f"records/{victim}.json":
            return data.replace(b'"value_c":17.2', b'"value_c":18.2', 1)
        return data
    rewrite(path, warmer)
    with pytest.raises(BundleError) as err:
        import_bundle(office_store, path, training_allowed=False, max_record_bytes=LIMIT)
    assert err.value.record_id == victim and victim in err.value.message("zh")
    assert "changed after export" in err.value.en
    assert office_store.counts()["records"] == 0  # all or nothing


def test_tampering_that_also_fixes_the_manifest_fails_verification(tmp_path, laptop, office_store):
    ids = seal_many(laptop.db, laptop.key, 3)
    enrol(office_store, laptop.key)
    path = export_bundle(laptop.db, tmp_path / "b.zip").path
    victim = ids[1]
    new_data = {}

    def warmer(name, data):
        if name == f"records/{victim}.json":
            new_data["d"] = data.replace(b'"value_c":17.2', b'"value_c":18.2', 1)
            return new_data["d"]
        if name == "manifest.json":
            return None
        return data
    with zipfile.ZipFile(path) as zf:
        manifest = json.loads(zf.read("manifest.json"))
    rewrite(path, warmer)
    for item in manifest["records"]:
        if item["record_id"] == victim:
            item["file_sha256"] = hashlib.sha256(new_data["d"]).hexdigest()
    with zipfile.ZipFile(path, "a") as zf:
        zf.writestr("manifest.json", json.dumps(manifest))
    with pytest.raises(BundleError) as err:
        import_bundle(office_store, path, training_allowed=False, max_record_bytes=LIMIT)
    assert err.value.record_id == victim
    assert "content changed" in err.value.en and "内容被改动" in err.value.zh
    assert office_store.counts()["records"] == 0


def test_damaged_or_padded_bundles_are_refused(tmp_path, laptop, office_store):
    seal_many(laptop.db, laptop.key, 2)
    enrol(office_store, laptop.key)
    path = export_bundle(laptop.db, tmp_path / "b.zip").path
    rewrite(path, lambda name, data: data)
    with zipfile.ZipFile(path, "a") as zf:
        zf.writestr("records/extra.json", b"{}")
    with pytest.raises(BundleError, match="not in its manifest"):
        import_bundle(office_store, path, training_allowed=False, max_record_bytes=LIMIT)
    (tmp_path / "junk.zip").write_bytes(b"not a zip")
    with pytest.raises(BundleError, match="not a bundle"):
        import_bundle(office_store, tmp_path / "junk.zip", training_allowed=False,
                      max_record_bytes=LIMIT)


def test_conflicting_record_refuses_the_bundle(tmp_path, laptop, office_store):
    ids = seal_many(laptop.db, laptop.key, 3)
    enrol(office_store, laptop.key)
    path = export_bundle(laptop.db, tmp_path / "b.zip").path
    import_bundle(office_store, path, training_allowed=False, max_record_bytes=LIMIT)
    rival = {}

    def other_version(name, data):
        if name == f"records/{ids[0]}.json":
            env = json.loads(data)
            env["record"]["visit"]["notes"] = "rewritten"
            rival["d"] = canonical_text(envelope_for(env["record"], laptop.key)).encode()
            return rival["d"]
        return data
    with zipfile.ZipFile(path) as zf:
        manifest = json.loads(zf.read("manifest.json"))
    rewrite(path, lambda n, d: None if n == "manifest.json" else other_version(n, d))
    manifest["records"][0]["file_sha256"] = hashlib.sha256(rival["d"]).hexdigest()
    manifest["records"][0]["sha256"] = json.loads(rival["d"])["sha256"]
    with zipfile.ZipFile(path, "a") as zf:
        zf.writestr("manifest.json", json.dumps(manifest))
    with pytest.raises(BundleError) as err:
        import_bundle(office_store, path, training_allowed=False, max_record_bytes=LIMIT)
    assert err.value.record_id == ids[0] and "different record" in err.value.en


def test_unknown_devices_need_the_operators_word(tmp_path, laptop, office_store):
    ids = seal_many(laptop.db, laptop.key, 2)
    path = export_bundle(laptop.db, tmp_path / "b.zip").path
    with pytest.raises(BundleError, match="not enrolled"):
        import_bundle(office_store, path, training_allowed=False, max_record_bytes=LIMIT)
    report = import_bundle(office_store, path, training_allowed=False, max_record_bytes=LIMIT,
                           accept_unknown_devices=True)
    assert sorted(report.added) == sorted(ids)
    assert report.devices_admitted == [laptop.key.device_id]
    [device] = office_store.devices()
    assert device.enrolled_via == "bundle" and not device.can_upload
    office_store.revoke_device(device.device_id)
    with pytest.raises(BundleError, match="revoked"):
        import_bundle(office_store, path, training_allowed=False, max_record_bytes=LIMIT)


def test_training_records_in_a_bundle_need_training(tmp_path, laptop, office_store):
    seal_many(laptop.db, laptop.key, 1, training=True)
    enrol(office_store, laptop.key)
    path = export_bundle(laptop.db, tmp_path / "b.zip").path
    with pytest.raises(BundleError, match="training"):
        import_bundle(office_store, path, training_allowed=False, max_record_bytes=LIMIT)
    assert import_bundle(office_store, path, training_allowed=True,
                         max_record_bytes=LIMIT).added


def test_only_unsent_leaves_out_confirmed_records(tmp_path, laptop):
    a, b = seal_many(laptop.db, laptop.key, 2)
    outbox.mark_sent(laptop.db, a, 201, "http://office", 1)
    assert export_bundle(laptop.db, tmp_path / "u.zip", only_unsent=True).record_ids == [b]


def test_the_two_command_lines(tmp_path, laptop, capsys):
    data = tmp_path / "cli-laptop"
    db = laptop_db(data)
    ids = seal_many(db, laptop.key, 3)
    office_db = tmp_path / "cli-office.sqlite3"
    store = OfficeStore(office_db)
    enrol(store, laptop.key)
    bundle = tmp_path / "stick" / "bundle.zip"
    bundle.parent.mkdir()
    assert app_main(["--data-dir", str(data), "--lang", "en", "export-bundle", "-o",
                     str(bundle)]) == 0
    assert "exported 3" in capsys.readouterr().out
    assert office_main(["--db", str(office_db), "import-bundle", str(bundle)]) == 0
    assert "新增 3" in capsys.readouterr().out
    assert office_main(["--db", str(office_db), "--lang", "en", "import-bundle",
                        str(bundle)]) == 0
    assert "added 0, already present 3" in capsys.readouterr().out
    rewrite(bundle, lambda n, d: d.replace(b'"value_c":17.2', b'"value_c":18.2', 1)
            if n == f"records/{ids[1]}.json" else d)
    assert office_main(["--db", str(office_db), "import-bundle", str(bundle)]) == 2
    err = capsys.readouterr().err
    assert ids[1] in err and "拒收" in err
