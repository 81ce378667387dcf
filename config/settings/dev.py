"""Local development and the quick start: debug on, embedded defaults everywhere."""

from pathlib import Path

from config.env import VAR_DIR, env
from config.secret_key import secret_key_read_or_create

from .base import *  # noqa: F403

DEBUG = env.bool("DEBUG", default=True)
# SECRET_KEY from the environment, else this checkout's own random key in var/secret_key.
SECRET_KEY = env.str("SECRET_KEY", default="") or secret_key_read_or_create(
    path=Path(env.str("SECRET_KEY_FILE", default=str(VAR_DIR / "secret_key")))
)
