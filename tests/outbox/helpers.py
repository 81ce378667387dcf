"""Helpers of the outbox tests."""


def subscribe(client, capture, newsletter_list):
    """Post the public subscription form; ``capture``: pytest-django's on-commit capture, or None."""
    data = {
        "email": "ines.benali@example.org",
        "name": "Inès Benali",
        "organisation": "Ville de Saint-Denis",
        "role": "elected",
        "lists": [str(newsletter_list.pk)],
        "consent": "on",
        "website": "",
    }
    if capture is None:
        return client.post("/abonnement/", data, REMOTE_ADDR="203.0.113.7")
    with capture(execute=True):
        return client.post("/abonnement/", data, REMOTE_ADDR="203.0.113.7")
