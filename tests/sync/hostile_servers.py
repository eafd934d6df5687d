"""Misbehaving "offices" on 127.0.0.1 for sync tests: real sockets, bounded, stopped after.

- `SilentServer` accepts every connection, reads what comes, and never answers (a hung office,
  a firewall that swallows packets after the handshake).
- `AnsweringServer` answers every request with one fixed status and body (a captive portal, a
  hostile or broken server: a JSON bomb, a huge page).
"""

from __future__ import annotations

import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class _LoopbackListener:
    """A listening socket on 127.0.0.1 with an accept loop on a thread; `_accepted(conn)` says
    what a subclass does with each connection. Stopped and closed on leaving the `with`."""

    name = "loopback-office"

    def __init__(self) -> None:
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.listener.settimeout(0.2)
        self.port = self.listener.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True, name=self.name)

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.listener.accept()
            except TimeoutError:
                continue
            self._accepted(conn)

    def _accepted(self, conn: socket.socket) -> None:
        raise NotImplementedError

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(5)
        self.listener.close()


class SilentServer(_LoopbackListener):
    name = "silent-office"

    def __init__(self) -> None:
        super().__init__()
        self.accepted = 0
        self._held: list[socket.socket] = []

    def _accepted(self, conn: socket.socket) -> None:
        self.accepted += 1
        self._held.append(conn)  # kept open, never answered

    def __exit__(self, *exc: object) -> None:
        super().__exit__(*exc)
        for conn in self._held:
            conn.close()


class AnsweringServer:
    def __init__(self, status: int, body: bytes,
                 content_type: str = "application/json") -> None:
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def _answer(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                self.rfile.read(length)
                outer.requests += 1
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_PUT = do_POST = do_GET = _answer

            def log_message(self, *args: object) -> None:
                pass

        self.requests = 0
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True,
                                        name="answering-office")

    def __enter__(self) -> AnsweringServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
        self._thread.join(5)


class TricklingServer(_LoopbackListener):
    """Answers 200 with a JSON body that never ends: one byte every `every_s` seconds (each
    byte well within any read timeout), until the client gives up or `limit_s` passes."""

    name = "trickling-office"

    def __init__(self, every_s: float = 0.05, limit_s: float = 30.0) -> None:
        super().__init__()
        self.every_s, self.limit_s = every_s, limit_s

    def _accepted(self, conn: socket.socket) -> None:
        threading.Thread(target=self._trickle, args=(conn,), daemon=True).start()

    def _trickle(self, conn: socket.socket) -> None:
        with conn:
            conn.settimeout(1.0)
            try:
                conn.recv(65536)
                conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                             b"Content-Length: 100000000\r\n\r\n{")
                for _ in range(int(self.limit_s / self.every_s)):
                    if self._stop.wait(self.every_s):
                        return
                    conn.sendall(b" ")
            except OSError:
                return  # the client gave up and closed: what the test wants
