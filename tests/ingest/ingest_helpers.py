"""Helpers for the ingest tests (a module name no other test folder uses)."""
from __future__ import annotations

RULES = "ingest_rule_extractor:RuleExtractor"


class LoopbackSite:
    """A real HTTP server on 127.0.0.1 serving routes the test sets up."""

    def __init__(self) -> None:
        import threading
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

        site = self
        self.routes: dict[str, tuple[int, dict[str, str], bytes, float]] = {}
        self.hits: list[str] = []

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                import time

                site.hits.append(self.path)
                status, headers, body, delay = site.routes.get(
                    self.path, (404, {"Content-Type": "text/plain"}, b"not here", 0.0))
                if delay:
                    time.sleep(delay)
                self.send_response(status)
                for key, value in headers.items():
                    if value:  # an empty value leaves the header out (body ends at close)
                        self.send_header(key, value)
                if "Content-Length" not in headers:
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                try:
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def log_message(self, *args) -> None:  # noqa: ANN002 - keep test output clean
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def add(self, path: str, body: bytes | str, *, status: int = 200,
            content_type: str = "text/html; charset=utf-8", delay: float = 0.0,
            headers: dict[str, str] | None = None) -> str:
        data = body.encode() if isinstance(body, str) else body
        self.routes[path] = (status, {"Content-Type": content_type, **(headers or {})}, data, delay)
        return self.base + path

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
