#!/usr/bin/env python3
"""The project's front door, standard library only: `python3 dev.py start`, `logins` or `test`.

start:  create .venv, install the locked dependencies, migrate, load the demo, run web +
        Celery worker + beat (honcho), then print the address and the logins in a frame.
        One line per step; the output of a step is shown only if it fails.
logins: print that frame again (the password is kept in var/admin_password).
test:   create .venv, install the locked dependencies with the test tools, run pytest.
"""

import argparse
import hashlib
import os
import socket
import subprocess
import sys
import threading
import time
import venv
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / "python"
MINIMUM_PYTHON = (3, 11)
# The same folder as config.env.VAR_DIR: the SQLite file, the broker's folder, the secrets.
VAR = Path(os.environ.get("VAR_DIR") or ROOT / "var")
PASSWORD_FILE = VAR / "admin_password"  # written by `load_demo --admin` (demo/credentials.py)
ADDRESS_FILE = VAR / "base_url"  # the address of the last start, for `dev.py logins`
# demo/users.py's accounts after admin (tests/test_dev_start.py checks that they match).
EDITORIAL_LOGINS = "redaction, relecture, bureau1, bureau2, bureau3, administration-centre, redaction-irev"
# The demo centres' sites, <slug>.localhost on BASE_URL's port beside the network's on BASE_URL
# (demo/data/centres.yaml; tests/demo/loaded/test_centre_sites.py checks that they match).
CENTRE_SLUGS = ("profession-banlieue", "pole-ressources", "val-d-oise", "irev")
STEPS = 4
SERVER_WAIT_SECONDS = 180


def run(*args: str | Path, env: dict[str, str] | None = None) -> None:
    print("+", " ".join(str(a) for a in args), flush=True)
    subprocess.run([str(a) for a in args], cwd=ROOT, check=True, env=env)


def step(number: int, label: str, *args: str | Path, env: dict[str, str] | None = None) -> None:
    """Run one step of the start on one line; its output is printed only if it fails."""
    print(f"[{number}/{STEPS}] {label} ...", end=" ", flush=True)
    began = time.monotonic()
    done = subprocess.run([str(a) for a in args], cwd=ROOT, env=env, capture_output=True, text=True)
    if done.returncode:
        print("failed\n", done.stdout, done.stderr, sep="", flush=True)
        raise subprocess.CalledProcessError(done.returncode, done.args)
    print(f"ok ({time.monotonic() - began:.0f} s)", flush=True)


