"""Settings shared by every environment; integrations live in sibling modules."""

from django.utils.translation import gettext_lazy as _

from config.env import BASE_DIR, VAR_DIR, env
from config.time_zone import PARIS_TIME_ZONE_NAME

from .address import *  # noqa: F403
from .address import BASE_URL, LOCAL_SITES_ORIGIN
from .api import *  # noqa: F403
from .cache import *  # noqa: F403
from .celery import *  # noqa: F403
from .email import *  # noqa: F403
from .frontend_cache import *  # noqa: F403
from .legal import *  # noqa: F403
from .media import *  # noqa: F403
from .registrations import *  # noqa: F403
from .search import *  # noqa: F403
from .security import *  # noqa: F403
from .sending import *  # noqa: F403
from .subscribers import *  # noqa: F403

DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env.str("SECRET_KEY", default="")
# ".localhost": the demo's centre sites (irev.localhost…) beside the network site on 127.0.0.1.
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", ".localhost", "127.0.0.1", "[::1]"])

CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[BASE_URL, LOCAL_SITES_ORIGIN])

INSTALLED_APPS = [
    # Project apps first so their templates override third-party ones.
    "assets",
    "publications",
    "centres",
    "legal",
    "newsletters",
    "subscribers",
    "registrations",
    "reports",
    "sending",
    "demo",
    "search",
    "feeds",
    "api",
    "outbox",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.settings",
    "wagtail.contrib.table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    # After wagtail.admin: its ready() replaces Wagtail's synchronous workflow emails.
    "editorial",
    "wagtail_modeladmin",
    "wagtailmedia",
    "wagtail.api.v2",
    "rest_framework",
    "corsheaders",
    "ninja",
    "modelcluster",
    "taggit",
    "django_tasks",
    "django_celery_beat",
    "anymail",
    "axes",
    "csp",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Before whitenoise and CommonMiddleware, which may answer first (CORS on /api/ only).
    "corsheaders.middleware.CorsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # The shared cache of anonymous answers (config/response_cache.py): a hit skips what follows.
    "config.response_cache.PublicResponseCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # django-csp's middleware, with the admin's looser script-src under /admin/ (config/csp.py).
    "config.csp.AdminAwareCSPMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, so that it sees the outcome of every authentication attempt.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "site" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                # Replaces Django's own: a cached public form gets its CSRF token per visitor.
                "config.response_cache.csrf",
            ],
        },
    },
]

DATABASES = {
    "default": env.db_url("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
}
# search_pagedocument exists on PostgreSQL only.
DATABASE_ROUTERS = ["search.db_router.PageDocumentRouter"]
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=0)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web process read while the worker writes.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", _("Français"))]
TIME_ZONE = PARIS_TIME_ZONE_NAME
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=str(BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "site" / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=str(BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Uploaded PDFs and audio files can be large.
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

WAGTAIL_SITE_NAME = env.str("SITE_NAME", default="Centre de ressources politique de la ville")
WAGTAILIMAGES_IMAGE_MODEL = "assets.CustomImage"
WAGTAILDOCS_DOCUMENT_MODEL = "assets.CustomDocument"
WAGTAILMEDIA = {
    "MEDIA_MODEL": "assets.CustomMedia",
    "AUDIO_EXTENSIONS": ["mp3", "m4a", "ogg", "wav", "flac"],
}
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = False
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
# Editing a page in review restarts its workflow: approvals apply to what was approved.
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
WAGTAIL_WORKFLOW_CANCEL_ON_PUBLISH = True
WAGTAIL_FINISH_WORKFLOW_ACTION = "editorial.finish.publish_workflow_state"
WAGTAILADMIN_COMMENTS_ENABLED = True
# Slugs typed or generated in the admin are ASCII (« Atelier santé » → atelier-sante): accented
# slugs become %C3%A9 in every URL, sitemap entry and .ics file.
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"
WAGTAIL_TIME_FORMAT = "%H:%M"
WAGTAILDOCS_EXTENSIONS = ["pdf", "odt", "docx", "xlsx", "ods", "csv", "vtt", "txt"]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
}
