"""Test settings: the same stack as production reads, with fast password hashing."""

import os

from config.env import VAR_DIR, env

from .base import *  # noqa: F403
from .base import CACHES, DATABASES

SECRET_KEY = "test-only-key"
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = str(VAR_DIR / "test-media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Background work runs in-process unless a test starts a real worker.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=True)
AXES_ENABLED = env.bool("AXES_ENABLED", default=False)

if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"].setdefault("TEST", {})["NAME"] = env.str("TEST_DATABASE_NAME", default="test_crpv")
AXES_VERBOSE = False

# Parallel test processes (and concurrent runs) share one Redis: give each its own keys.
CACHES["default"]["KEY_PREFIX"] = f"test-{env.str('PYTEST_XDIST_WORKER', default='main')}-{os.getpid()}"