def install(lock: str) -> bool:
    """Create the virtual environment and install exactly the locked set; False if it was already there."""
    if not PYTHON.exists():
        venv.EnvBuilder(with_pip=True, upgrade_deps=False).create(VENV)
    lock_path = ROOT / "requirements" / lock
    # pip takes seconds to find that nothing changed: skip it while the lock is the one installed.
    stamp = VENV / f".installed-{lock}"
    digest = hashlib.sha256(lock_path.read_bytes()).hexdigest()
    if stamp.exists() and stamp.read_text(encoding="ascii") == digest:
        return False
    pip = [PYTHON, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-r", lock_path]
    subprocess.run([str(a) for a in pip], cwd=ROOT, check=True)
    stamp.write_text(digest, encoding="ascii")
    return True


def environment(settings: str) -> dict[str, str]:
    path = f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"
    return {**os.environ, "PATH": path, "PYTHONUNBUFFERED": "1", "DJANGO_SETTINGS_MODULE": settings}


def centre_addresses(base_url: str) -> list[str]:
    """Each demo centre's site: browsers send any ``*.localhost`` name to this machine."""
    address = urlsplit(base_url)
    port = f":{address.port}" if address.port else ""
    return [f"{address.scheme}://{slug}.localhost{port}/" for slug in CENTRE_SLUGS]


def logins_frame(base_url: str, password: str) -> str:
    """The addresses and the demo logins, framed, so that they stand out of the servers' logs."""
    lines = [
        f"Sites  {base_url}/  (network)",
        *(f"       {address}" for address in centre_addresses(base_url)),
        f"Admin  {base_url}/admin/",
        f"Login  admin / {password}",
        f"       {EDITORIAL_LOGINS}: same password",
        "Again: python3 dev.py logins  -  stop: Ctrl+C",
    ]
    width = max(len(line) for line in lines)
    border = "+" + "-" * (width + 2) + "+"
    return "\n".join([border, *(f"| {line.ljust(width)} |" for line in lines), border])


def logins() -> None:
    if not PASSWORD_FILE.exists():
        sys.exit("No demo accounts yet: run `python3 dev.py start` first.")
    base_url = ADDRESS_FILE.read_text(encoding="utf-8").strip() if ADDRESS_FILE.exists() else "http://127.0.0.1:8000"
    print(logins_frame(base_url, PASSWORD_FILE.read_text(encoding="ascii").strip()), flush=True)


def _server_listens(port: int) -> bool:
    """A bare connection: runserver listens once its application is loaded, and logs no request for it."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=2):
            return True
    except OSError:
        return False


class Servers:
    """honcho running web, worker and beat; their start-up banners are held back until the site listens.

    Once it listens, the frame is printed and their lines pass through; if they stop before, what
    they printed is shown.
    """

    def __init__(self, env: dict[str, str]) -> None:
        self.process = subprocess.Popen(
            [str(BIN / "honcho"), "--no-colour", "-f", str(ROOT / "Procfile.dev"), "start"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            bufsize=1,
        )
        self.held: list[str] | None = []
        self.lock = threading.Lock()
        self.reader = threading.Thread(target=self._forward, daemon=True)
        self.reader.start()

    def _forward(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            with self.lock:
                if self.held is None:
                    print(line, end="", flush=True)
                else:
                    self.held.append(line)

    def wait_until_listening(self, port: int) -> bool:
        deadline = time.monotonic() + SERVER_WAIT_SECONDS
        while time.monotonic() < deadline and self.process.poll() is None:
            if _server_listens(port):
                return True
            time.sleep(0.5)
        return False

    def release(self, *, show_held: bool) -> None:
        """Stop holding lines back; print the held ones, or drop those banners."""
        with self.lock:
            if show_held and self.held:
                print("".join(self.held), end="", flush=True)
            self.held = None

    def wait(self) -> int:
        while True:
            try:
                code = self.process.wait()
                break
            except KeyboardInterrupt:
                continue  # Ctrl+C reached honcho too: let it stop the three processes
        self.reader.join(timeout=5)
        return code


def start(port: int, *, skip_install: bool) -> None:
    if _server_listens(port):
        # Otherwise the other server's answer would pass for ours, and this one's failure go unseen.
        sys.exit(f"Port {port} is already in use (another `dev.py start`?): stop it, or choose one with --port.")
    print(f"[1/{STEPS}] Dependencies (the first time: a few minutes) ...", end=" ", flush=True)
    began = time.monotonic()
    if skip_install:
        print("skipped (--no-install)", flush=True)
    elif install("base.lock"):
        print(f"installed ({time.monotonic() - began:.0f} s)", flush=True)
    else:
        print("up to date", flush=True)
    env = environment("config.settings.dev")
    # One address for everything the site links to, and one clock (Paris) in every log line.
    base_url = os.environ.get("BASE_URL") or f"http://127.0.0.1:{port}"
    env.update(BASE_URL=base_url, PORT=str(port), TZ="Europe/Paris", DJANGO_RUNSERVER_HIDE_WARNING="true")
    VAR.mkdir(parents=True, exist_ok=True)
    step(2, "Database (migrate)", PYTHON, "manage.py", "migrate", "--no-input", "--verbosity", "0", env=env)
    step(3, "Demo content and accounts", PYTHON, "manage.py", "load_demo", "--admin", env=env)
    ADDRESS_FILE.write_text(base_url, encoding="utf-8")
    print(f"[4/{STEPS}] Web server, Celery worker and beat ...", end=" ", flush=True)
    servers = Servers(env)
    began = time.monotonic()
    try:
        listening = servers.wait_until_listening(port)
    except KeyboardInterrupt:
        listening = False
    if listening:
        print(f"ok ({time.monotonic() - began:.0f} s)", flush=True)
        with servers.lock:
            logins()
    else:
        print("failed", flush=True)
        servers.process.terminate()
    servers.release(show_held=not listening)
    code = servers.wait()
    sys.exit(code if listening else code or 1)


def test(pytest_args: list[str]) -> None:
    install("dev.lock")
    # One worker per core; a test module's shared fixtures stay in one worker.
    parallel = (
        [] if any(a.startswith(("-n", "--numprocesses")) for a in pytest_args) else ["-n", "auto", "--dist", "loadfile"]
    )
    run(PYTHON, "-m", "pytest", *parallel, *pytest_args, env=environment("config.settings.test"))


def main() -> None:
    if sys.version_info < MINIMUM_PYTHON:
        sys.exit(f"Python {'.'.join(map(str, MINIMUM_PYTHON))} or newer is required.")
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    start_parser = commands.add_parser("start", help="install, load the demo and run web + worker + beat")
    start_parser.add_argument("--port", type=int, default=8000)
    start_parser.add_argument(
        "--no-install", action="store_true", help="use .venv as it is (managed by hand, or shared)"
    )
    commands.add_parser("logins", help="print the address and the demo logins again")
    commands.add_parser("test", help="install and run the whole test suite (extra arguments go to pytest)")
    args, extra = parser.parse_known_args()
    try:
        if args.command == "start":
            start(args.port, skip_install=args.no_install)
        elif args.command == "logins":
            logins()
        else:
            test(extra)
    except subprocess.CalledProcessError as error:
        sys.exit(error.returncode)


if __name__ == "__main__":
    main()
