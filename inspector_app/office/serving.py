"""How the office is served by uvicorn: one place for the CLI and the tests' live office.

uvicorn by default rewrites the client address from X-Forwarded-For when the peer is 127.0.0.1
(`proxy_headers`, `forwarded_allow_ips`), so any local process, or a reverse proxy passing the
header through, could name itself anyone and dodge the login throttle. The office turns that off
and decides itself, trusting only `--trusted-proxy` peers (`login_throttle.client_address`).
"""

from __future__ import annotations

from typing import Any

import uvicorn
from fastapi import FastAPI


def uvicorn_config(app: FastAPI, **options: Any) -> uvicorn.Config:
    """A uvicorn Config for the office app; `options` as uvicorn.Config takes them."""
    return uvicorn.Config(app, proxy_headers=False, **options)
