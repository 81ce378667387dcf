# syntax=docker/dockerfile:1
# The CMS image. web (gunicorn, the default command), the Celery worker and
# Celery beat all run it, each with its own command: see docker-compose.yml.
# Configuration comes from the environment only (config/env.py); nothing secret
# is baked in.
FROM python:3.12-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_SETTINGS_MODULE=config.settings.production \
    WEB_CONCURRENCY=3

# An unprivileged user with a fixed uid, for files written to the media volume.
RUN groupadd --system --gid 1000 app \
    && useradd --system --uid 1000 --gid app --no-create-home --home-dir /app --shell /usr/sbin/nologin app

WORKDIR /app

# Dependencies first, from pyproject.toml alone, so that a code change reuses
# this layer. (The project installs no package of its own: packages = [].)
COPY pyproject.toml LICENSE ./
RUN pip install .

# The code stays owned by root: the app user can read it, not change it.
COPY . .

# Static files are collected into the image and served by WhiteNoise. The
# production settings refuse to load without their variables, even for this:
# throw-away values are given to this one command only, none of them is left
# in the image. Only media/ (uploads) and var/ are writable by the app user.
RUN SECRET_KEY="$(python -c 'import secrets; print(secrets.token_urlsafe(50))')" \
    ALLOWED_HOSTS=localhost \
    BASE_URL=https://localhost \
    DATABASE_URL=sqlite:////tmp/collectstatic.sqlite3 \
    REDIS_URL=redis://localhost:6379/0 \
    EMAIL_URL=dummymail:// \
    DEFAULT_FROM_EMAIL=build@localhost \
    python manage.py collectstatic --noinput \
    && rm -f /tmp/collectstatic.sqlite3 \
    && mkdir -p /app/media /app/var \
    && chown app:app /app/media /app/var

USER app

EXPOSE 8000

# Plain HTTP on 8000 behind the TLS-terminating proxy; WEB_CONCURRENCY sets the
# number of gunicorn workers. No gunicornc control socket (it would go to the
# read-only $HOME); worker heartbeats in memory rather than on the image's disk.
CMD ["gunicorn", "config.wsgi:application", "--bind", "0.0.0.0:8000", "--access-logfile", "-", \
     "--worker-tmp-dir", "/dev/shm", "--no-control-socket"]
