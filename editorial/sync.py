"""Migration-time sync: the roles and workflows in the database kept in line with the code."""

from typing import Any

from django.contrib.auth.management import create_permissions

from editorial import roles
from editorial.workflows import BOARD_WORKFLOW, DEFAULT_WORKFLOW_BY_MODEL, REVIEW_WORKFLOW, WORKFLOW_TASKS


def _permission(apps: Any, dotted: str) -> Any:
    app_label, codename = dotted.split(".")
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _ensure_permissions(apps: Any) -> None:
    """Permissions are normally created after migrations; a data migration needs them now."""
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


# Wagtail's example groups; the project's roles replace them.
WAGTAIL_DEFAULT_GROUPS = ("Moderators", "Editors")


def _group_permissions_set(apps: Any, *, group: Any, role: str, page: Any, collection: Any) -> None:
    """Exactly the permissions `editorial.roles` gives ``role``, its page ones on ``page``, its library ones
    on ``collection`` (none where either is missing)."""
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    group.permissions.set([_permission(apps, dotted) for dotted in roles.MODEL_PERMISSIONS[role]])
    GroupPagePermission.objects.filter(group=group).delete()
    for codename in roles.PAGE_PERMISSIONS[role] if page is not None else ():
        GroupPagePermission.objects.create(
            group=group, page=page, permission=_permission(apps, f"wagtailcore.{codename}")
        )
    GroupCollectionPermission.objects.filter(group=group).delete()
    for dotted in roles.COLLECTION_PERMISSIONS[role] if collection is not None else ():
        GroupCollectionPermission.objects.create(
            group=group, collection=collection, permission=_permission(apps, dotted)
        )


def roles_sync(apps: Any) -> None:
    """Create the instance's groups and set exactly the permissions `editorial.roles` gives them."""
    _ensure_permissions(apps)
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name__in=WAGTAIL_DEFAULT_GROUPS, user__isnull=True).delete()
    root_page = apps.get_model("wagtailcore", "Page").objects.get(depth=1)
    root_collection = apps.get_model("wagtailcore", "Collection").objects.get(depth=1)
    for name in roles.INSTANCE_ROLES:
        group, _ = Group.objects.get_or_create(name=name)
        _group_permissions_set(apps, group=group, role=name, page=root_page, collection=root_collection)


_COLLECTION_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"  # treebeard's MP_Node path alphabet, 4 per step


def _collection_child_create(apps: Any, name: str) -> Any:
    """A child of the root collection; a migration's models have no tree methods, so its path is computed."""
    Collection = apps.get_model("wagtailcore", "Collection")
    root = Collection.objects.get(depth=1)
    if hasattr(root, "add_child"):
        return root.add_child(name=name)
    last = Collection.objects.filter(depth=2).order_by("-path").values_list("path", flat=True).first()
    step, digits = (int(last[-4:], 36) + 1 if last else 1), ""
    for _ in range(4):
        step, digit = divmod(step, 36)
        digits = _COLLECTION_ALPHABET[digit] + digits
    Collection.objects.filter(pk=root.pk).update(numchild=root.numchild + 1)
    return Collection.objects.create(name=name, path=root.path + digits, depth=2, numchild=0)


def centre_roles_sync(apps: Any, centre: Any) -> None:
    """The centre's groups (one per `roles.CENTRE_ROLES`) named after it, their page permissions on its
    site's root, their library ones on its collection (made, under the root, when it has none), its
    reviewers among the review task's groups. Idempotent: renames the groups when the centre's name does."""
    Group = apps.get_model("auth", "Group")
    CentreGroup = apps.get_model("editorial", "CentreGroup")
    Centre = apps.get_model("centres", "Centre")
    if centre.collection_id is None:
        centre.collection = _collection_child_create(apps, centre.name)
        Centre.objects.filter(pk=centre.pk).update(collection=centre.collection)
    site = apps.get_model("wagtailcore", "Site").objects.filter(pk=centre.site_id).first()
    root_page = site.root_page if site is not None else None
    label = centre.acronym or centre.name
    taken = CentreGroup.objects.filter(group__name=roles.centre_group_name(roles.EDITORS, label)).exclude(centre=centre)
    if taken.exists():
        label = f"{label} ({centre.slug})"  # two centres of one acronym keep their groups apart
    for role in roles.CENTRE_ROLES:
        name = roles.centre_group_name(role, label)
        link = CentreGroup.objects.filter(centre=centre, role=role).select_related("group").first()
        if link is None:
            link = CentreGroup.objects.create(centre=centre, role=role, group=Group.objects.get_or_create(name=name)[0])
        elif link.group.name != name:
            Group.objects.filter(pk=link.group_id).update(name=name)
        _group_permissions_set(apps, group=link.group, role=role, page=root_page, collection=centre.collection)
        if role == roles.REVIEWERS:
            for review in apps.get_model("wagtailcore", "GroupApprovalTask").objects.filter(
                name=WORKFLOW_TASKS["review"]
            ):
                review.groups.add(link.group)


