"""The MQTT subscriber's settings and topics, without paho: the CLI checks them before it
loads the client library (every `inspector-office` command imports the CLI modules).

Readings go to `{prefix}/points/{point_id}/readings`; the broker is named `mqtt://HOST[:PORT]`.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from inspector_app.core.errors import InspectionError

DEFAULT_PREFIX = "heating"
DEFAULT_PORT = 1883


class MqttRefusal(InspectionError):
    """A setting the subscriber cannot work with (broker URL, prefix), or the broker refusing
    it (credentials, ACL): said in both languages, exit status 2 on the CLI."""


@dataclass(frozen=True)
class BrokerAddress:
    host: str
    port: int

    def __str__(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"mqtt://{host}:{self.port}"


def parse_broker_url(url: str) -> BrokerAddress:
    """`mqtt://HOST[:PORT]` (port 1883 by default); anything else is refused in both languages.

    No user or password in the URL: the password would show in `ps` and shell histories."""
    text = url.strip()
    bad = MqttRefusal(f"MQTT 服务器地址应为 mqtt://主机[:端口]：{url}",
                      f"the MQTT broker address must look like mqtt://HOST[:PORT]: {url}",
                      field="broker")
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError:
        raise bad from None
    if parts.scheme == "mqtts":
        raise MqttRefusal(f"暂不支持 TLS 连接（mqtts://）：{url}",
                          f"TLS connections (mqtts://) are not supported yet: {url}",
                          field="broker")
    if (parts.scheme != "mqtt" or not parts.hostname or parts.path not in ("", "/")
            or parts.query or parts.fragment):
        raise bad
    if parts.username is not None or parts.password is not None:
        raise MqttRefusal("MQTT 服务器地址中不应含用户名或密码：请用 --username 和环境变量"
                          " INSPECTOR_MQTT_PASSWORD",
                          "the MQTT broker address must not hold a user or password: use"
                          " --username and the environment variable INSPECTOR_MQTT_PASSWORD",
                          field="broker")
    return BrokerAddress(parts.hostname, port or DEFAULT_PORT)


def check_prefix(prefix: str) -> str:
    """A topic prefix of one or more levels, without wildcards (it is part of a filter)."""
    levels = prefix.split("/")
    if not prefix or any(not level or level in ("+", "#") or "+" in level or "#" in level
                         or "\x00" in level for level in levels):
        raise MqttRefusal(f"主题前缀无效（不能为空、不能含 + # 或空层级）：{prefix!r}",
                          f"the topic prefix is not valid (empty, a wildcard + or #, or an"
                          f" empty level): {prefix!r}", field="topic_prefix")
    return prefix


def topic_filter(prefix: str) -> str:
    return f"{prefix}/points/+/readings"


def point_of_topic(topic: str, prefix: str) -> str | None:
    """The point a topic names, None for a topic outside `{prefix}/points/{point}/readings`."""
    head, tail = f"{prefix}/points/", "/readings"
    if not (topic.startswith(head) and topic.endswith(tail)):
        return None
    point = topic[len(head):-len(tail)]
    return point if point and "/" not in point else None
