"""Each centre's groups: made with the centre, renamed with it, following its site's home; the migration
that moved the former instance-wide groups' members to the default centre's."""

from django.apps import apps
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from wagtail.models import GroupApprovalTask, GroupPagePermission, Site, Task

from centres.models import Centre
from editorial import roles
from editorial.models import BoardValidationTask, CentreGroup, ReviewTask
from editorial.sync import centre_roles_migrate
from editorial.workflows import WORKFLOW_TASKS
from tests import factories
from tests.factories.centres import CentreFactory, default_centre
from tests.users import user_with_role


def test_a_new_centre__gets_its_four_groups_and_a_collection_under_the_root(db):
    centre = CentreFactory(name="Institut régional de la ville", acronym="IREV", slug="irev")

    centre.refresh_from_db()
    names = set(Group.objects.filter(centre_role__centre=centre).values_list("name", flat=True))
    assert names == {"Rédaction · IREV", "Relecture · IREV", "Bureau · IREV", "Administration du centre · IREV"}
    assert centre.collection.get_parent().depth == 1
    review = ReviewTask.objects.get(name=WORKFLOW_TASKS["review"])
    assert review.groups.filter(name="Relecture · IREV").exists()


def test_a_renamed_centre__renames_its_groups_keeping_their_members(db):
    centre = CentreFactory(acronym="PB", slug="profession-banlieue")
    member = user_with_role("lea.dubois", roles.EDITORS, centre)

    centre.acronym = "ProBan"
    centre.save()

    assert list(member.groups.values_list("name", flat=True)) == ["Rédaction · ProBan"]


def test_a_new_home_for_the_centre_site__moves_its_page_permissions(site_tree):
    centre = default_centre()
    site = Site.objects.get(is_default_site=True)
    new_home = factories.HomePageFactory(parent=site_tree.home.get_parent(), default_site=False)

    site.root_page = new_home
    site.save()

    editors = CentreGroup.objects.get(centre=centre, role=roles.EDITORS).group
    assert set(GroupPagePermission.objects.filter(group=editors).values_list("page_id", flat=True)) == {new_home.pk}


def test_two_centres_of_one_acronym__keep_their_groups_apart(db):
    CentreFactory(name="Centre de ressources A", acronym="CR", slug="cr-a")
    second = CentreFactory(name="Centre de ressources B", acronym="CR", slug="cr-b")

    assert CentreGroup.objects.get(centre=second, role=roles.BOARD).group.name == "Bureau · CR (cr-b)"


def test_the_migration__moves_the_former_groups_members_to_the_default_centre(site_tree):
    centre = default_centre()
    former = {role: Group.objects.create(name=role) for role in (roles.EDITORS, roles.REVIEWERS, roles.BOARD)}
    editor = user_with_role("ancienne.redac", None)
    editor.groups.add(former[roles.EDITORS])
    board_task = BoardValidationTask.objects.get()
    board_task.group = former[roles.BOARD]
    board_task.save()
    Task.objects.filter(name="Relecture").update(content_type=ContentType.objects.get_for_model(GroupApprovalTask))

    centre_roles_migrate(apps)

    assert not Group.objects.filter(name__in=list(former)).exists()
    assert editor.groups.get() == CentreGroup.objects.get(centre=centre, role=roles.EDITORS).group
    assert BoardValidationTask.objects.get().group.name == roles.ADMINISTRATORS
    assert Task.objects.get(name="Relecture").specific_class is ReviewTask


def test_the_migration__keeps_a_former_group_with_members_when_there_is_no_centre(db):
    former = Group.objects.create(name=roles.EDITORS)
    user_with_role("ancienne.redac", None).groups.add(former)

    centre_roles_migrate(apps)

    assert Group.objects.filter(pk=former.pk, user__username="ancienne.redac").exists()
    assert not Centre.objects.exists()
