"""Assertions on the ValidationError a model raises: the exact French message, on the expected field."""

from collections.abc import Callable
from typing import Any

import pytest
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError

__all__ = ["NON_FIELD_ERRORS", "assert_refused"]


def assert_refused(action: Callable[[], Any], field: str, message: str) -> ValidationError:
    """Run `action` (a full_clean, a save, a factory call) and check it is refused with `message` on `field`."""
    with pytest.raises(ValidationError) as excinfo:
        action()
    errors = excinfo.value.message_dict
    assert errors.get(field) == [message], f"expected {message!r} on {field!r}, got {errors!r}"
    return excinfo.value
