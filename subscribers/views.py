"""Public pages: subscribe, confirm, preferences and unsubscribe. None changes anything on a GET."""

import logging
from typing import Any

from django.conf import settings
from django.core.validators import slug_re
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods
from wagtail.models import Site

from config.client_address import client_address
from config.ratelimit import form_rate_limited
from newsletters.models import NewsletterList
from newsletters.selectors import lists_offered
from subscribers import services, tokens
from subscribers.consent import consent_text
from subscribers.forms import PreferencesForm, SubscriptionForm, UnsubscribeForm
from subscribers.models import Source, Subscriber
from subscribers.selectors import confirmation_already_used, confirmed_list_ids

logger = logging.getLogger(__name__)
MAX_EMAIL_LENGTH = 254


def _invalid_link(request: HttpRequest) -> HttpResponse:
    return render(request, "subscribers/invalid_link.html", status=400)


def _profile(cleaned: dict) -> services.Profile:
    return services.Profile(
        name=cleaned["name"],
        organisation=cleaned["organisation"],
        role=cleaned["role"],
        territory=cleaned["territory"],
    )


def _rate_limited(email: str, ip_address: str | None) -> bool:
    return form_rate_limited(
        scope="subscribe",
        email=email,
        ip_address=ip_address,
        per_ip=settings.SUBSCRIBERS_RATE_LIMIT_PER_IP,
        per_email=settings.SUBSCRIBERS_RATE_LIMIT_PER_EMAIL,
        window=settings.SUBSCRIBERS_RATE_LIMIT_WINDOW,
    )


def _initial_from_query(request: HttpRequest, lists: QuerySet[NewsletterList]) -> dict[str, Any]:
    """The short form of the home page arrives by GET (?email=…&liste=<slug>): prefill, never trust."""
    initial: dict[str, Any] = {}
    email = request.GET.get("email", "").strip()
    if email and len(email) <= MAX_EMAIL_LENGTH and "\n" not in email and "\r" not in email:
        initial["email"] = email
    # Slug-shaped values only: PostgreSQL refuses a NUL character in a query (a 500).
    slugs = [slug for slug in request.GET.getlist("liste")[:20] if len(slug) <= 120 and slug_re.match(slug)]
    if slugs:
        initial["lists"] = list(lists.filter(slug__in=slugs).values_list("pk", flat=True))
    return initial


@require_http_methods(["GET", "POST"])
def subscribe(request: HttpRequest, list_slug: str | None = None) -> HttpResponse:
    lists = lists_offered(site=Site.find_for_request(request))
    newsletter_list: NewsletterList | None = None
    if list_slug is not None:
        newsletter_list = lists.filter(slug=list_slug).first()
        if newsletter_list is None:
            raise Http404
        lists = lists.filter(pk=newsletter_list.pk)
    text = consent_text(lists, site=Site.find_for_request(request))
    context = {"newsletter_list": newsletter_list, "consent_text": text}
    if request.method != "POST":
        form = SubscriptionForm(lists=lists, initial=_initial_from_query(request, lists))
        return render(request, "subscribers/subscribe.html", {**context, "form": form})

    form = SubscriptionForm(request.POST, lists=lists)
    if form.is_bot:
        # The same answer as a real request: a bot learns nothing from it.
        logger.info("subscription form honeypot filled; ignored")
        return render(request, "subscribers/subscribe_done.html", context)
    if not form.is_valid():
        return render(request, "subscribers/subscribe.html", {**context, "form": form})
    ip_address = client_address(request)
    email = form.cleaned_data["email"]
    if _rate_limited(email, ip_address):
        form.add_error(
            None,
            _(
                "Trop de demandes d'abonnement ont été envoyées depuis votre connexion ou pour cette adresse. "
                "Réessayez dans une heure ; si le problème persiste, écrivez-nous."
            ),
        )
        return render(request, "subscribers/subscribe.html", {**context, "form": form}, status=429)
    services.subscription_request(
        email=email,
        profile=_profile(form.cleaned_data),
        lists=list(form.cleaned_data["lists"]),
        consent_text=text,
        ip_address=ip_address,
    )
    return render(request, "subscribers/subscribe_done.html", context)


