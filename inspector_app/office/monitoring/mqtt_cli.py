"""`inspector-office monitor-mqtt`: take monitoring points' readings from an MQTT broker.

Runs until SIGTERM or Ctrl-C (SIGINT), then finishes the batch in hand, disconnects (the
broker keeps the session and what arrives meanwhile) and exits 0. A bad setting, or a broker
refusing the credentials or the subscription, is said in the chosen language with exit
status 2. What it does with each message is logged on standard error, in English, one line
each (`office.monitoring.mqtt_subscriber`).
"""

from __future__ import annotations

import argparse
import logging
import os
import signal
import socket
import sys

from inspector_app.office.monitoring.mqtt_topics import (
    DEFAULT_PREFIX,
    check_prefix,
    parse_broker_url,
    topic_filter,
)
from inspector_app.office.ticket_cli import Refused, refusals, say

PASSWORD_ENV = "INSPECTOR_MQTT_PASSWORD"
MAX_CLIENT_ID = 128       # MQTT allows 65535 bytes; brokers log it, people read it


def add_mqtt_commands(sub: argparse._SubParsersAction) -> None:
    """The `monitor-mqtt` command on the office CLI's subcommands."""
    p = sub.add_parser("monitor-mqtt", help="take monitoring points' readings from an MQTT"
                                            " broker until stopped (docs/monitoring.md)")
    p.add_argument("--broker", required=True, help="mqtt://HOST[:PORT] (default port 1883)")
    p.add_argument("--client-id", default=None,
                   help="the broker keeps this client's session and what arrives while it is"
                        " down: keep it fixed, one running subscriber per id (default:"
                        " inspector-office-HOSTNAME)")
    p.add_argument("--topic-prefix", default=DEFAULT_PREFIX,
                   help=f"topics PREFIX/points/POINT_ID/readings (default {DEFAULT_PREFIX})")
    p.add_argument("--company", default=None,
                   help="the heating company whose platform alone publishes under this prefix"
                        " (the broker's ACL enforces it): readings for other companies' points"
                        " are refused (default: no check)")
    p.add_argument("--username", default=None,
                   help=f"the broker account (its password from the environment variable"
                        f" {PASSWORD_ENV})")
    p.set_defaults(run=refusals(cmd_monitor_mqtt))


def _client_id(args: argparse.Namespace) -> str:
    client_id = (args.client_id or f"inspector-office-{socket.gethostname()}").strip()
    if not client_id or len(client_id) > MAX_CLIENT_ID or "\x00" in client_id:
        raise Refused(f"--client-id 须为 1 至 {MAX_CLIENT_ID} 个字符",
                      f"--client-id must be 1 to {MAX_CLIENT_ID} characters")
    return client_id


def cmd_monitor_mqtt(args: argparse.Namespace) -> int:
    from inspector_app.office.cli import _store, default_db
    from inspector_app.office.db import describe
    from inspector_app.office.monitoring.mqtt_subscriber import MqttSubscriber

    broker = parse_broker_url(args.broker)          # refusals: InspectionError, exit 2
    prefix = check_prefix(args.topic_prefix)
    client_id = _client_id(args)
    _log_to_stderr()
    company = (args.company or "").strip() or None
    subscriber = MqttSubscriber(_store(args), broker, client_id=client_id, prefix=prefix,
                                company=company, username=args.username,
                                password=os.environ.get(PASSWORD_ENV) or None)
    where = describe(args.db or default_db())
    print(say(args, f"监测点读数订阅：{broker} 主题 {topic_filter(prefix)} 客户端 {client_id}"
                    f"  数据库：{where}",
              f"monitoring readings from {broker}, topics {topic_filter(prefix)}, client"
              f" {client_id}  database: {where}"), flush=True)
    previous = {s: signal.signal(s, lambda *_: subscriber.stop())
                for s in (signal.SIGTERM, signal.SIGINT)}
    try:
        subscriber.run()                           # MqttRefusal from the broker: exit 2
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)
    c = subscriber.counters
    print(say(args, f"已停止：消息 {c.messages} 条（无法读取 {c.unreadable}），读数 {c.received} 条："
                    f"新存 {c.stored}，重复 {c.repeated}，冲突 {c.conflicts}，隔离 {c.quarantined}，"
                    f"拒收 {c.refused}",
              f"stopped: {c.messages} message(s) ({c.unreadable} unreadable), {c.received}"
              f" reading(s): {c.stored} stored, {c.repeated} repeated, {c.conflicts} conflicting,"
              f" {c.quarantined} quarantined, {c.refused} refused"), flush=True)
    return 0


def _log_to_stderr() -> None:
    """The subscriber's one-line log of each refusal and each connection change."""
    logger = logging.getLogger("inspector_app.office.monitoring")
    if not logger.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
        logger.addHandler(handler)
    logger.setLevel(logging.INFO)
