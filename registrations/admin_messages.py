"""Admin view: write to everyone registered to a session (or to a cycle), with the count shown first."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from registrations.dates import session_when
from registrations.messages import message_recipients, session_message_send
from registrations.models import SessionMessage
from registrations.selectors import Target, settings_by_action_id, targets_of
from subscribers.forms import single_line


class SessionMessageForm(forms.Form):
    subject = forms.CharField(label=gettext_lazy("Objet"), max_length=150, validators=[single_line])
    body = forms.CharField(
        label=gettext_lazy("Message"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=gettext_lazy("Chaque personne reçoit ce texte, la ou les séances, et le lien vers son inscription."),
    )


def _target(action_id: int, session_id: int | None) -> Target:
    reg_settings = settings_by_action_id(action_id)
    if reg_settings is None:
        raise Http404
    for target in targets_of(reg_settings):
        if (target.session.pk if target.session else None) == session_id:
            return target
    raise Http404


def session_message_view(request: HttpRequest, action_id: int, session_id: int | None = None) -> HttpResponse:
    if not request.user.has_perm("registrations.change_registration"):
        raise PermissionDenied
    target = _target(action_id, session_id)
    form = SessionMessageForm(request.POST or None)
    recipients = len(message_recipients(target))
    if request.method == "POST" and form.is_valid():
        if recipients == 0:
            form.add_error(None, _("Personne n'est inscrit : aucun message n'a été envoyé."))
        else:
            sent = session_message_send(
                target=target,
                subject=form.cleaned_data["subject"],
                body=form.cleaned_data["body"],
                sent_by=request.user,  # type: ignore[arg-type]
            )
            messages.success(request, _("Message envoyé à %(count)d personne(s).") % {"count": sent.recipients})
            return redirect(request.path)
    context = {
        "form": form,
        "target": target,
        "action": target.settings.action,
        "when": session_when(target.session) if target.session else _("L'ensemble des séances"),
        "recipients": recipients,
        "sent": SessionMessage.objects.filter(action_id=action_id, session_id=session_id)[:10],
        "back_url": reverse("registrations_registration:index") + f"?action={action_id}",
    }
    status = 400 if request.method == "POST" else 200
    return TemplateResponse(request, "registrations/admin/session_message.html", context, status=status)
