"""A fault-injecting TCP proxy on 127.0.0.1 for sync tests: drops, delays, cuts mid-body.

Sits between the laptop's client and the office and, per connection and per chunk, decides with
a seeded RNG to pass the bytes, hold them back a while, or forward only part of them and then
close both sides. Cuts happen in both directions, so some uploads never fully reach the office
and some answers never reach the laptop after the office has stored the record — the case where a
naive client would either lose or double a record. Faults and delays are bounded (counts and the
longest delay), so a test always ends.
"""

from __future__ import annotations

import contextlib
import random
import socket
import threading
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass
class FaultPlan:
    p_drop: float = 0.06           # close a new connection before forwarding anything
    p_delay: float = 0.08          # per chunk: sleep up to max_delay_s before forwarding
    p_cut_request: float = 0.06    # per client→office chunk: forward part, then close both
    p_cut_response: float = 0.06   # per office→client chunk: forward part, then close both
    max_delay_s: float = 0.15
    max_faults: int = 120          # drops + cuts; once spent, everything passes
    max_delays: int = 200


class FaultProxy:
    """Forwards to `target_port`; given several ports, to each in turn, one connection each
    (`stats["to_PORT"]` counts them): one laptop then talks to several office processes."""

    def __init__(self, target_port: int | Sequence[int], seed: int,
                 plan: FaultPlan | None = None) -> None:
        ports = [target_port] if isinstance(target_port, int) else list(target_port)
        self.targets = [("127.0.0.1", port) for port in ports]
        self.plan = plan or FaultPlan()
        self.rng = random.Random(seed)
        self.lock = threading.Lock()
        self.stats: Counter[str] = Counter()
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self._sockets: set[socket.socket] = set()

    # -- decisions (one RNG, one lock: reproducible counts for a given interleaving) -----------
    def _draw(self, kind: str) -> float | None:
        """A fault of `kind` if the dice and the budget allow; the value is a delay or a share."""
        with self.lock:
            roll = self.rng.random()
            plan = self.plan
            faults = self.stats["drops"] + self.stats["cuts_request"] + self.stats["cuts_response"]
            if kind == "delay":
                if roll < plan.p_delay and self.stats["delays"] < plan.max_delays:
                    self.stats["delays"] += 1
                    return self.rng.uniform(0, plan.max_delay_s)
                return None
            chance = {"drops": plan.p_drop, "cuts_request": plan.p_cut_request,
                      "cuts_response": plan.p_cut_response}[kind]
            if roll < chance and faults < plan.max_faults:
                self.stats[kind] += 1
                return self.rng.random()
            return None

    # -- plumbing --------------------------------------------------------------------------------
    def start(self) -> FaultProxy:
        t = threading.Thread(target=self._accept_loop, daemon=True, name="fault-proxy")
        t.start()
        self._threads.append(t)
        return self

    def stop(self) -> None:
        self._stop.set()
        self.listener.close()
        with self.lock:
            socks = list(self._sockets)
        for s in socks:
            _close(s)
        for t in self._threads:
            t.join(timeout=5)

    def _accept_loop(self) -> None:
        self.listener.settimeout(0.1)
        while not self._stop.is_set():
            try:
                client, _ = self.listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            target = self.targets[self.stats["connections"] % len(self.targets)]
            self.stats["connections"] += 1
            if self._draw("drops") is not None:
                _close(client)
                continue
            self.stats[f"to_{target[1]}"] += 1
            try:
                upstream = socket.create_connection(target, timeout=5)
            except OSError:
                _close(client)
                continue
            for s in (client, upstream):
                s.settimeout(None)
                s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)  # no 40 ms Nagle stalls
            with self.lock:
                self._sockets.update((client, upstream))
            pair = (client, upstream)
            for src, dst, kind in ((client, upstream, "cuts_request"),
                                   (upstream, client, "cuts_response")):
                t = threading.Thread(target=self._pump, args=(src, dst, kind, pair), daemon=True)
                t.start()
                self._threads.append(t)

    def _pump(self, src: socket.socket, dst: socket.socket, cut_kind: str,
              pair: tuple[socket.socket, socket.socket]) -> None:
        try:
            while True:
                data = src.recv(65536)
                if not data:
                    with contextlib.suppress(OSError):
                        dst.shutdown(socket.SHUT_WR)
                    return
                delay = self._draw("delay")
                if delay:
                    time.sleep(delay)
                share = self._draw(cut_kind)
                if share is not None:
                    part = data[: int(len(data) * share)]
                    if part:
                        dst.sendall(part)
                    for s in pair:
                        _close(s)
                    return
                dst.sendall(data)
                self.stats[f"bytes_{cut_kind.split('_')[1]}"] += len(data)
        except OSError:
            for s in pair:
                _close(s)


def _close(s: socket.socket) -> None:
    with contextlib.suppress(OSError):
        s.shutdown(socket.SHUT_RDWR)
    with contextlib.suppress(OSError):
        s.close()
