"""A development SECRET_KEY of this checkout's own, made once: never a constant anyone can read.

A committed key would let anyone forge the preview, confirmation and unsubscribe tokens of a
demo instance. The key is written to a file only its owner may read, created atomically (a
complete file is linked into place, or the one another process linked first is read), so the
web server, the worker and beat starting together all read the same key.
"""

import os
import secrets
import tempfile
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured


def secret_read_or_create(*, path: Path, nbytes: int) -> str:
    """The secret stored at ``path``; a new random one (``nbytes`` of randomness), stored there with mode 0600,
    if there is none. Also keeps the demo accounts' password (``demo.credentials``)."""
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}-")  # mode 0600
        try:
            with os.fdopen(descriptor, "w", encoding="ascii") as file:
                file.write(secrets.token_urlsafe(nbytes))
            os.link(temporary, path)
        except FileExistsError:
            pass  # another process stored its secret first: everyone uses that one
        finally:
            os.unlink(temporary)
    secret = path.read_text(encoding="ascii").strip()
    if not secret:
        raise ImproperlyConfigured(f"{path} is empty: delete it to get a new key.")
    return secret


def secret_key_read_or_create(*, path: Path) -> str:
    """This checkout's SECRET_KEY, made once at ``path``."""
    return secret_read_or_create(path=path, nbytes=50)
