"""How API v2 represents a newsletter issue's list (named in ``NewsletterIssuePage.api_fields``)."""

from rest_framework import serializers


class NewsletterListSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    slug = serializers.CharField()
    frequency = serializers.CharField()
