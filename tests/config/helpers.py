"""Run Python in a child process with a controlled environment.

Settings are read once, when their module is imported: each environment is
tried in a fresh interpreter. The child's environment is built from scratch
(PATH only), so that nothing of the runner's (DATABASE_URL, REDIS_URL…) leaks
into it.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Prints the settings named on the command line as JSON.
READ_SETTINGS = """
import json, sys
from django.conf import settings
print(json.dumps({name: getattr(settings, name) for name in sys.argv[1:]}, default=str))
"""


def clean_env(settings_module: str, **variables: str) -> dict[str, str]:
    """An environment with PATH, the settings module and ``variables``, nothing else."""
    return {
        "PATH": os.environ.get("PATH", os.defpath),
        "LANG": "C.UTF-8",
        "PYTHONDONTWRITEBYTECODE": "1",
        "DJANGO_SETTINGS_MODULE": settings_module,
        **variables,
    }


def run_python(args: list[str], env: dict[str, str], timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """``python *args`` in the project's folder with exactly ``env``."""
    return subprocess.run(  # noqa: S603 (our own interpreter, fixed arguments)
        [sys.executable, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def read_settings(settings_module: str, names: list[str], **variables: str) -> dict:
    """The values of the settings ``names`` under ``settings_module`` and ``variables``."""
    result = run_python(["-c", READ_SETTINGS, *names], clean_env(settings_module, **variables))
    assert result.returncode == 0, result.stderr
    # Logging may write to stdout before; the JSON is the last line.
    return json.loads(result.stdout.strip().splitlines()[-1])
