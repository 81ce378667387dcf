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


def roles_sync(apps: Any) -> None:
    """Create the four groups and set exactly the permissions `editorial.roles` gives them."""
    _ensure_permissions(apps)
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name__in=WAGTAIL_DEFAULT_GROUPS, user__isnull=True).delete()
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    root_page = Page.objects.get(depth=1)
    root_collection = Collection.objects.get(depth=1)
    for name in roles.ROLES:
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.set([_permission(apps, dotted) for dotted in roles.MODEL_PERMISSIONS[name]])
        GroupPagePermission.objects.filter(group=group).delete()
        for codename in roles.PAGE_PERMISSIONS[name]:
            GroupPagePermission.objects.create(
                group=group, page=root_page, permission=_permission(apps, f"wagtailcore.{codename}")
            )
        GroupCollectionPermission.objects.filter(group=group).delete()
        for dotted in roles.COLLECTION_PERMISSIONS[name]:
            GroupCollectionPermission.objects.create(
                group=group, collection=root_collection, permission=_permission(apps, dotted)
            )


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
    # Administrators can act at the review step too (and so edit pages waiting there).
    review.groups.set(Group.objects.filter(name__in=[roles.REVIEWERS, roles.ADMINISTRATORS]))
    board = task(BoardValidationTask, WORKFLOW_TASKS["board"], group=Group.objects.get(name=roles.BOARD))
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
