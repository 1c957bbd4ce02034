"""A throwaway HTTP server on 127.0.0.1 for the URL tests (no network leaves the machine)."""

from __future__ import annotations

import http.server
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager


class _QuietServer(http.server.ThreadingHTTPServer):
    """A client that hangs up mid-reply is expected here (``compare`` stops its other downloads
    when one page fails): not a server error to print on stderr, where the tests read the
    tool's own one-line message."""

    def handle_error(self, request: object, client_address: object) -> None:
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)  # type: ignore[arg-type]


@contextmanager
def serve(handler: type[http.server.BaseHTTPRequestHandler]) -> Iterator[str]:
    """Serve ``handler`` on a free port in a daemon thread; yields the base URL."""
    httpd = _QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


class QuietHandler(http.server.BaseHTTPRequestHandler):
    """A request handler for the tests' routes: whole replies, pages that never finish, no log
    lines on stderr (they would clutter the test output)."""

    def reply(self, code: int, headers: dict[str, str], body: bytes) -> None:
        """Send ``body`` whole, with ``headers`` and its length."""
        self.send_response(code)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def trickle(self, kind: str, first: bytes, then: bytes) -> None:
        """A page that never finishes: ``first``, then ``then`` every 0.1 s for a minute, while
        announcing 100,000 bytes (a stalled server, for the time and cancel limits)."""
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", "100000")
        self.end_headers()
        try:
            self.wfile.write(first)
            for _ in range(600):
                self.wfile.write(then)
                self.wfile.flush()
                time.sleep(0.1)
        except OSError:
            pass  # the client gave up, as the tests expect

    def log_message(self, *args: object) -> None:
        pass
