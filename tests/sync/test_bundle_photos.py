"""Photos in USB bundles: carried by hash, rehashed on import, incompleteness reported."""

from __future__ import annotations

import json
import sqlite3
import zipfile

import pytest

from inspector_app.office import photos as office_photos
from inspector_app.office.bundle_import import import_bundle
from inspector_app.office.cli import main as office_main
from inspector_app.office.store import OfficeStore
from inspector_app.sync.bundle import BundleError, export_bundle, read_bundle
from tests.photos_helpers import picture, seal_with_photos
from tests.sync.factory import seal_many
from tests.sync.test_bundle import LIMIT, enrol, rewrite


@pytest.fixture
def office_store(office_db, tmp_path) -> OfficeStore:
    return OfficeStore(office_db)


def test_bundle_round_trip_carries_the_photos(tmp_path, laptop, office_store):
    plain = seal_many(laptop.db, laptop.key, 1)
    rid, hashes = seal_with_photos(laptop.db, laptop.key, i=1)
    enrol(office_store, laptop.key)
    exported = export_bundle(laptop.db, tmp_path / "b.zip")
    assert (exported.count, exported.photos, exported.photos_missing) == (2, 2, [])
    with zipfile.ZipFile(tmp_path / "b.zip") as zf:
        assert {f"photos/{h}.jpg" for h in hashes} <= set(zf.namelist())
    assert [e.record_id for e in read_bundle(tmp_path / "b.zip", LIMIT)] == [*plain, rid]
    report = import_bundle(office_store, tmp_path / "b.zip", training_allowed=False,
                           max_record_bytes=LIMIT)
    assert sorted(report.added) == sorted([*plain, rid])
    assert (report.photos_added, report.incomplete) == (2, [])
    [ref] = office_store.refs_for(rid)
    assert office_photos.evidence(office_store, ref)["complete"] is True
    again = import_bundle(office_store, tmp_path / "b.zip", training_allowed=False,
                          max_record_bytes=LIMIT)
    assert (again.added, again.photos_added, again.incomplete) == ([], 0, [])


def test_a_bundle_without_photos_has_no_photos_entry(tmp_path, laptop):
    seal_many(laptop.db, laptop.key, 1)
    export_bundle(laptop.db, tmp_path / "b.zip")
    with zipfile.ZipFile(tmp_path / "b.zip") as zf:
        assert "photos" not in json.loads(zf.read("manifest.json"))


@pytest.mark.parametrize("damage", ["swap", "drop"])
def test_a_damaged_photo_refuses_the_whole_bundle(tmp_path, laptop, office_store, damage):
    rid, (sha, _) = seal_with_photos(laptop.db, laptop.key)
    enrol(office_store, laptop.key)
    export_bundle(laptop.db, tmp_path / "b.zip")
    name = f"photos/{sha}.jpg"
    rewrite(tmp_path / "b.zip", lambda n, data: data if n != name else
            (picture(label="25.0") if damage == "swap" else None))
    with pytest.raises(BundleError) as exc:
        import_bundle(office_store, tmp_path / "b.zip", training_allowed=False,
                      max_record_bytes=LIMIT)
    assert sha[:12] in exc.value.en and sha[:12] in exc.value.zh
    assert office_store.counts()["records"] == 0
    assert office_store.scalar("SELECT count(*) FROM photos") == 0


def test_a_photo_lost_on_the_laptop_leaves_the_record_incomplete_at_the_office(
        tmp_path, laptop, office_store, capsys):
    rid, (sha, _) = seal_with_photos(laptop.db, laptop.key)
    conn = sqlite3.connect(laptop.folder / "inspections.sqlite3")
    conn.execute("PRAGMA foreign_keys=OFF")
    conn.execute("DROP TRIGGER photos_no_delete_sealed")
    conn.execute("DELETE FROM photos WHERE sha256=?", (sha,))
    conn.commit()
    conn.close()
    enrol(office_store, laptop.key)
    exported = export_bundle(laptop.db, tmp_path / "b.zip")
    assert (exported.photos, exported.photos_missing) == (1, [sha])
    report = import_bundle(office_store, tmp_path / "b.zip", training_allowed=False,
                           max_record_bytes=LIMIT)
    assert report.added == [rid] and report.incomplete == [rid]
    [ref] = office_store.refs_for(rid)
    assert office_photos.evidence(office_store, ref)["photos_missing"] == [sha]
    assert office_main(["--db", str(office_store.target), "--lang", "en", "records"]) == 0
    out = capsys.readouterr().out
    assert "1 records still missing photos" in out and f"  {ref}" in out


@pytest.mark.parametrize(("entry", "named"), [
    ({"sha256": 7, "file": "photos/x.jpg", "bytes": 1}, "photos.0.sha256"),
    ({"sha256": "A" * 64, "file": "photos/x.jpg", "bytes": 1}, "photos.0.sha256"),
    ({"sha256": "a" * 64, "file": "photos/x.jpg", "bytes": "1"}, "photos.0.bytes"),
    ({"sha256": "a" * 64, "file": "photos/x.jpg", "bytes": -1}, "photos.0.bytes"),
    ("a" * 64, "photos.0"),
])
def test_the_manifests_photo_list_is_checked_for_shape_first(tmp_path, laptop, entry, named):
    """The manifest comes from a USB stick: its photo list is read as bounded JSON and checked
    against `ManifestShape` before any entry is used, the fault named."""
    seal_with_photos(laptop.db, laptop.key)
    export_bundle(laptop.db, tmp_path / "b.zip")

    def bad_manifest(name, data):
        if name != "manifest.json":
            return data
        manifest = json.loads(data)
        manifest["photos"] = [entry]
        return json.dumps(manifest).encode("utf-8")

    rewrite(tmp_path / "b.zip", bad_manifest)
    with pytest.raises(BundleError) as exc:
        read_bundle(tmp_path / "b.zip", max_record_bytes=LIMIT)
    assert "manifest is malformed" in exc.value.en and named in exc.value.en
    assert "清单格式错误" in exc.value.zh
