"""Issues built with the factories, from a short one to the largest an editor would realistically compose."""

from newsletters.models import NewsletterIssuePage
from tests import factories

SUMMARY = (
    "Organisée en visioconférence par les quatre centres de ressources d'Île-de-France, la rencontre a réuni "
    "plus de 130 participant·e·s, élu·e·s, agent·e·s de l'État et professionnel·le·s de la politique de la ville, "
    "autour des démarches de gestion urbaine et sociale de proximité et de leur évaluation."
)


def linked(title: str, **fields) -> dict:
    return {"tag": "", "page": None, "title": title, "summary": SUMMARY, "url": "https://www.example.org/a", **fields}


def largest_issue_sections(*, per_section: int, with_covers: int) -> list[tuple[str, dict]]:
    """Every kind of section, full: per_section items each, with_covers publications with covers."""
    publications = [
        factories.PublicationPageFactory(title=f"Repères pour agir n° {n}", cover=factories.CustomImageFactory())
        for n in range(with_covers)
    ]
    news = [
        linked(f"Actualité du centre n° {n}", tag="Séminaire des élu·e·s, 11 mai, 17h-19h") for n in range(per_section)
    ]
    news += [{**linked(""), "page": page, "summary": ""} for page in publications]
    experience = factories.ExperiencePageFactory()
    return [
        ("centre_news", {"heading": "L'actu du Pôle ressources", "items": news}),
        (
            "national_news",
            {
                "heading": "National / Régional",
                "theme": "Santé",
                "items": [linked(f"Nationale {n}") for n in range(per_section)],
            },
        ),
        (
            "territory_news",
            {
                "heading": "Ouest francilien",
                "items": [{**linked(f"Territoire {n}"), "town": "Mantes-la-Jolie"} for n in range(per_section)],
            },
        ),
        (
            "in_brief",
            {
                "heading": "En bref",
                "items": [
                    {"title": f"Rapport annuel de la Fondation n° {n}", "url": "https://www.example.org/rapport"}
                    for n in range(per_section)
                ],
            },
        ),
        (
            "moves",
            {
                "heading": "Mouvements",
                "items": [
                    {
                        "person": f"Nadia Benali {n}",
                        "new_post": "Cheffe de projet politique de la ville",
                        "place": "Sarcelles",
                    }
                    for n in range(per_section)
                ],
            },
        ),
        ("experience", {"heading": "Fiche d'expérience", "experience": experience}),
        (
            "website",
            {
                "heading": "Un site à connaître",
                "name": "Observatoire des territoires",
                "url": "https://www.observatoire-des-territoires.gouv.fr/",
                "description": SUMMARY,
            },
        ),
        (
            "press",
            {
                "heading": "Dans la presse",
                "items": [
                    {
                        "title": f"Quartiers populaires : l'enquête {n}",
                        "source": "Le Monde",
                        "date": None,
                        "url": "https://www.example.org/presse",
                    }
                    for n in range(per_section)
                ],
            },
        ),
        (
            "reading",
            {
                "heading": "À lire / À voir",
                "items": [
                    {
                        "title": f"La ville inégale {n}",
                        "authors": "Marie Dupont, Karim Haddad",
                        "publisher": "La Découverte",
                        "year": 2021,
                        "pages": 240,
                        "url": "https://www.example.org/livre",
                        "excerpt": SUMMARY,
                    }
                    for n in range(per_section)
                ],
            },
        ),
    ]


def largest_issue(**fields) -> NewsletterIssuePage:
    """About 60 items and 8 covers: twice the densest real issue of the demo sources."""
    return factories.NewsletterIssuePageFactory(sections=largest_issue_sections(per_section=8, with_covers=8), **fields)
