"""`inspector-app attach-photo VISIT FILE --kind K` and `inspector-app photos VISIT`.

Photo evidence from the command line (a photo taken with a phone and copied over, or a script):
the same `store.photos.attach_photo` the app uses, so the file is downscaled to ≤ 2 megapixels
JPEG and refused once the visit is sealed.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from inspector_app.commands._common import open_db, say
from inspector_app.store import photos
from inspector_app.store.schema_photos import PHOTO_KINDS


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("attach-photo", help="attach a photo to a visit not yet sealed")
    p.add_argument("visit_id")
    p.add_argument("file", type=Path)
    p.add_argument("--kind", required=True, choices=PHOTO_KINDS, help="what the photo shows")
    p.add_argument("--caption", default="")
    p.add_argument("--room", dest="room_id", help="the room's id (default: the whole visit)")
    p.add_argument("--point", dest="point_id", help="the point's id (with --room)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=run_attach)
    p = sub.add_parser("photos", help="the photos attached to a visit")
    p.add_argument("visit_id")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=run_list)


def run_attach(args: argparse.Namespace) -> int:
    item = photos.attach_photo(open_db(args), args.visit_id, args.file, kind=args.kind,
                               caption=args.caption, room_id=args.room_id,
                               point_id=args.point_id)
    if args.json:
        print(json.dumps(item.to_dict(), ensure_ascii=False))
        return 0
    print(say(args, f"已添加照片 {item.sha256[:12]}…（{item.width}×{item.height}，{item.size} 字节）",
              f"photo {item.sha256[:12]}… attached ({item.width}×{item.height}, "
              f"{item.size} bytes)"))
    return 0


def run_list(args: argparse.Namespace) -> int:
    items = photos.links(open_db(args), args.visit_id)
    if args.json:
        print(json.dumps([i.to_dict() for i in items], ensure_ascii=False))
        return 0
    if not items:
        print(say(args, "没有照片", "no photos"))
    for i in items:
        kind = photos.KIND_ZH[i.kind] if args.lang == "zh" else photos.KIND_EN[i.kind]
        target, target_id = i.target
        print(f"{i.sha256[:12]}…  {kind}  {target} {target_id}  {i.width}×{i.height}  "
              f"{i.taken_at}  {i.caption}")
    return 0
