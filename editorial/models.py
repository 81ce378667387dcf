"""The board's validation task, its votes, and each content type's default workflow."""

from typing import Any

from django.conf import settings
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise
from wagtail.models import Task, TaskState, Workflow

from editorial.roles import is_administrator


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

    def approvals_needed(self) -> int:
        if self.required_approvals:
            return self.required_approvals
        members = self.group.user_set.filter(is_active=True).count()
        return max(1, members // 2 + 1)

    def is_member(self, user: Any) -> bool:
        return user.is_active and user.groups.filter(pk=self.group_id).exists()

    def oversees(self, user: Any) -> bool:
        """Members vote; administrators may open and correct the page, without voting."""
        return self.is_member(user) or is_administrator(user)

    def user_can_access_editor(self, obj: Any, user: Any) -> bool:
        return self.oversees(user)

    def locked_for_user(self, obj: Any, user: Any) -> bool:
        return not self.oversees(user)

    def get_actions(self, obj: Any, user: Any) -> list[tuple[str, StrOrPromise, bool]]:
        if not self.is_member(user):
            return []
        task_state = TaskState.objects.filter(
            task=self, status=TaskState.STATUS_IN_PROGRESS, workflow_state__object_id=str(obj.pk)
        ).first()
        if task_state and BoardVote.objects.filter(task_state=task_state, user=user).exists():
            return []
        votes = BoardVote.objects.filter(task_state=task_state, approved=True).count() if task_state else 0
        progress = vote_progress_label(approvals=votes, needed=self.approvals_needed())
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
        if not (user.is_superuser or self.is_member(user)):
            return TaskState.objects.none()
        return self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS).exclude(board_votes__user=user)

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
