"""Security settings that hold in every environment; production tightens them."""

from config.env import env

# django-axes: lock an account+address pair out after repeated failed logins.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True

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
