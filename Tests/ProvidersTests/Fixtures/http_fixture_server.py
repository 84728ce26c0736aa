#!/usr/bin/env python3
"""HTTP fixture server for ProvidersTests (standard library only).

Listens on 127.0.0.1 on an ephemeral port. Prints the port on its first stdout line and,
on the second, a port on 127.0.0.1 that was just bound and released (nothing listens there:
for "connection refused" tests). Exits by itself when its parent dies, when stdin closes,
after IDLE_TIMEOUT seconds without a request, or after MAX_LIFETIME seconds.

Routes:
  /ok                      200 JSON body
  /echo                    JSON {method, path, query, headers, body}
  /status/<code>           that status; ?retry_after=N adds a retry-after header
  /chunks?n=5&delay=0.05   chunked body, n chunks "chunk <i>\n" with a delay between them
  /gated?id=X              chunk "first\n", then waits for /release?id=X (max 8 s), then "rest:<how>\n"
  /release?id=X            releases a /gated response
  /sse?n=3&delay=0.05      text/event-stream with n "data:" events
  /stall?id=X              headers (chunked), then nothing (up to 20 s); notes when the client closes
  /closed?id=X             {"closed": bool}: did the client close /stall?id=X (waits up to 5 s)
  /seen?id=X               {"seen": bool}: has /stall?id=X arrived (waits up to 5 s)
  /disconnect              content-length 1000, sends 100 bytes, closes the socket
  /slow-head?delay=1       sleeps before sending the head
"""
import json
import os
import select
import socket
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

IDLE_TIMEOUT = 60.0
MAX_LIFETIME = 300.0
START = time.monotonic()
last_activity = [time.monotonic()]
gates = {}
gates_lock = threading.Lock()


def gate(name):
    with gates_lock:
        return gates.setdefault(name, threading.Event())


def bounded(value, low, high):
    return max(low, min(high, value))


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "rbank-fixture/1"

    def log_message(self, format, *args):  # keep the test output quiet
        pass

    def _query(self):
        parts = urlsplit(self.path)
        return parts.path, {k: v[-1] for k, v in parse_qs(parts.query).items()}

    def _body(self):
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(bounded(length, 0, 10_000_000)) if length else b""

    def _send(self, status, body, content_type="application/json", extra=None):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (extra or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _start_chunked(self, content_type="text/plain"):
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Transfer-Encoding", "chunked")
        self.send_header("Cache-Control", "no-cache")
        self.end_headers()
        self.wfile.flush()

    def _chunk(self, data):
        self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))
        self.wfile.flush()

    def _end_chunked(self):
        self.wfile.write(b"0\r\n\r\n")
        self.wfile.flush()

    def handle_one_request(self):
        last_activity[0] = time.monotonic()
        try:
            super().handle_one_request()
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    def _dispatch(self):
        path, query = self._query()
        body = self._body()
        if path == "/ok":
            self._send(200, json.dumps({"ok": True, "message": "hello"}).encode())
        elif path == "/echo":
            payload = {
                "method": self.command,
                "path": path,
                "query": query,
                "headers": {k.lower(): v for k, v in self.headers.items()},
                "body": body.decode("utf-8", "replace"),
            }
            self._send(200, json.dumps(payload).encode())
        elif path.startswith("/status/"):
            code = bounded(int(path.rsplit("/", 1)[1]), 200, 599)
            extra = {"X-Fixture": "status"}
            if "retry_after" in query:
                extra["Retry-After"] = query["retry_after"]
            self._send(code, json.dumps({"error": {"type": "fixture", "status": code}}).encode(), extra=extra)
        elif path == "/chunks":
            n = bounded(int(query.get("n", 5)), 0, 100)
            delay = bounded(float(query.get("delay", 0.05)), 0, 1)
            self._start_chunked()
            for i in range(n):
                self._chunk(b"chunk %d\n" % i)
                time.sleep(delay)
            self._end_chunked()
        elif path == "/gated":
            event = gate(query.get("id", ""))
            self._start_chunked()
            self._chunk(b"first\n")
            how = b"released" if event.wait(8) else b"timeout"
            self._chunk(b"rest:" + how + b"\n")
            self._end_chunked()
        elif path == "/release":
            gate(query.get("id", "")).set()
            self._send(200, b'{"released":true}')
        elif path == "/sse":
            n = bounded(int(query.get("n", 3)), 0, 100)
            delay = bounded(float(query.get("delay", 0.05)), 0, 1)
            self._start_chunked("text/event-stream")
            for i in range(n):
                self._chunk(b'event: message\ndata: {"index": %d}\n\n' % i)
                time.sleep(delay)
            self._chunk(b"data: [DONE]\n\n")
            self._end_chunked()
        elif path == "/stall":
            gate("seen:" + query.get("id", "")).set()
            self._start_chunked()
            deadline = time.monotonic() + 20
            while time.monotonic() < deadline:
                readable, _, _ = select.select([self.connection], [], [], 0.1)
                if readable:
                    try:
                        peer_closed = self.connection.recv(1, socket.MSG_PEEK) == b""
                    except OSError:
                        peer_closed = True
                    if peer_closed:
                        gate("closed:" + query.get("id", "")).set()
                        break
                    time.sleep(0.1)
            self.close_connection = True
        elif path == "/seen":
            seen = gate("seen:" + query.get("id", "")).wait(5)
            self._send(200, json.dumps({"seen": seen}).encode())
        elif path == "/closed":
            # Did the client close a /stall?id=X connection (waits up to 5 s)?
            closed = gate("closed:" + query.get("id", "")).wait(5)
            self._send(200, json.dumps({"closed": closed}).encode())
        elif path == "/disconnect":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", "1000")
            self.end_headers()
            self.wfile.write(b"x" * 100)
            self.wfile.flush()
            self.close_connection = True
            try:
                self.connection.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
        elif path == "/slow-head":
            time.sleep(bounded(float(query.get("delay", 1)), 0, 10))
            self._send(200, b'{"slow":true}')
        else:
            self._send(404, b'{"error":"no such route"}')

    do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = do_HEAD = _dispatch


def watchdog(parent):
    while True:
        time.sleep(0.25)
        now = time.monotonic()
        if os.getppid() != parent or now - last_activity[0] > IDLE_TIMEOUT or now - START > MAX_LIFETIME:
            os._exit(0)


def stdin_watch():
    try:
        while sys.stdin.buffer.read(1024):
            pass
    except Exception:
        pass
    os._exit(0)


def closed_port():
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def main():
    parent = os.getppid()
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=watchdog, args=(parent,), daemon=True).start()
    if "--no-stdin-watch" not in sys.argv:
        threading.Thread(target=stdin_watch, daemon=True).start()
    print(server.server_address[1], flush=True)
    print(closed_port(), flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
