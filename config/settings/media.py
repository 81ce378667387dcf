"""Uploaded media: who serves them, how long they may be cached, how large an upload may be."""

from config.env import env

# The app answers MEDIA_URL itself (assets.views.media_serve: byte ranges, conditional GET,
# long cache headers), so that a plain gunicorn deployment serves covers, renditions and
# audio out of the box. Turn it off when a web server or object storage answers MEDIA_URL.
SERVE_MEDIA = env.bool("SERVE_MEDIA", default=True)
# Cache lifetime of a served media file, for browsers and CDNs; after it, they revalidate
# with the ETag (304). A replaced upload gets a new file name, so a long lifetime is safe.
MEDIA_CACHE_SECONDS = env.int("MEDIA_CACHE_SECONDS", default=30 * 24 * 3600)

# Documents are only ever served by Wagtail's view, which checks collection view
# restrictions; never redirect to (or link) the storage's URL of the file.
WAGTAILDOCS_SERVE_METHOD = "serve_view"

# Largest uploads accepted (bytes), checked by the models' clean(): a larger file gets a
# French error in the admin form (single, multiple and chooser uploads alike).
DOCUMENTS_MAX_UPLOAD_BYTES = env.int("DOCUMENTS_MAX_UPLOAD_BYTES", default=50 * 1024 * 1024)
IMAGES_MAX_UPLOAD_BYTES = env.int("IMAGES_MAX_UPLOAD_BYTES", default=20 * 1024 * 1024)
MEDIA_MAX_UPLOAD_BYTES = env.int("MEDIA_MAX_UPLOAD_BYTES", default=300 * 1024 * 1024)
# Wagtail checks images itself (with its own French message).
WAGTAILIMAGES_MAX_UPLOAD_SIZE = IMAGES_MAX_UPLOAD_BYTES
