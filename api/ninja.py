"""The typed read API under /api/: one router per content type, OpenAPI 3 at /api/schema/."""

from ninja import NinjaAPI
from ninja.renderers import JSONRenderer

from api.errors import register_error_handlers
from api.reference import FrenchReference
from api.routers import actions, centres, experiences, newsletters, podcasts, preview, publications, search, taxonomy
from config.response_cache import public_cache, public_search_cache

DESCRIPTION = """
Lecture des contenus publiés du centre de ressources : actions et programmes, publications,
podcasts, fiches d'expérience, lettres d'information, les centres de ressources (profil,
gouvernance, équipe, adhérents, financeurs, services d'information), et les listes de
référence qui servent à les filtrer. Seules les pages en ligne, publiques et non expirées sont lues ; les brouillons
ne sont lisibles qu'avec un jeton d'aperçu signé (`/api/preview/`).

Sur le site du réseau, l'API lit les contenus de tous les centres ; sur le site d'un centre,
les siens seulement. Chaque page nomme son centre (`owner`) et `centre=<identifiant>` garde
les contenus d'un seul centre.

Les listes se paginent avec `limit` (100 au plus) et `offset`. Un paramètre mal formé reçoit
une réponse 422, une valeur inconnue (thématique, territoire…) une réponse 400, chacune avec
un message en français qui nomme le paramètre.
"""


class FrenchJSONRenderer(JSONRenderer):
    """Accented letters and « élu·e·s » as they are, not as \\u escapes."""

    json_dumps_params = {"ensure_ascii": False}


api = NinjaAPI(
    title="API du centre de ressources politique de la ville",
    version="1.0.0",
    description=DESCRIPTION,
    urls_namespace="api",
    openapi_url="/schema/",
    docs=FrenchReference(),
    docs_url="/docs/",
    renderer=FrenchJSONRenderer(),
)
register_error_handlers(api)

# Content answers are cached and purged on publication; search answers only by their own rule
# (SEARCH_CACHE_TIMEOUT), preview never.
for module in (actions, publications, podcasts, experiences, newsletters, taxonomy, centres):
    module.router.add_decorator(public_cache, mode="view")
    api.add_router("/", module.router)
search.router.add_decorator(public_search_cache, mode="view")
api.add_router("/", search.router)
api.add_router("/", preview.router)
