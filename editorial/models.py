"""The board's validation task, its votes, and each content type's default workflow."""

from typing import Any

from django.conf import settings
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise
from wagtail.models import GroupApprovalTask, Page, Task, TaskState, Workflow
from wagtail.permissions import page_permission_policy

from editorial.roles import BOARD, CENTRE_ROLES, is_administrator


def vote_progress_label(*, approvals: int, needed: int) -> str:
    """« 1 sur 2 »: the board's approvals out of those needed, as the admin shows it."""
    return str(_("%(approvals)d sur %(needed)d") % {"approvals": approvals, "needed": needed})


class ContentTypeWorkflow(models.Model):
    """The workflow pages of one type go through, unless one engages the editorial line."""

    content_type = models.OneToOneField(
        ContentType, verbose_name=_("type de contenu"), on_delete=models.CASCADE, related_name="+"
    )
    workflow = models.ForeignKey(Workflow, verbose_name=_("circuit"), on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = _("circuit par type de contenu")
        verbose_name_plural = _("circuits par type de contenu")

    def __str__(self) -> str:
        return f"{self.content_type.name} → {self.workflow.name}"


def _ids_as_text(pages: Any) -> Any:
    """The pages' ids as text, in a subquery: WorkflowState.object_id is text."""
    return pages.annotate(object_id=Cast("pk", models.CharField())).values("object_id")


class ReviewTask(GroupApprovalTask):
    """Wagtail's group approval, confined to the pages the user holds the publish permission on: a
    centre's Relecture on its site, the instance's administrators everywhere. Its groups say who may
    review at all. The permission is read from the groups (the policy), not from the page's tester,
    which withholds direct publishing of a board circuit's pages from reviewers."""

    class Meta:
        proxy = True
        verbose_name = _("relecture")
        verbose_name_plural = _("relectures")

    def _may_publish(self, obj: Any, user: Any) -> bool:
        return not isinstance(obj, Page) or page_permission_policy.user_has_permission_for_instance(
            user, "publish", obj
        )

    def user_can_access_editor(self, obj: Any, user: Any) -> bool:
        return super().user_can_access_editor(obj, user) and self._may_publish(obj, user)

    def locked_for_user(self, obj: Any, user: Any) -> bool:
        return super().locked_for_user(obj, user) or not self._may_publish(obj, user)

    def user_can_lock(self, obj: Any, user: Any) -> bool:
        return super().user_can_lock(obj, user) and self._may_publish(obj, user)

    def get_actions(self, obj: Any, user: Any) -> list[tuple[str, StrOrPromise, bool]]:
        return super().get_actions(obj, user) if self._may_publish(obj, user) else []

    def get_task_states_user_can_moderate(self, user: Any, **kwargs: Any) -> Any:
        states = super().get_task_states_user_can_moderate(user, **kwargs)
        if user.is_superuser:
            return states
        publishable = page_permission_policy.instances_user_has_permission_for(user, "publish")
        return states.filter(workflow_state__object_id__in=_ids_as_text(publishable))


class BoardValidationTask(Task):
    """Completes when enough distinct board members approve; one rejection sends the page back."""

    group = models.ForeignKey(Group, verbose_name=_("groupe du Bureau"), on_delete=models.PROTECT, related_name="+")
    required_approvals = models.PositiveSmallIntegerField(
        _("validations nécessaires"),
        null=True,
        blank=True,
        help_text=_("Laisser vide : la majorité des membres actifs du groupe (au moins une)."),
    )

    admin_form_fields = [*Task.admin_form_fields, "group", "required_approvals"]

    class Meta:
        verbose_name = _("validation du Bureau")
        verbose_name_plural = _("validations du Bureau")

    def board_group_id(self, obj: Any) -> int:
        """The board of the centre whose site holds the page (centres.selectors.centre_for_page's rule,
        read through Wagtail's cached site roots); the task's own group for a page of no centre."""
        site = obj.get_site() if isinstance(obj, Page) else None
        centre_board = (
            CentreGroup.objects.filter(centre__site=site, role=BOARD).values_list("group_id", flat=True).first()
            if site is not None
            else None
        )
        return centre_board or self.group_id

    def approvals_needed(self, obj: Any) -> int:
        if self.required_approvals:
            return self.required_approvals
        members = Group.objects.get(pk=self.board_group_id(obj)).user_set.filter(is_active=True).count()
        return max(1, members // 2 + 1)

    def is_member(self, user: Any, obj: Any) -> bool:
        return user.is_active and user.groups.filter(pk=self.board_group_id(obj)).exists()

    def oversees(self, user: Any, obj: Any) -> bool:
        """Members vote; administrators may open and correct the page, without voting."""
        return self.is_member(user, obj) or is_administrator(user)

    def user_can_access_editor(self, obj: Any, user: Any) -> bool:
        return self.oversees(user, obj)

    def locked_for_user(self, obj: Any, user: Any) -> bool:
        return not self.oversees(user, obj)

    def get_actions(self, obj: Any, user: Any) -> list[tuple[str, StrOrPromise, bool]]:
        if not self.is_member(user, obj):
            return []
        task_state = TaskState.objects.filter(
            task=self, status=TaskState.STATUS_IN_PROGRESS, workflow_state__object_id=str(obj.pk)
        ).first()
        if task_state and BoardVote.objects.filter(task_state=task_state, user=user).exists():
            return []
        votes = BoardVote.objects.filter(task_state=task_state, approved=True).count() if task_state else 0
        progress = vote_progress_label(approvals=votes, needed=self.approvals_needed(obj))
        return [
            ("reject", _("Renvoyer à l'auteur·rice"), True),
            ("approve", _("Valider (%(progress)s)") % {"progress": progress}, False),
            ("approve", _("Valider avec un commentaire (%(progress)s)") % {"progress": progress}, True),
        ]

    @transaction.atomic
    def on_action(self, task_state: TaskState, user: Any, action_name: str, **kwargs: Any) -> str | None:
        """Record the vote; when it closed the validation, the member goes to the dashboard.

        Wagtail's workflow action view then goes to the page's edit view, which a board member may
        no longer open once the task is over (the returned URL replaces it).
        """
        from editorial.board import board_vote_record  # the board's service imports this module

        board_vote_record(task=self, task_state=task_state, user=user, action_name=action_name, **kwargs)
        if TaskState.objects.filter(pk=task_state.pk, status=TaskState.STATUS_IN_PROGRESS).exists():
            return None
        return reverse("wagtailadmin_home")

    def get_task_states_user_can_moderate(self, user: Any, **kwargs: Any) -> Any:
        """The validations in progress of the pages whose board the user sits on, not yet voted on."""
        states = self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS).exclude(board_votes__user=user)
        if user.is_superuser:
            return states
        if not user.is_active:
            return states.none()
        # The pages of the centres whose board the user sits on (board_group_id's rule, as a query) and,
        # for a member of the task's own group, the pages of no centre.
        pages = Page.objects.none()
        boards = CentreGroup.objects.filter(role=BOARD, group__user=user)
        for root in Page.objects.filter(sites_rooted_here__centre__role_groups__in=boards):
            pages |= Page.objects.descendant_of(root, inclusive=True)
        if user.groups.filter(pk=self.group_id).exists():
            centre_roots = Page.objects.filter(sites_rooted_here__centre__isnull=False).values_list("path", flat=True)
            outside = Page.objects.all()
            for path in centre_roots:
                outside = outside.exclude(path__startswith=path)
            pages |= outside
        return states.filter(workflow_state__object_id__in=_ids_as_text(pages))

    @classmethod
    def get_description(cls) -> str:
        return str(_("Plusieurs membres du Bureau valident ; un seul refus renvoie la page à son auteur·rice."))


class BoardVote(models.Model):
    """One board member's vote on one run of the board validation task."""

    task_state = models.ForeignKey(TaskState, on_delete=models.CASCADE, related_name="board_votes")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    approved = models.BooleanField(_("validé"))
    comment = models.TextField(_("commentaire"), blank=True)
    created_at = models.DateTimeField(_("date"), auto_now_add=True)

    class Meta:
        ordering = ["created_at"]
        constraints = [models.UniqueConstraint(fields=["task_state", "user"], name="one_board_vote_per_member")]
        verbose_name = _("vote du Bureau")
        verbose_name_plural = _("votes du Bureau")

    def __str__(self) -> str:
        return f"{self.user} — {'validé' if self.approved else 'refusé'}"


class CentreGroup(models.Model):
    """The group of one role in one centre (centres.roles keeps them): its name follows the centre's.

    The centre is named by string: the centres app sits above editorial, which never imports it.
    """

    centre = models.ForeignKey(
        "centres.Centre", verbose_name=_("centre"), on_delete=models.CASCADE, related_name="role_groups"
    )
    role = models.CharField(_("rôle"), max_length=60, choices=[(role, role) for role in CENTRE_ROLES])
    group = models.OneToOneField(Group, verbose_name=_("groupe"), on_delete=models.CASCADE, related_name="centre_role")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["centre", "role"], name="one_group_per_centre_role")]
        verbose_name = _("groupe d'un centre")
        verbose_name_plural = _("groupes des centres")

    def __str__(self) -> str:
        return self.group.name