@require_http_methods(["GET", "POST"])
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    try:
        confirmation = tokens.read_confirmation_token(token)
    except tokens.InvalidTokenError:
        return _invalid_link(request)
    subscriber = Subscriber.objects.filter(pk=confirmation.subscriber_id).first()
    if subscriber is None:
        return _invalid_link(request)
    lists = NewsletterList.objects.filter(pk__in=confirmation.list_ids).order_by("name")
    if request.method != "POST":
        # A replayed link (a second click, a mail client's preview) says so, rather than asking again.
        if confirmation_already_used(subscriber=subscriber, list_ids=confirmation.list_ids):
            return _confirmed(request, subscriber=subscriber, lists=lists, newly_confirmed=False)
        return render(request, "subscribers/confirm.html", {"lists": lists, "subscriber": subscriber})
    confirmed = services.subscriber_confirm(confirmation=confirmation, ip_address=client_address(request))
    if confirmed is None:
        return _invalid_link(request)
    return _confirmed(request, subscriber=subscriber, lists=lists, newly_confirmed=bool(confirmed))


def _confirmed(
    request: HttpRequest, *, subscriber: Subscriber, lists: QuerySet[NewsletterList], newly_confirmed: bool
) -> HttpResponse:
    return render(
        request,
        "subscribers/confirmed.html",
        {
            "lists": lists,
            "newly_confirmed": newly_confirmed,
            "preferences_token": tokens.preferences_token(subscriber.pk),
        },
    )


@require_http_methods(["GET", "POST"])
def preferences(request: HttpRequest, token: str) -> HttpResponse:
    try:
        subscriber_id = tokens.read_preferences_token(token)
    except tokens.InvalidTokenError:
        return _invalid_link(request)
    subscriber = Subscriber.objects.filter(pk=subscriber_id).first()
    if subscriber is None:
        return _invalid_link(request)
    # Reached from any centre's email: every active list, whichever site answers.
    lists = lists_offered(site=None)
    text = consent_text(lists, site=Site.find_for_request(request))
    saved = False
    form: PreferencesForm | None
    if request.method == "POST":
        form = PreferencesForm(request.POST, lists=lists)
        if form.is_valid():
            chosen = [] if form.cleaned_data["unsubscribe_all"] else [item.pk for item in form.cleaned_data["lists"]]
            services.subscriber_preferences_update(
                subscriber=subscriber,
                profile=_profile(form.cleaned_data),
                list_ids=chosen,
                reason=form.cleaned_data["reason"],
                consent_text=text,
                ip_address=client_address(request),
            )
            subscriber.refresh_from_db()
            saved = True
            form = None
    else:
        form = None
    if form is None:
        form = PreferencesForm(
            lists=lists,
            initial={
                "name": subscriber.name,
                "organisation": subscriber.organisation,
                "role": subscriber.role,
                "territory": subscriber.territory_id,
                "lists": sorted(confirmed_list_ids(subscriber)),
            },
        )
    return render(
        request,
        "subscribers/preferences.html",
        {"form": form, "subscriber": subscriber, "saved": saved, "consent_text": text},
        status=400 if form.errors else 200,
    )


@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """RFC 8058 one-click target: a POST unsubscribes at once, without session or CSRF token.

    A GET (a person, or a mail scanner following the link) only shows a page whose button POSTs.
    """
    try:
        unsubscription = tokens.read_unsubscribe_token(token)
    except tokens.InvalidTokenError:
        return _invalid_link(request)
    newsletter_list = NewsletterList.objects.filter(pk=unsubscription.list_id).first()
    context = {"newsletter_list": newsletter_list}
    if request.method != "POST":
        return render(request, "subscribers/unsubscribe.html", {**context, "form": UnsubscribeForm()})
    form = UnsubscribeForm(request.POST)
    if not form.is_valid():
        return render(request, "subscribers/unsubscribe.html", {**context, "form": form}, status=400)
    services.subscription_withdraw(
        subscriber_id=unsubscription.subscriber_id,
        list_id=unsubscription.list_id,
        source=Source.EMAIL,
        reason=form.cleaned_data["reason"],
        ip_address=client_address(request),
    )
    return render(
        request,
        "subscribers/unsubscribed.html",
        {**context, "preferences_token": tokens.preferences_token(unsubscription.subscriber_id)},
    )
