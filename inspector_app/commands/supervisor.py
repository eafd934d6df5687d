"""`inspector-app supervisor [--office URL] [--demo]`: the supervisor's review window.

Asks for the office address (default: the enrolled office, or `--office`), the user name and the
password, then opens the review window. The same window is reachable from the inspector's app
(Tools → Supervisor review…).

`--demo` starts a training office on 127.0.0.1 in the data folder (`supervisor-demo/`: synthetic
rows plus a dozen really sealed training records) and logs in to it. With no display it walks
the same calls headless and says where the ruling PDF and the export went.
"""

from __future__ import annotations

import argparse
import json
import sys

from inspector_app.commands._common import say


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("supervisor", help="review the office's records as a supervisor")
    p.add_argument("--office", default="", help="office address, e.g. https://office:8443")
    p.add_argument("--demo", action="store_true",
                   help="a local training office with sample records, logged in")
    p.add_argument("--synthetic", type=int, default=100_000,
                   help="--demo: synthetic rows made the first time (default 100000)")
    p.add_argument("--json", action="store_true", help="headless --demo: one JSON object")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from inspector_app.commands.gui import has_display
    from inspector_app.paths import data_dir

    folder = data_dir(args.data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    office = None
    if args.demo:
        from inspector_app.review import demo

        def progress(zh: str, en: str) -> None:
            if not args.json:
                print(say(args, "演示办公室：", "demo office: ") + say(args, zh, en), flush=True)

        office = demo.start(folder / "supervisor-demo", synthetic=args.synthetic,
                            progress=progress)
    if not has_display():
        if office is None:
            print(say(args, "审核模式需要显示器（没有可用的显示器）；可用 --demo 无界面演示。",
                      "Supervisor review needs a display (none is available); --demo runs a "
                      "headless tour."), file=sys.stderr)
            return 2
        return _headless(args, office)
    return _window(args, folder, office)


def _headless(args: argparse.Namespace, office) -> int:  # noqa: ANN001 - DemoOffice
    from inspector_app.review import demo

    try:
        session = office.login()
        summary = demo.tour(session, office.folder, lang=args.lang)
        session.logout()
    finally:
        office.stop()
    if args.json:
        print(json.dumps(summary, ensure_ascii=False, indent=2))
        return 0
    zh = args.lang == "zh"
    records = f"{summary['records']:,}" + ("" if summary["records_exact"] else "+")
    failures = f"{summary['failures']:,}" + ("" if summary["failures_exact"] else "+")
    decision = {"refund": say(args, "退费", "refund"),
                "no_refund": say(args, "不退费", "no refund")}.get(summary.get("decision"), "")
    lines = [
        say(args, "没有可用的显示器：改为无界面演示审核流程。",
            "No display available: touring supervisor review headless instead."),
        (f"办公室 {summary['office']}：记录 {records} 条（含合成数据），"
         f"首页 {summary['first_page_ms']} 毫秒，其中不合格 {failures} 条" if zh else
         f"office {summary['office']}: {records} records (synthetic included), "
         f"first page in {summary['first_page_ms']} ms, {failures} failures"),
    ]
    if "ruling_pdf" in summary:
        verified_zh = "已验证" if summary["verification"] == "verified" else "未通过验证"
        chain_zh = {"ok": "链完整", "gap": "缺少前序记录", "fork": "链分叉"}.get(
            summary["chain_state"], summary["chain_state"])
        lines.append(
            f"培训记录 {summary['record']}：{verified_zh}，{chain_zh}；练习裁定 {summary['ruling_no']}（{decision} "
            f"{summary['amount']} 元，不具效力）→ {summary['ruling_pdf']}" if zh else
            f"training record {summary['record']}: {summary['verification']}, chain "
            f"{summary['chain_state']}; practice ruling {summary['ruling_no']} "
            f"({decision} {summary['amount']} yuan, of no effect) → {summary['ruling_pdf']}")
    lines.append(say(args, f"导出：{summary['export_csv']}", f"export: {summary['export_csv']}"))
    print("\n".join(lines))
    return 0


def _window(args: argparse.Namespace, folder, office) -> int:  # noqa: ANN001
    from inspector_app.ui import i18n
    from inspector_app.ui.app import make_application
    from inspector_app.ui.qt import QThreadPool
    from inspector_app.ui.settings import language, open_settings
    from inspector_app.ui.supervisor.login_dialog import LoginDialog, office_trust
    from inspector_app.ui.supervisor.window import SupervisorWindow

    app = make_application()
    settings = open_settings(folder)
    explicit = args.lang if "--lang" in sys.argv else None
    i18n.install_language(language(settings, explicit))
    enrolled, trust = office_trust(folder)
    if office is not None:
        session = office.login()
    else:
        dialog = LoginDialog(None, settings, args.office or enrolled, trust)
        if args.office:
            dialog.ui.urlEdit.setText(args.office)
        if dialog.exec() != dialog.DialogCode.Accepted or dialog.session is None:
            return 1
        session = dialog.session
    window = SupervisorWindow(session, folder, settings, trust=trust)
    window.show()
    try:
        return app.exec()
    finally:
        QThreadPool.globalInstance().waitForDone(5000)
        settings.sync()
        if office is not None:
            office.stop()
