"""Who a request comes from, for the office's per-client limits (login throttle, residents' page).

The TCP peer, unless that peer is a configured proxy (`serve --trusted-proxy`): only then is
X-Forwarded-For believed, read from the right. One function for every limit, so none can be
dodged by a forged header that another one ignores.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable

from starlette.requests import Request

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def parse_proxies(addresses: Iterable[str]) -> tuple[Network, ...]:
    """`--trusted-proxy` values (addresses or networks); ValueError names a bad one."""
    return tuple(ipaddress.ip_network(a.strip(), strict=False) for a in addresses)


def _trusted(address: str, proxies: tuple[Network, ...]) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in net for net in proxies)


def client_address(request: Request) -> str:
    """Who is asking: the TCP peer, or, when the peer is a trusted proxy, the nearest
    address in X-Forwarded-For that is not itself a trusted proxy (read from the right: the
    left part is whatever the client wrote). With no proxies configured the header is ignored,
    so a forged X-Forwarded-For cannot buy fresh guesses."""
    peer = request.client.host if request.client else "?"
    proxies: tuple[Network, ...] = getattr(request.app.state, "trusted_proxies", ())
    if not _trusted(peer, proxies):
        return peer
    hops = [h.strip() for line in request.headers.getlist("x-forwarded-for")
            for h in line.split(",") if h.strip()]
    for hop in reversed(hops):
        if not _trusted(hop, proxies):
            return hop
    return hops[0] if hops else peer
