#!/usr/bin/env python3
"""The project's front door, standard library only: `python3 dev.py start` or `python3 dev.py test`.

start: create .venv, install the locked dependencies, migrate, load the demo,
       print the admin login, then run web + Celery worker + beat (honcho).
test:  create .venv, install the locked dependencies with the test tools, run pytest.
"""

import argparse
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / "python"
MINIMUM_PYTHON = (3, 11)


def run(*args: str | Path, env: dict[str, str] | None = None) -> None:
    print("+", " ".join(str(a) for a in args), flush=True)
    subprocess.run([str(a) for a in args], cwd=ROOT, check=True, env=env)


def install(lock: str) -> None:
    """Create the virtual environment and install exactly the locked set."""
    if not PYTHON.exists():
        venv.EnvBuilder(with_pip=True, upgrade_deps=False).create(VENV)
    run(PYTHON, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-r", ROOT / "requirements" / lock)


def environment(settings: str) -> dict[str, str]:
    path = f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"
    return {**os.environ, "PATH": path, "PYTHONUNBUFFERED": "1", "DJANGO_SETTINGS_MODULE": settings}


def start(port: int) -> None:
    install("base.lock")
    env = environment("config.settings.dev")
    (ROOT / "var").mkdir(exist_ok=True)
    run(PYTHON, "manage.py", "migrate", "--no-input", env=env)
    run(PYTHON, "manage.py", "load_demo", "--admin", env=env)
    print(f"\nCMS on http://127.0.0.1:{port}/ — admin on http://127.0.0.1:{port}/admin/\n", flush=True)
    env["PORT"] = str(port)
    os.execve(BIN / "honcho", [str(BIN / "honcho"), "-f", str(ROOT / "Procfile.dev"), "start"], env)


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
    commands.add_parser("test", help="install and run the whole test suite (extra arguments go to pytest)")
    args, extra = parser.parse_known_args()
    try:
        if args.command == "start":
            start(args.port)
        else:
            test(extra)
    except subprocess.CalledProcessError as error:
        sys.exit(error.returncode)


if __name__ == "__main__":
    main()
