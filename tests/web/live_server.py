"""A real `dateline serve` in a child process on a free loopback port, for the tests
that need uvicorn itself (streamed bodies, proxy headers, memory)."""
from __future__ import annotations

import os
import select
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from collections.abc import Iterator

SRC = Path(__file__).resolve().parents[2] / "src"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serve(db: Path, *args: str, env: dict[str, str] | None = None) -> Iterator[tuple[int, int]]:
    """Yield (port, pid) of a running server; stop it afterwards."""
    port = free_port()
    environ = {**os.environ, "PYTHONPATH": f"{SRC}{os.pathsep}{os.environ.get('PYTHONPATH', '')}",
               **(env or {})}
    environ.pop("FORWARDED_ALLOW_IPS", None)
    process = subprocess.Popen(
        [sys.executable, "-c", "from dateline.cli.main import main; main()", "serve",
         "--db", str(db), "--host", "127.0.0.1", "--port", str(port), *args],
        env=environ, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise RuntimeError(f"server exited: {process.stderr.read().decode()[-2000:]}")
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                time.sleep(0.1)
        else:
            raise RuntimeError("server did not start within 60 s")
        yield port, process.pid
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def peak_rss_kb(pid: int) -> int:
    """The process's peak resident set (VmHWM), in kB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    raise RuntimeError("no VmHWM in /proc status")


def send_chunked(port: int, path: str, total: int, *, content_type: str,
                 chunk: int = 64 * 1024, start: bytes = b"", headers: dict[str, str] | None = None
                 ) -> tuple[int, int]:
    """POST ``total`` bytes with Transfer-Encoding: chunked; return (status, bytes sent).
    Sending stops when the server answers or closes (it may cut the body off)."""
    extra = "".join(f"{k}: {v}\r\n" for k, v in (headers or {}).items())
    head = (f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: {content_type}\r\n"
            f"Transfer-Encoding: chunked\r\n{extra}\r\n").encode()
    piece = f"{chunk:x}\r\n".encode() + b"a" * chunk + b"\r\n"
    sent = 0
    response = b""
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
        try:
            sock.sendall(head + f"{len(start):x}\r\n".encode() + start + b"\r\n" if start else head)
            while sent < total:
                readable, writable, _ = select.select([sock], [sock], [], 30)
                if readable:
                    break  # the server answered (or closed) before the body ended
                if writable:
                    sock.sendall(piece)
                    sent += chunk
            else:
                sock.sendall(b"0\r\n\r\n")
        except (BrokenPipeError, ConnectionResetError):
            pass
        try:
            while b"\r\n" not in response:
                more = sock.recv(65536)
                if not more:
                    break
                response += more
        except (ConnectionResetError, TimeoutError):
            pass
    status = int(response.split(b" ", 2)[1]) if response.startswith(b"HTTP/") else 0
    return status, sent
