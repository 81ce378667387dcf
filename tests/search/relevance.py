"""The relevance set: queries a professional would type, and the demo pages each must find in its top 3.

Written from the demo content (demo/data/*.yaml) by reading it as a visitor would: each
query names a subject the way people of the field say it (acronyms, plurals, no accents,
inclusive writing), and the expected pages are the ones that subject is about. When a
subject has both an action and the publication that capitalises it, both are expected.
"""

RELEVANCE_SET: list[tuple[str, list[str]]] = [
    # Quoted in the issue.
    (
        "réussite éducative coordonnateurs",
        ["Rôles et missions du coordonnateur PRE dans les nouveaux contrats de ville"],
    ),
    ("ateliers santé ville", ["Animation du réseau des Ateliers santé ville"]),
    ("discriminations emploi", ["Discrimination : des fondements à l'action"]),
    (
        "rénovation urbaine participation des habitants",
        ["La participation des habitants au cœur des enjeux du nouveau programme de renouvellement urbain"],
    ),
    # Actions.
    (
        "évaluation contrat de ville",
        ["L'évaluation et le suivi des contrats de ville : un outil de mobilisation des moyens de droit commun"],
    ),
    ("fonds europeens quartiers", ["La mobilisation des fonds européens au bénéfice des quartiers"]),
    (
        "installation des conseils citoyens",
        ["Conseils citoyens : premiers pas de l'instance, nouvelles dynamiques citoyennes dans le territoire"],
    ),
    ("réseau départemental conseil citoyen", ["Animation d'un réseau départemental des conseils citoyens"]),
    (
        "formation conseiller citoyen",
        ["Soutenir les capacités d'expertise et d'intervention des conseillers citoyens de Seine-Saint-Denis"],
    ),
    ("illettrisme insertion", ["Illettrisme : un maillage territorial au service de l'insertion et de la parentalité"]),
    ("familles monoparentales", ["La monoparentalité précaire"]),
    (
        "mal-logement fondation abbé pierre",
        ["L'état du mal-logement en France – 20e rapport de la Fondation Abbé Pierre"],
    ),
    (
        "radicalisation des jeunes",
        ["Radicalisation, laïcité, malaise identitaire des jeunes : comprendre, questionner, prévenir"],
    ),
    ("précarité alimentaire", ["Précarité alimentaire et politique de la ville"]),
    ("alimentation durable", ["Comment s'assurer de l'accès pour tous à l'alimentation durable ?"]),
    (
        "transition écologique quartiers prioritaires",
        ["Construire une transition écologique juste dans les quartiers prioritaires"],
    ),
    (
        "GUSP rencontres franciliennes",
        ["Rencontres franciliennes de la GUSP : cadre de vie, comprendre, évaluer, agir"],
    ),
    (
        "séminaire élus santé mentale",
        ["La santé mentale : un enjeu individuel et collectif dans les territoires populaires"],
    ),
    ("matinée des élus", ["Matinée des élu·e·s de Seine-Saint-Denis"]),
    ("insertion professionnelle des femmes", ["L'insertion professionnelle des femmes en politique de la ville"]),
    ("projet de loi asile immigration", ["Décryptage du projet de loi relatif à l'asile et à l'immigration"]),
    (
        "projet NPNRU quartier",
        ["La rénovation urbaine et le projet urbain : que signifie avoir un projet NPNRU dans son quartier ?"],
    ),
    ("memoires participatives", ["Mémoires participatives en quartiers prioritaires et empowerment"]),
    ("réseau des chefs de projet", ["Rencontres du réseau des chefs de projet politique de la ville"]),
    ("parole des jeunes", ["Étude en débat sur la parole des jeunes"]),
    ("attractivité territoriale", ["Réflexions autour de la notion d'attractivité territoriale"]),
    (
        "potentiel économique des quartiers",
        ["Explorer le potentiel économique des quartiers", "Le potentiel économique des quartiers en Hauts-de-France"],
    ),
    (
        "valeurs de la république laïcité formation",
        [
            "Appui au déploiement du plan de formation aux valeurs de la République et à la laïcité",
            "Plan de formation « Valeurs de la République et laïcité » : déploiement régional",
        ],
    ),
    # An action and the publication that capitalises it.
    (
        "santé mentale psychiatrie",
        ["Santé mentale, psychiatrie et territoires"],
    ),
    (
        "convention d'équilibre territorial",
        [
            "La convention d'équilibre territorial : bilan, enjeux et retour d'expériences",
            "La convention d'équilibre territorial : mode d'emploi",
        ],
    ),
    (
        "approche budgétaire genrée",
        ["L'approche budgétaire genrée", "Budgets publics et égalité femmes-hommes : l'approche budgétaire genrée"],
    ),
    ("developpement economique endogene", ["Le développement économique endogène des quartiers"]),
    ("identité des jeunes", ["La construction de l'identité des jeunes : comprendre pour agir"]),
    ("adolescents mobilité", ["Adolescents de cité : l'épreuve de la mobilité"]),
    ("droits culturels pouvoir d'agir", ["Les droits culturels, leviers du pouvoir d'agir"]),
    # Publications.
    (
        "mixité sociale peuplement actes",
        ["Mixité sociale, rénovation urbaine et politiques de peuplement : doctrines, bilans et réformes"],
    ),
    ("égalité filles garçons numérique école", ["Jeunesses, égalité filles-garçons et numérique à l'école"]),
    ("renouvellement urbain cahier d'exercices", ["Le projet de renouvellement urbain pas à pas"]),
    # Podcast episodes.
    ("jardins partagés", ["Cultiver la ville : jardins partagés et transitions"]),
    ("agriculture urbaine gentrification", ["Cultiver la ville : jardins partagés et transitions"]),
    (
        "héritage jeux olympiques",
        [
            "Jeux olympiques et paralympiques : quel héritage pour la Seine-Saint-Denis ?",
            "Quel héritage de l'accueil des Jeux olympiques et paralympiques 2024 en Seine-Saint-Denis ?",
        ],
    ),
    (
        "santé discriminations",
        [
            "Santé et discriminations, discriminations et santé",
            "Santé et discriminations : ce que vivent les habitant·e·s",
        ],
    ),
    ("animateurs métier précaire", ["Animateurs et animatrices, artisans du lien éducatif"]),
    # Experience records.
    (
        "veille éducative décrochage scolaire",
        [
            "La cellule de veille éducative, un appui pour repérer les jeunes en rupture "
            "et mieux orienter les familles",
        ],
    ),
    ("kiosque emploi Val Fourré", ["Un kiosque pour l'emploi au cœur du Val Fourré"]),
    (
        "accès des filles aux équipements",
        ["Rééquilibrer l'accès des filles et des garçons aux équipements de la ville"],
    ),
    (
        "plan de lutte contre les discriminations Douaisis",
        ["Un cycle Égalité – Citoyenneté pour bâtir le plan de lutte contre les discriminations du Douaisis"],
    ),
    (
        "gestion urbaine de proximité bailleurs",
        ["La gestion urbaine de proximité, un projet partagé avec les bailleurs"],
    ),
    # Newsletter issues and programmes.
    ("Résonances santé mentale alimentation", ["Santé mentale, alimentation durable et participation citoyenne"]),
    ("orientations de travail 2023", ["Orientations de travail 2023"]),
    ("programme d'actions 2015", ["Programme d'actions 2015"]),
]
