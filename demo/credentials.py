"""The demo accounts' password: made once, kept in ``var/admin_password``, the same at every start.

``python3 dev.py start`` and ``python3 dev.py logins`` print it from that file; delete the file
(then start again) for a new one.
"""

from pathlib import Path

from config.env import VAR_DIR
from config.secret_key import secret_read_or_create

DEMO_PASSWORD_FILE = VAR_DIR / "admin_password"


def demo_password_read_or_create(*, path: Path | None = None) -> str:
    return secret_read_or_create(path=path or DEMO_PASSWORD_FILE, nbytes=12)
