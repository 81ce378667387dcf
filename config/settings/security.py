"""Security settings that hold in every environment; production tightens them."""

from config.env import env

# Reverse proxies in front of the app, each appending to X-Forwarded-For: the client's address is
# read from that header only this many hops deep (config/client_address.py). 0 here (development,
# tests): REMOTE_ADDR alone, a client's X-Forwarded-For is ignored. Production defaults to 1.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)

# django-axes: lock an account+address pair out after repeated failed logins. The address is
# the one every throttle and consent record uses.
AXES_CLIENT_IP_CALLABLE = "config.client_address.client_address"
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True

# Throttles (config/ratelimit.py) of the forms that send email or check a secret: attempts allowed
# per RATE_LIMIT_WINDOW seconds. The subscription form's own limits are in subscribers.py.
RATE_LIMIT_WINDOW = env.int("RATE_LIMIT_WINDOW", default=3600)
# The admin's password reset, per client address and per email address; throttled, it answers
# the same and sends nothing (editorial/password_reset.py).
PASSWORD_RESET_RATE_LIMIT_PER_IP = env.int("PASSWORD_RESET_RATE_LIMIT_PER_IP", default=5)
PASSWORD_RESET_RATE_LIMIT_PER_EMAIL = env.int("PASSWORD_RESET_RATE_LIMIT_PER_EMAIL", default=3)
WAGTAILADMIN_USER_PASSWORD_RESET_FORM = "editorial.password_reset.ThrottledPasswordResetForm"  # noqa: S105
WAGTAILADMIN_USER_LOGIN_FORM = "editorial.login_form.FrenchLoginForm"
# Password-restricted pages and document collections: guesses per client address and page (or restriction).
PAGE_PASSWORD_RATE_LIMIT = env.int("PAGE_PASSWORD_RATE_LIMIT", default=10)
# « Envoyer un test » of a newsletter issue, per admin user.
NEWSLETTER_TEST_SEND_RATE_LIMIT = env.int("NEWSLETTER_TEST_SEND_RATE_LIMIT", default=20)

# DENY for browsers that only know X-Frame-Options. Wagtail's preview views set
# SAMEORIGIN on their own responses (xframe_options_sameorigin_override), so the
# admin's preview panel keeps working; browsers with CSP follow frame-ancestors.
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"

# Avatars are uploaded in the admin rather than fetched from gravatar.com: no
# editor's email hash leaves the site, and img-src stays free of third parties.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# Video hosts an EmbedBlock ("Vidéo ou contenu externe") may frame, and where the
# admin's embed previews take their thumbnails. Extend with CSP_EXTRA_FRAME_SRC /
# CSP_EXTRA_IMG_SRC (comma-separated origins) rather than editing the policy.
_EMBED_FRAME_SRC = [
    "https://www.youtube.com",
    "https://www.youtube-nocookie.com",
    "https://player.vimeo.com",
    "https://www.dailymotion.com",
    "https://geo.dailymotion.com",
]
_EMBED_IMG_SRC = ["https://i.ytimg.com", "https://i.vimeocdn.com", "https://s1.dmcdn.net", "https://s2.dmcdn.net"]

# The public site is kept to 'self': its scripts are static files, and its JSON-LD is a data
# block (type="application/ld+json") that script-src does not govern, so no page needs a nonce
# and a cached page is valid for every visitor. Inline styles stay allowed (style attributes
# of rich text, Wagtail's image formats), data:/blob: images too (the admin's image previews
# and focal point chooser). frame-ancestors 'self' is what lets Wagtail's preview panel frame
# the preview, every other framing is refused. No page needs eval.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:", *_EMBED_IMG_SRC, *env.list("CSP_EXTRA_IMG_SRC", default=[])],
        "media-src": ["'self'"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'", *_EMBED_FRAME_SRC, *env.list("CSP_EXTRA_FRAME_SRC", default=[])],
        "frame-ancestors": ["'self'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

# Wagtail's admin (and its previews, served under /admin/) needs inline scripts: its responses
# get this script-src instead (config/csp.py), the public site never does.
CSP_ADMIN_REPLACE = {"script-src": ["'self'", "'unsafe-inline'"]}
