"""The quick start as a newcomer runs it: `python3 dev.py start` on an empty var/, then `dev.py logins`.

The real command path (migrate, the demo load, the accounts, web + worker + beat under honcho),
with its own var/ folder and port; only the install step is skipped, since .venv is shared.
"""

import os
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from django.contrib.auth.hashers import check_password
from django.test import override_settings

from demo.users import DEMO_USERS
from dev import CENTRE_SLUGS

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
START_TIMEOUT_SECONDS = 1200  # migrate and the demo take about a minute on two idle cores
MAX_LINES = 25
# What the runner may have set that would send dev.py elsewhere than its own var/ folder.
_RUNNER_ENV = ("DATABASE_URL", "REDIS_URL", "CELERY_BROKER_URL", "BASE_URL", "SECRET_KEY", "DJANGO_SETTINGS_MODULE")


def free_port() -> int:
    for port in range(8690, 8600, -1):
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) != 0:
                return port
    raise AssertionError("no free port in 8600-8690")


class Started:
    """`dev.py start` in a session of its own, its output read line by line."""

    def __init__(self, *, var: Path, media: Path, port: int) -> None:
        env = {name: value for name, value in os.environ.items() if name not in _RUNNER_ENV}
        env.update(VAR_DIR=str(var), MEDIA_ROOT=str(media))
        self.process = subprocess.Popen(  # noqa: S603 (dev.py with fixed arguments)
            [sys.executable, "dev.py", "start", "--port", str(port), "--no-install"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,
        )
        self.lines: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.append(line.rstrip("\n"))

    def wait_for_frame(self) -> list[str]:
        """The output up to the frame's closing border (a border line after the « Login » one)."""
        deadline = time.monotonic() + START_TIMEOUT_SECONDS
        while time.monotonic() < deadline and self.process.poll() is None:
            logged_in = [n for n, line in enumerate(self.lines) if line.startswith("| Login")]
            if logged_in and any(line.startswith("+--") for line in self.lines[logged_in[0] :]):
                time.sleep(3)  # whatever the servers print next would land here
                return list(self.lines)
            time.sleep(1)
        raise AssertionError("no logins frame:\n" + "\n".join(self.lines))

    def stop(self) -> int:
        if self.process.poll() is not None:
            return self.process.returncode
        os.killpg(self.process.pid, signal.SIGINT)  # Ctrl+C in the terminal
        try:
            return self.process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            raise


@pytest.fixture
def started(tmp_path):
    port = free_port()
    run = Started(var=tmp_path / "var", media=tmp_path / "media", port=port)
    try:
        yield run, tmp_path / "var", port
    finally:
        if run.process.poll() is None:
            run.stop()


def test_dev_start__first_start_is_short_and_ends_with_the_logins(started):
    run, var, port = started
    lines = run.wait_for_frame()
    password = (var / "admin_password").read_text(encoding="ascii").strip()

    assert len(lines) < MAX_LINES, "\n".join(lines)
    assert [line.split(" ...")[0] for line in lines[:4]] == [
        "[1/4] Dependencies (the first time: a few minutes)",
        "[2/4] Database (migrate)",
        "[3/4] Demo content and accounts",
        "[4/4] Web server, Celery worker and beat",
    ]
    top = next(n for n, line in enumerate(lines) if line.startswith("+--"))
    frame_lines = lines[top:]
    frame = "\n".join(frame_lines)
    assert top == 4, "one line per step, then the frame"
    assert lines[-1].startswith("+--"), "the logins are the last lines"
    assert f"| Sites  http://127.0.0.1:{port}/  (network)" in frame
    assert all(f"|        http://{slug}.localhost:{port}/ " in frame for slug in CENTRE_SLUGS)
    assert f"| Admin  http://127.0.0.1:{port}/admin/" in frame
    assert f"| Login  admin / {password} " in frame
    assert all(username in frame for username, *_ in DEMO_USERS)
    assert "Page created" not in frame
    # The stored password is the accounts' one.
    with sqlite3.connect(var / "db.sqlite3") as database:
        (encoded,) = database.execute("SELECT password FROM auth_user WHERE username = 'admin'").fetchone()
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.PBKDF2PasswordHasher"]):
        assert check_password(password, encoded)
    # Wagtail's sites are on the addresses the frame gives.
    with sqlite3.connect(var / "db.sqlite3") as database:
        sites = database.execute("SELECT hostname, port FROM wagtailcore_site").fetchall()
    assert sorted(sites) == sorted([("127.0.0.1", port), *((f"{slug}.localhost", port) for slug in CENTRE_SLUGS)])

    run.stop()  # Ctrl+C stops honcho and its three processes within the minute

    again = subprocess.run(
        [sys.executable, "dev.py", "logins"],
        cwd=ROOT,
        env={**os.environ, "VAR_DIR": str(var)},
        capture_output=True,
        text=True,
        check=True,
    )
    assert again.stdout.splitlines() == frame_lines


def test_dev_start__refuses_a_port_already_in_use_before_doing_anything(tmp_path):
    port = free_port()
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", port))
        taken.listen()
        env = {name: value for name, value in os.environ.items() if name not in _RUNNER_ENV}
        answer = subprocess.run(  # noqa: S603 (dev.py with fixed arguments)
            [sys.executable, "dev.py", "start", "--port", str(port), "--no-install"],
            cwd=ROOT,
            env={**env, "VAR_DIR": str(tmp_path / "var")},
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert answer.returncode == 1
    assert f"Port {port} is already in use" in answer.stderr
    assert "[1/4]" not in answer.stdout
    assert not (tmp_path / "var").exists()
