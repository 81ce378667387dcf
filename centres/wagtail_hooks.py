from wagtail.snippets.models import register_snippet

from centres.viewsets import CentreViewSet

register_snippet(CentreViewSet)
