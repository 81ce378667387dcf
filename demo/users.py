"""Demo accounts: an administrator, one person per role of one centre, and an editor of another centre
(to see that each role stays in its centre)."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Site

from centres.models import Centre
from editorial import roles
from editorial.models import CentreGroup

# The centre whose roles the demo accounts hold (the default site's when the demo has no such centre).
DEMO_CENTRE = "pole-ressources"
OTHER_CENTRE = "irev"

# (username, first name, last name, role, centre slug or None for the instance's own group);
# the administrator is also a superuser.
DEMO_USERS = [
    ("admin", "Alix", "Admin", roles.ADMINISTRATORS, None),
    ("redaction", "Rédouane", "Rédacteur", roles.EDITORS, DEMO_CENTRE),
    ("relecture", "Renée", "Relectrice", roles.REVIEWERS, DEMO_CENTRE),
    ("bureau1", "Bérénice", "Bureau", roles.BOARD, DEMO_CENTRE),
    ("bureau2", "Bastien", "Bureau", roles.BOARD, DEMO_CENTRE),
    ("bureau3", "Brune", "Bureau", roles.BOARD, DEMO_CENTRE),
    ("administration-centre", "Agathe", "Centre", roles.CENTRE_ADMINISTRATORS, DEMO_CENTRE),
    ("redaction-irev", "Ismaël", "Rédacteur", roles.EDITORS, OTHER_CENTRE),
]


def _centre(slug: str) -> Centre | None:
    """The centre of that slug; for the demo's own, the default site's when there is none of that slug."""
    centre = Centre.objects.filter(slug=slug).first()
    if centre is None and slug == DEMO_CENTRE:
        centre = Centre.objects.filter(site=Site.objects.filter(is_default_site=True).first()).first()
    return centre


def _group(role: str, slug: str | None) -> Group | None:
    if slug is None:
        return Group.objects.get(name=role)
    centre = _centre(slug)
    link = CentreGroup.objects.filter(centre=centre, role=role).select_related("group").first() if centre else None
    return link.group if link else None


def demo_users_ensure(*, password: str) -> list[str]:
    """Create or reset the demo accounts with one password; return their user names (an account of a
    centre the demo does not have is not made)."""
    user_model = get_user_model()
    made = []
    for username, first_name, last_name, role, slug in DEMO_USERS:
        group = _group(role, slug)
        if group is None:
            continue
        user, _ = user_model.objects.get_or_create(username=username)
        user.first_name, user.last_name = first_name, last_name
        user.email = f"{username}@example.org"
        user.is_staff = user.is_superuser = username == "admin"
        user.set_password(password)
        user.save()
        user.groups.set([group])
        made.append(username)
    return made
