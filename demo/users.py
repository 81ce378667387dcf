"""Demo accounts: an administrator and one person per editorial role, to try the circuit."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from editorial import roles

# (username, first name, last name, role); the administrator is also a superuser.
DEMO_USERS = [
    ("admin", "Alix", "Admin", roles.ADMINISTRATORS),
    ("redaction", "Rédouane", "Rédacteur", roles.EDITORS),
    ("relecture", "Renée", "Relectrice", roles.REVIEWERS),
    ("bureau1", "Bérénice", "Bureau", roles.BOARD),
    ("bureau2", "Bastien", "Bureau", roles.BOARD),
    ("bureau3", "Brune", "Bureau", roles.BOARD),
]


def demo_users_ensure(*, password: str) -> list[str]:
    """Create or reset the demo accounts with one password; return their user names."""
    user_model = get_user_model()
    for username, first_name, last_name, role in DEMO_USERS:
        user, _ = user_model.objects.get_or_create(username=username)
        user.first_name, user.last_name = first_name, last_name
        user.email = f"{username}@example.org"
        user.is_staff = user.is_superuser = username == "admin"
        user.set_password(password)
        user.save()
        user.groups.set([Group.objects.get(name=role)])
    return [username for username, *_ in DEMO_USERS]
