"""The years an institution's rows may name: from the 1901 law on associations to a few years ahead."""

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

YEAR_MIN = 1901


def year_check(year: int | None, *, field: str, ahead: int = 0) -> None:
    """Refuse a year before 1901 or more than ``ahead`` years after this one (0: no future year)."""
    if year is None:
        return
    year_max = timezone.localdate().year + ahead
    if not YEAR_MIN <= year <= year_max:
        raise ValidationError(
            {field: _("Indiquez une année entre %(min)s et %(max)s.") % {"min": YEAR_MIN, "max": year_max}}
        )
