"""`inspector-app enroll --office URL --code CODE`: register this laptop with its district office.

The office prints a one-time code (`inspector-office enrollment-code`); this sends the laptop's
public device key with it and keeps the returned credential in the data folder (mode 0600).
`--office-cert PEM` pins the office's TLS certificate for every later connection.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from inspector_app.commands._common import say
from inspector_app.paths import data_dir
from inspector_app.seal.device_key import load_or_create_device_key
from inspector_app.sync.client import enroll


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("enroll", help="register this laptop with the district office")
    p.add_argument("--office", required=True, help="office address, e.g. https://10.0.0.5:8443")
    p.add_argument("--code", required=True, help="one-time enrolment code from the office")
    p.add_argument("--label", default="", help="a name for this laptop (shown at the office)")
    p.add_argument("--office-cert", type=Path, default=None,
                   help="the office's TLS certificate (PEM) to trust, and only it")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    folder = data_dir(args.data_dir)
    key = load_or_create_device_key(folder)
    link = enroll(folder, args.office, args.code, key, label=args.label,
                  cert_pem=args.office_cert)
    print(say(args, f"已注册到办公室 {link.office_url}，设备编号 {link.device_id}",
              f"enrolled with {link.office_url} as device {link.device_id}"))
    return 0