def workflows_sync(apps: Any) -> None:
    """Create the two workflows, their tasks, and the default workflow of each content type."""
    Group = apps.get_model("auth", "Group")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    BoardValidationTask = apps.get_model("editorial", "BoardValidationTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    Page = apps.get_model("wagtailcore", "Page")
    ContentTypeWorkflow = apps.get_model("editorial", "ContentTypeWorkflow")

    def task(model: Any, name: str, **fields: Any) -> Any:
        content_type = ContentType.objects.get_for_model(model)
        existing = model.objects.filter(name=name).first()
        return existing or model.objects.create(name=name, content_type=content_type, active=True, **fields)

    review = task(GroupApprovalTask, WORKFLOW_TASKS["review"])
    # Administrators can act at the review step too (and so edit pages waiting there); each centre's
    # reviewers join them (centre_roles_sync), confined to their centre's pages (editorial.models.ReviewTask).
    administrators = Group.objects.get(name=roles.ADMINISTRATORS)
    review.groups.add(administrators)
    # Each page goes to its centre's board; a page of no centre (the network site's) to the administrators.
    board = task(BoardValidationTask, WORKFLOW_TASKS["board"], group=administrators)
    workflows = {}
    for name, tasks in ((REVIEW_WORKFLOW, [review]), (BOARD_WORKFLOW, [review, board])):
        workflow, _ = Workflow.objects.get_or_create(name=name, defaults={"active": True})
        for order, workflow_task in enumerate(tasks):
            WorkflowTask.objects.update_or_create(
                workflow=workflow, task_id=workflow_task.pk, defaults={"sort_order": order}
            )
        workflows[name] = workflow
    # Wagtail's example workflow gives way to ours; pages of no listed type (home,
    # index pages, series, seasons) go through review.
    Workflow.objects.exclude(name__in=workflows).update(active=False)
    apps.get_model("wagtailcore", "Task").objects.exclude(pk__in=[review.pk, board.pk]).update(active=False)
    root = Page.objects.get(depth=1)
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflows[REVIEW_WORKFLOW]})
    for (app_label, model), workflow_name in DEFAULT_WORKFLOW_BY_MODEL.items():
        content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
        ContentTypeWorkflow.objects.get_or_create(
            content_type=content_type, defaults={"workflow": workflows[workflow_name]}
        )


# The groups of one centre's roles before there were several centres.
_FORMER_GLOBAL_ROLES = (roles.EDITORS, roles.REVIEWERS, roles.BOARD)


def centre_roles_migrate(apps: Any) -> None:
    """Every centre gets its groups; the members of the former instance-wide Rédaction, Relecture and
    Bureau move to the default centre's (the default site's, else the only one), and those groups go.
    Without a centre to move them to, a group that still has members stays as it was."""
    _ensure_permissions(apps)
    Group = apps.get_model("auth", "Group")
    Centre = apps.get_model("centres", "Centre")
    CentreGroup = apps.get_model("editorial", "CentreGroup")
    ContentType = apps.get_model("contenttypes", "ContentType")
    for centre in Centre.objects.all():
        centre_roles_sync(apps, centre)
    review_type, _ = ContentType.objects.get_or_create(app_label="editorial", model="reviewtask")
    apps.get_model("wagtailcore", "GroupApprovalTask").objects.filter(name=WORKFLOW_TASKS["review"]).update(
        content_type=review_type
    )
    administrators = Group.objects.get(name=roles.ADMINISTRATORS)
    apps.get_model("editorial", "BoardValidationTask").objects.update(group=administrators)
    default = Centre.objects.filter(site__is_default_site=True).first() or (
        Centre.objects.first() if Centre.objects.count() == 1 else None
    )
    for former in Group.objects.filter(name__in=_FORMER_GLOBAL_ROLES):
        if default is not None:
            target = CentreGroup.objects.get(centre=default, role=former.name).group
            target.user_set.add(*former.user_set.all())
        elif former.user_set.exists():
            continue
        former.delete()
