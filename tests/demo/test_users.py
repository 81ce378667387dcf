"""The demo accounts: the roles of one centre, and an editor of another when the demo has it."""

from django.contrib.auth import get_user_model

from demo.users import demo_users_ensure
from editorial.roles import EDITORS
from tests.factories.centres import CentreFactory


def test_demo_users__the_other_centre_editor_is_in_that_centre_only(db):
    pole = CentreFactory(name="Pôle ressources Ville et développement social", acronym="PRVDS", slug="pole-ressources")
    irev = CentreFactory(name="Institut régional de la ville", acronym="IREV", slug="irev")

    made = demo_users_ensure(password="demo-pass")

    users = get_user_model().objects
    assert "redaction-irev" in made
    assert users.get(username="redaction-irev").groups.get().centre_role.centre == irev
    assert users.get(username="redaction").groups.get().centre_role.centre == pole
    assert users.get(username="redaction-irev").groups.get().centre_role.role == EDITORS


def test_demo_users__no_account_for_a_centre_the_demo_lacks(db):
    CentreFactory(name="Pôle ressources Ville et développement social", acronym="PRVDS", slug="pole-ressources")

    made = demo_users_ensure(password="demo-pass")

    assert "redaction-irev" not in made
    assert "redaction" in made
    assert not get_user_model().objects.filter(username="redaction-irev").exists()
