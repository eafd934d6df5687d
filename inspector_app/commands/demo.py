"""`inspector-app demo --headless`: a whole scripted visit on an emulated thermometer."""

from __future__ import annotations

import argparse
import json
import sys

from inspector_app.commands._common import database_path, open_db, say
from inspector_app.core.errors import ValidationError
from inspector_app.core.profile import DEFAULT_PROFILE, load_profile
from inspector_app.core.validation import check_reading
from inspector_app.store.visits import VisitStore

VERDICT_ZH = {"pass": "合格", "fail": "不合格", "incomplete": "未完成"}
STATE_ZH = {"sealed": "已签封", "complete": "已完成"}
STORED_LABELS = {"stored_state": ("记录状态", "record state"),
                 "stored_sha256": ("SHA-256", "SHA-256"),
                 "stored_seq": ("本机记录链序号", "chain position on this laptop"),
                 "stored_device_id": ("设备编号", "device id")}


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("demo", help="run a scripted training visit on the thermometer emulator")
    p.add_argument("--headless", action="store_true",
                   help="no window: run the visit by script and print the stored record")
    p.add_argument("--profile", default=DEFAULT_PROFILE, help="jurisdiction profile")
    p.add_argument("--temps", default="17.2,18.4",
                   help="one temperature per room: bedroom, living room, more bedrooms")
    p.add_argument("--ticket", metavar="NUMBER",
                   help="start the visit from this pulled assignment (CHANNEL/TICKET, or TICKET "
                        "when only one channel has it)")
    p.add_argument("--json", action="store_true", help="one JSON object on the last line")
    p.add_argument("--time-scale", type=float, default=900.0, help=argparse.SUPPRESS)
    p.set_defaults(run=run)


def parse_temps(text: str) -> list[float]:
    """One reading per room, comma separated; an empty entry ("17,,18") is refused, not skipped,
    since skipping it would silently shift every later room's temperature."""
    entries = [t.strip() for t in text.split(",")]
    if text.strip() and not all(entries):
        raise ValidationError(f"温度列表“{text}”中有空项：每个房间都要填一个温度，例：17.2,18.4",
                              f"temperature list {text!r} has an empty entry: give one "
                              "temperature per room, e.g. 17.2,18.4", field="temps")
    try:
        temps = [float(t) for t in entries if t]
    except ValueError as exc:
        raise ValidationError(f"温度列表“{text}”格式不对，例：17.2,18.4",
                              f"temperature list {text!r} is malformed, e.g. 17.2,18.4",
                              field="temps") from exc
    if not temps:
        raise ValidationError("至少需要一个房间温度", "at least one room temperature is needed",
                              field="temps")
    return [check_reading(t, field="temps") for t in temps]


def run(args: argparse.Namespace) -> int:
    if not args.headless:
        from inspector_app.commands.gui import run_gui
        args.demo = True
        return run_gui(args)
    return run_headless(args)


def run_headless(args: argparse.Namespace) -> int:
    from inspector_app.scripted_visit import run_scripted_visit

    profile = load_profile(args.profile)
    temps = parse_temps(args.temps)
    db = open_db(args)
    store = VisitStore(db)
    quiet = args.json
    visit, assignment = None, None
    if getattr(args, "ticket", None):
        from inspector_app.commands._demo_ticket import find_assignment, ticket_demo_visit
        from inspector_app.seal.ticket_ref import require_ticket_signature

        assignment = find_assignment(db, args.ticket)   # exit 2 in words if there is none
        visit = ticket_demo_visit(assignment.item, profile, len(temps),
                                  contacted_at=assignment.status.contacted_at)
        require_ticket_signature(db, visit)   # before anything is stored, not at the seal

    def progress(msg: str) -> None:
        if not quiet:
            print("  …", msg, flush=True)

    if not quiet:
        print(say(args, f"脚本演示检测（培训记录），地区规则：{profile.title_zh}",
                  f"Scripted demo visit (training record), profile: {profile.title_en}"))
        if visit is not None:
            print(say(args, f"派单工单 {assignment.key}（办公室签发），投诉时间 "
                            f"{visit.ticket_ref['complaint_at']}（取自工单）",
                      f"Dispatched ticket {assignment.key} (signed by the office), complaint "
                      f"time {visit.ticket_ref['complaint_at']} (from the ticket)"))
    outcome = run_scripted_visit(store, profile, temps, time_scale=args.time_scale,
                                 progress=progress, visit=visit)
    if assignment is not None:
        from inspector_app.store.assignments import mark_visit_started

        mark_visit_started(db, assignment.channel, assignment.ticket, outcome.visit.id)
    result = outcome.result
    summary = {
        "record_id": outcome.visit.id,
        "training": True,
        "profile": profile.name,
        "database": str(database_path(args)),
        "port": outcome.port,
        "readings": outcome.readings_seen,
        **({"ticket": assignment.key, "complaint_at": visit.ticket_ref["complaint_at"]}
           if assignment is not None else {}),
        **result.to_dict(),
    }
    summary.update(_after_measuring(args, outcome))
    if args.json:
        print(json.dumps(summary, ensure_ascii=False))
        return 0
    print(say(args, f"记录编号：{outcome.visit.id}", f"Record id: {outcome.visit.id}"))
    for room in result.rooms:
        verdict = VERDICT_ZH[room.verdict] if args.lang == "zh" else room.verdict
        print(f"  {room.name}（{room.area_m2:g} m²，{len(room.points)} 个测点）："
              f"{room.mean} °C  {verdict}")
    overall = VERDICT_ZH[result.verdict] if args.lang == "zh" else result.verdict
    print(say(args, f"结论：{overall}", f"Verdict: {overall}"))
    print(say(args, f"退费估算：每日 {result.refund_per_day} 元（不合格面积 {result.failing_area_m2} m²）",
              f"Refund estimate: {result.refund_per_day} yuan per day "
              f"(failing area {result.failing_area_m2} m²)"))
    for key, value in summary.items():
        if key.startswith("stored_"):
            zh, en = STORED_LABELS.get(key, (key[7:], key[7:]))
            shown = STATE_ZH.get(value, value) if key == "stored_state" and args.lang == "zh" \
                else value
            print(f"  {say(args, zh, en)}：{shown}" if args.lang == "zh" else f"  {en}: {shown}")
    print(say(args, f"记录已保存到：{database_path(args)}", f"Record stored in {database_path(args)}"))
    sys.stdout.flush()
    return 0


def _after_measuring(args: argparse.Namespace, outcome) -> dict:  # noqa: ANN001
    """Later steps (signing, sealing) hook in here; each adds `stored_*` keys to the summary.

    Signs with generated strokes and seals the training record with this laptop's device key,
    exactly as a real visit is sealed, so slip, verify and sync all work on it.
    """
    from inspector_app.paths import data_dir
    from inspector_app.seal.device_key import load_or_create_device_key
    from inspector_app.seal.training import seal_training_visit

    key = load_or_create_device_key(data_dir(args.data_dir))
    db = open_db(args)
    try:
        envelope = seal_training_visit(db, outcome.visit.id, key)
    finally:
        db.conn.close()
    return {"stored_state": "sealed", "stored_sha256": envelope["sha256"],
            "stored_seq": envelope["record"]["chain"]["seq"], "stored_device_id": key.device_id}
