"""The footer's ``{% legal_compliance %}``: the site's RGAA level, which the law asks every page to show."""

from django import template
from wagtail.models import Site

from legal.selectors import legal_information_for

register = template.Library()


@register.simple_tag(takes_context=True)
def legal_compliance(context: template.Context) -> str:
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    return str(legal_information_for(site=site).compliance.label)
