"""`inspector-app gui [--demo]`: the desktop app; with no display, the scripted visit instead."""

from __future__ import annotations

import argparse
import os
import sys

from inspector_app.commands._common import say


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("gui", help="open the desktop app (default)")
    p.add_argument("--demo", action="store_true",
                   help="use the built-in thermometer emulator (a pseudo-terminal)")
    p.set_defaults(run=run_gui)


def has_display() -> bool:
    if sys.platform != "linux":
        return True
    if os.environ.get("QT_QPA_PLATFORM", "").startswith(("offscreen", "minimal")):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def run_gui(args: argparse.Namespace) -> int:
    if not has_display():
        print(say(args, "没有可用的显示器：改为无界面运行脚本演示检测。",
                  "No display available: running the scripted visit headless instead."),
              flush=True)
        from inspector_app.commands.demo import run_headless
        defaults = {"profile": "changchun", "temps": "17.2,18.4", "json": False,
                    "time_scale": 900.0}
        for key, value in defaults.items():
            if not hasattr(args, key):
                setattr(args, key, value)
        return run_headless(args)
    from inspector_app.ui.app import run_app
    return run_app(args)
