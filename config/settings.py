"""Settings of Alliances & Territoires: one module, driven by the environment.

Profiles (``APP_ENV``): ``local`` (default: SQLite, safe defaults to try the platform),
``test`` (used by the test suite) and ``production`` (strict: secrets and hosts are required,
HTTPS-only cookies, HSTS). See docs/adr/0002-settings-from-environment.md.
"""

from __future__ import annotations

import os
import secrets
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from config.env import (
    env_all_or_none,
    env_bool,
    env_cache_url,
    env_choice,
    env_int,
    env_int_list,
    env_list,
    env_str,
    env_url,
)

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("VAR_DIR", str(BASE_DIR / "var")))

APP_ENV = env_choice("APP_ENV", ("local", "test", "production"), "local")
PRODUCTION = APP_ENV == "production"

DEBUG = env_bool("DEBUG", False)
if PRODUCTION and DEBUG:
    raise ImproperlyConfigured("DEBUG must be false in the production profile.")


def _local_secret_key() -> str:
    """A random key kept in var/ so sessions survive a restart of the local run."""
    path = VAR_DIR / "secret_key"
    if not path.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(64))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = env_str("SECRET_KEY") if PRODUCTION else env_str("SECRET_KEY", "") or _local_secret_key()
if PRODUCTION and len(SECRET_KEY) < 50:
    raise ImproperlyConfigured("SECRET_KEY must be at least 50 characters long in production.")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", [] if PRODUCTION else ["127.0.0.1", "localhost", "testserver"])
if PRODUCTION and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS is required in production.")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

# The public address, in e-mail links: by default the port `make run PORT=…` serves on.
SITE_URL = env_str("SITE_URL", f"http://127.0.0.1:{env_int('PORT', 8000)}")
WAGTAILADMIN_BASE_URL = SITE_URL

INSTALLED_APPS = [
    # the platform's domains
    "core",
    "reference",
    "roadmap",
    "territories",
    "organisations",
    "hub",
    "cases",
    "resources",
    "knowledge",
    "observatory",
    "search",
    "catalysts",
    "syndication",
    "alerts",
    "accounts",
    "proconnect",
    "api",
    "datasets",
    "contact",
    "nearby",
    "agenda",
    "alliances",
    "indicators",
    "learning",
    "opendata",
    "support",
    "orientation",
    # Wagtail (back office and CMS)
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    # the French State design system, HTMX and the API
    "dsfr",
    "django_htmx",
    "ninja",
    "csp",
    "axes",
    # accounts (sign-up, e-mail confirmation, password reset): django-allauth
    "allauth",
    "allauth.account",
    "allauth.socialaccount",  # ProConnect (proconnect/), its tables even when ProConnect is off
    "widget_tweaks",  # used by django-dsfr's checkbox and radio templates
    # Django
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.forms",
]

MIDDLEWARE = [
    "core.middleware.RequestIdMiddleware",
    "core.middleware.SecurityHeadersMiddleware",
    "core.middleware.SqliteDeferredReadsMiddleware",
    "core.refusals.MethodRefusalMiddleware",  # TRACE refused, every 405 in French
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "core.middleware.CommonMiddleware",  # Django's, without the slash redirect under /api/
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "core.input_guard.InputGuardMiddleware",
    "core.ratelimit.RateLimitMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "axes.middleware.AxesMiddleware",
    "allauth.account.middleware.AccountMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "core.context_processors.platform",
                "syndication.context_processors.alternate_feeds",
                "accounts.context_processors.account_pages",
            ],
        },
    },
]
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"
if APP_ENV == "test":
    # Tests: a variable that a platform template names but its context lacks fails the render, instead of
    # rendering as nothing (config/undefined_variables.py; installed packages' templates are left alone).
    from config.undefined_variables import FAIL_ON_UNDEFINED

    TEMPLATES[0]["OPTIONS"]["string_if_invalid"] = FAIL_ON_UNDEFINED
    # Tests: new passwords hashed in microseconds (Django's advice for test speed; PBKDF2's 1,000,000 rounds take
    # 0.3 s of CPU per account created or signed in). Hashes of the other profiles are still checked.
    PASSWORD_HASHERS = [
        "django.contrib.auth.hashers.MD5PasswordHasher",
        "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    ]

# Database: SQLite by default, PostgreSQL (psycopg 3) through DATABASE_URL.
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
# A failed request leaves no half-written data.
DATABASES["default"]["ATOMIC_REQUESTS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;",
        "transaction_mode": "IMMEDIATE",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "accounts.passwords.CnilStrengthValidator"},  # CNIL 2022: about 80 bits (docs/adr/0017-accounts.md)
]

LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", "Français")]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if APP_ENV == "test"
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = APP_ENV == "test"
# Tests: each static file is found when asked for, instead of every app's static files scanned each time a test
# client starts (0.08 s, at the first request of every test).
WHITENOISE_AUTOREFRESH = APP_ENV == "test"
# Media on S3-compatible object storage (django-storages) when S3_BUCKET is set, shared by every app
# server; a local folder (MEDIA_ROOT) otherwise. Files are read through signed, expiring URLs.
S3_BUCKET = env_str("S3_BUCKET", "")
MEDIA_ORIGINS: list[str] = []  # where the pages' images come from besides the site (CSP)
if S3_BUCKET:
    S3_ENDPOINT_URL = env_url("S3_ENDPOINT_URL", schemes=("https",) if PRODUCTION else ("https", "http"), required=True)
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": S3_BUCKET,
            "endpoint_url": S3_ENDPOINT_URL,
            "access_key": env_str("S3_ACCESS_KEY_ID"),
            "secret_key": env_str("S3_SECRET_ACCESS_KEY"),
            "region_name": env_str("S3_REGION", "us-east-1"),
            "location": env_str("S3_PREFIX", "").strip("/"),  # a folder of the bucket, if shared
            "addressing_style": "path",  # bucket in the path: what every S3-compatible server accepts
            "file_overwrite": False,  # as on disk: an upload never replaces another file of the same name
            "default_acl": None,
            "querystring_auth": True,
        },
    }
    _endpoint = urlsplit(S3_ENDPOINT_URL)
    MEDIA_ORIGINS = [f"{_endpoint.scheme}://{_endpoint.netloc}"]

CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    # Public pages for anonymous visitors (core/cache.py): files shared by the server's workers.
    "pages": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
    if APP_ENV == "test"
    else {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": str(VAR_DIR / "cache" / "pages"),
        "OPTIONS": {"MAX_ENTRIES": 5000},
    },
}


def _shared_cache(name: str, max_entries: int) -> dict[str, object]:
    """A cache every server worker sees (files under VAR_DIR); in memory for the tests (one process)."""
    if APP_ENV == "test":
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": name}
    return {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": str(VAR_DIR / "cache" / name),
        "OPTIONS": {"MAX_ENTRIES": max_entries},
    }


# Rate-limit counters (core/ratelimit.py, the API's throttles), and what the search computes once
# for all workers (search/facet_index.py): the ranked documents of the frequent words, the full
# rankings of large matches.
CACHES["ratelimit"] = _shared_cache("ratelimit", 20000)
CACHES["search"] = _shared_cache("search", 1000)
# Several app servers: CACHE_URL (redis://…) puts every shared cache in Redis, each under its own key
# prefix (CACHE_KEY_PREFIX, to share one Redis between deployments). Clearing one never touches the
# others (core/cache_backends.py). Tests keep the public pages uncached. See docs/adr/0018-stateless-nodes.md.
CACHE_URL = env_cache_url("CACHE_URL")
CACHE_KEY_PREFIX = env_str("CACHE_KEY_PREFIX", f"alliances-test-{os.getpid()}" if APP_ENV == "test" else "alliances")
if CACHE_URL:
    for _alias in ("default", "pages", "ratelimit", "search"):
        if _alias == "pages" and APP_ENV == "test":
            continue
        CACHES[_alias] = {
            "BACKEND": "core.cache_backends." + ("GenerationalRedisCache" if _alias == "pages" else "SharedRedisCache"),
            "LOCATION": CACHE_URL,
            "KEY_PREFIX": f"{CACHE_KEY_PREFIX}:{_alias}",
        }
# Sessions in the database: a visitor stays signed in whichever app server answers.
SESSION_ENGINE = "django.contrib.sessions.backends.db"
# Search: the documents of frequent words are read after each rebuild of the filter index in a
# background thread (search/facet_index.py); tests read them at once (their database is per thread).
SEARCH_FREQUENT_TERMS_IN_BACKGROUND = APP_ENV != "test"
PUBLIC_PAGE_CACHE_SECONDS = env_int("PUBLIC_PAGE_CACHE_SECONDS", 300)
# Any write to these apps clears the cached public pages.
PUBLIC_CONTENT_APPS = {
    "reference",
    "roadmap",
    "territories",
    "organisations",
    "cases",
    "resources",
    "hub",
    "search",
    "catalysts",
    "agenda",
    "alliances",
    "indicators",
    "learning",
}

# Wagtail
WAGTAIL_SITE_NAME = "Alliances & Territoires"
WAGTAILADMIN_LOGIN_URL = "/admin/login/"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAIL_I18N_ENABLED = False
WAGTAILDOCS_EXTENSIONS = ["csv", "pdf", "odt", "ods", "docx", "xlsx", "txt"]
WAGTAILDOCS_DOCUMENT_FORM_BASE = "core.uploads.DocumentForm"  # size and content checks (core/uploads.py)
# Images: Wagtail checks that the content is the format the extension names. No SVG (scripts).
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

LOGIN_URL = "account_login"  # /connexion/ (allauth); the back office keeps WAGTAILADMIN_LOGIN_URL
LOGIN_REDIRECT_URL = "accounts:dashboard"

# E-mail (accounts, alerts of saved searches): one file per e-mail under var/mails/ in the local profile,
# SMTP or any backend from the environment.
EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend" if PRODUCTION else "django.core.mail.backends.filebased.EmailBackend",
)
EMAIL_FILE_PATH = env_str("EMAIL_FILE_PATH", str(VAR_DIR / "mails"))
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str(
    "DEFAULT_FROM_EMAIL", "Alliances & Territoires <ne-pas-repondre@alliances-territoires.invalid>"
)

# django-dsfr: the State design system's static assets are shipped with the package and served
# by the site itself. No Subresource Integrity: the manifest storage rewrites the CSS (hashed
# font URLs), so the package's checksums no longer match and the browser would block the CSS.
DSFR_USE_INTEGRITY_CHECKSUMS = False

# Security headers (every profile; HTTPS-only settings in production).
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# core.middleware.SecurityHeadersMiddleware: no powerful browser feature is used by any page.
PERMISSIONS_POLICY = env_str(
    "PERMISSIONS_POLICY",
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()",
)
CROSS_ORIGIN_RESOURCE_POLICY = env_choice(
    "CROSS_ORIGIN_RESOURCE_POLICY", ("same-origin", "same-site", "cross-origin"), "same-origin"
)
X_FRAME_OPTIONS = "DENY"
CSRF_FAILURE_VIEW = "core.refusals.csrf_failure"  # a French page (403), not Django's English one
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
CONTENT_SECURITY_POLICY = {
    # The back office (Wagtail) and the API docs keep their own inline assets.
    "EXCLUDE_URL_PREFIXES": ["/admin/", "/api/v1/docs"],
    "DIRECTIVES": {
        "default-src": [SELF],
        # No inline script, no nonce: a page served from the public cache keeps a valid policy (ADR 0020).
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", *MEDIA_ORIGINS],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}
if PRODUCTION:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 63072000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SESSION_COOKIE_NAME = "__Host-sessionid"
    CSRF_COOKIE_NAME = "__Host-csrftoken"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "core.logging.RequestIdFilter"}},
    "formatters": {"json": {"()": "core.logging.JsonFormatter"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "json", "filters": ["request_id"]},
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}, "django_tasks": {"level": "WARNING"}},
}

NINJA_PAGINATION_MAX_LIMIT = 200

# Abuse protection (docs/adr/0007-abuse-protection-and-backups.md).
# Number of reverse proxies in front of the platform that set X-Forwarded-For (0: use REMOTE_ADDR).
# Required in production: guessed wrong, every visitor shares the proxy's address (one can get everyone
# rate-limited or locked out) or a forged X-Forwarded-For picks its own address (docs/adr/0020-…).
if PRODUCTION and not os.environ.get("TRUSTED_PROXY_COUNT", "").strip():
    raise ImproperlyConfigured(
        "TRUSTED_PROXY_COUNT is required in production: the number of reverse proxies that set "
        "X-Forwarded-For in front of the platform (0 if clients connect directly)."
    )
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
if TRUSTED_PROXY_COUNT < 0:
    raise ImproperlyConfigured("TRUSTED_PROXY_COUNT must be 0 or more.")
NINJA_NUM_PROXIES = TRUSTED_PROXY_COUNT
# Login brute-force protection (django-axes): a cool-off per username + IP pair, never a permanent lock.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",  # sign-in by e-mail (/connexion/)
]
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# Attempts during the cool-off do not restart it: the page can say the time left, and it stays true.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_HTTP_RESPONSE_CODE = 429
AXES_LOCKOUT_CALLABLE = "core.security.lockout_response"  # French page (core/lockout.html), 429
AXES_CLIENT_IP_CALLABLE = "core.security.client_ip"
AXES_DISABLE_ACCESS_LOG = True  # keep only failed attempts: no log of every successful login (RGPD)
AXES_VERBOSE = False
AXES_USERNAME_CALLABLE = "accounts.security.axes_username"  # the e-mail of /connexion/, the username of /admin/
# API rate limits (django-ninja throttling, counted in the default cache), per client IP.
API_THROTTLE_ANON_RATE = env_str("API_THROTTLE_ANON_RATE", "120/min")
API_THROTTLE_AUTH_RATE = env_str("API_THROTTLE_AUTH_RATE", "600/min")
SEARCH_RATE = env_str("SEARCH_RATE", "120/min")  # GET /recherche/ per address (core/ratelimit.py)
FORM_RATE = env_str("FORM_RATE", "30/min")  # POST of the public forms per address

# Legal notices (core/legal.html): facts about the operator, never invented; empty = « à renseigner par l'exploitant ».
SITE_PUBLISHER = env_str("SITE_PUBLISHER", "")
SITE_PUBLICATION_DIRECTOR = env_str("SITE_PUBLICATION_DIRECTOR", "")
SITE_HOST_NAME = env_str("SITE_HOST_NAME", "")
SITE_HOST_ADDRESS = env_str("SITE_HOST_ADDRESS", "")
# Contact form (contact/): who is told of a new message (besides the mission team), how long messages are kept.
CONTACT_RECIPIENTS = env_list("CONTACT_RECIPIENTS", [])
CONTACT_MESSAGE_RETENTION_DAYS = env_int("CONTACT_MESSAGE_RETENTION_DAYS", 365)
# Support requests (support/): the texts of closed requests are erased after this many days (2 years).
SUPPORT_RETENTION_DAYS = env_int("SUPPORT_RETENTION_DAYS", 730)
# Requests whose query string is longer than this are refused (414) by core.input_guard.
MAX_QUERY_STRING_LENGTH = env_int("MAX_QUERY_STRING_LENGTH", 4096)

# Accounts (django-allauth, docs/adr/0017-accounts.md): sign-in by e-mail, the address confirmed by a
# signed link before the first sign-in, nothing on screen or in e-mails tells whether an address has
# an account; rate limits counted in the shared ``ratelimit`` cache (accounts/apps.py).
# proconnect.adapter.AccountAdapter is accounts.adapter.AccountAdapter plus ProConnect's end of session on sign-out.
ACCOUNT_ADAPTER = "proconnect.adapter.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_EMAIL_CONFIRMATION_HMAC = True  # signed link, nothing stored
ACCOUNT_EMAIL_CONFIRMATION_EXPIRE_DAYS = env_int("ACCOUNT_EMAIL_CONFIRMATION_EXPIRE_DAYS", 3)
ACCOUNT_CONFIRM_EMAIL_ON_GET = False  # the link shows a button: a mail scanner opening it confirms nothing
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS = True
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_CHANGE_EMAIL = True  # one address per account; a new one replaces it once confirmed
ACCOUNT_EMAIL_NOTIFICATIONS = True  # « votre mot de passe a changé », « votre adresse a changé »
ACCOUNT_LOGOUT_REDIRECT_URL = "core:home"
ACCOUNT_SESSION_REMEMBER = False  # the session ends with the browser
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Alliances & Territoires] "
ACCOUNT_FORMS = {
    "login": "accounts.forms.LoginForm",
    "signup": "accounts.forms.SignupForm",
    "reset_password": "accounts.forms.ResetPasswordForm",
    "reset_password_from_key": "accounts.forms.ResetPasswordKeyForm",
    "change_password": "accounts.forms.ChangePasswordForm",
    "set_password": "accounts.forms.SetPasswordForm",
    "change_email": "accounts.forms.ChangeEmailForm",
    "add_email": "accounts.forms.AddEmailForm",
    "reauthenticate": "accounts.forms.ReauthenticateForm",
}
ACCOUNT_RATE_LIMITS = {
    "signup": env_str("ACCOUNT_SIGNUP_RATE", "10/h/ip"),
    "reset_password": env_str("ACCOUNT_RESET_PASSWORD_RATE", "10/h/ip,3/h/key"),
    "login_failed": None,  # failed sign-ins: django-axes locks out (AXES_*), with its French page
    # invitations to join an organisation (organisations/member_views.py): per inviting account, and per organisation
    "organisation_invite": env_str("ORGANISATION_INVITE_RATE", "20/h/user,50/d/key"),
    # support requests (support/views.py) and the messages relayed on them, per account
    "support_request": env_str("SUPPORT_REQUEST_RATE", "5/d/user"),
    "support_message": env_str("SUPPORT_MESSAGE_RATE", "30/h/user"),
}

# ProConnect (docs/adr/0023-proconnect.md): the State's OpenID Connect for agents and professionals, a second way in
# beside the e-mail and password, through django-allauth's OpenID Connect provider (proconnect/). Off — no button, no
# address that answers — unless the issuer, the client id and the secret are all set; one or two of them fail loudly.
_proconnect = env_all_or_none("PROCONNECT_ISSUER_URL", "PROCONNECT_CLIENT_ID", "PROCONNECT_CLIENT_SECRET")
PROCONNECT_ISSUER_URL = (
    env_url("PROCONNECT_ISSUER_URL", schemes=("https",) if PRODUCTION else ("https", "http")) if _proconnect else None
)
PROCONNECT_CLIENT_ID = _proconnect["PROCONNECT_CLIENT_ID"] if _proconnect else ""
PROCONNECT_CLIENT_SECRET = _proconnect["PROCONNECT_CLIENT_SECRET"] if _proconnect else ""
# ProConnect's scopes are the names of the claims asked for: only what an account needs.
PROCONNECT_SCOPES = env_list("PROCONNECT_SCOPES", ["openid", "email", "given_name", "usual_name"])
if not {"openid", "email"} <= set(PROCONNECT_SCOPES):
    raise ImproperlyConfigured("PROCONNECT_SCOPES must include openid and email (an account is found by its e-mail).")
if PROCONNECT_ISSUER_URL:
    # The sign-in and sign-out forms are answered by a redirection to ProConnect: allow it as a form target (CSP).
    _issuer = urlsplit(PROCONNECT_ISSUER_URL)
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["form-action"].append(f"{_issuer.scheme}://{_issuer.netloc}")
SOCIALACCOUNT_ADAPTER = "proconnect.adapter.SocialAccountAdapter"  # the app comes from the settings above only
SOCIALACCOUNT_EMAIL_AUTHENTICATION_AUTO_CONNECT = True  # a verified local address found by e-mail is linked once
SOCIALACCOUNT_STORE_TOKENS = False  # no ProConnect token in the database

# « Faire alliance » matches (docs/adr/0029-matchmaking-and-match-workflow.md): reminders to the side that has not
# answered (days after sending, each sent once), expiry without an answer, and the per-account limit on relayed
# messages and interests, counted in the shared ``ratelimit`` cache like the other account limits.
MATCH_REMINDER_DAYS = env_int_list("MATCH_REMINDER_DAYS", [7, 14])
MATCH_EXPIRY_DAYS = env_int("MATCH_EXPIRY_DAYS", 30)
# Matches (alliances/retention.py): relayed messages, and the people and texts of matches over
# (declined, expired, closed, formed), are erased after this many days (2 years).
MATCH_RETENTION_DAYS = env_int("MATCH_RETENTION_DAYS", 730)
if not MATCH_REMINDER_DAYS or any(not 0 < day < MATCH_EXPIRY_DAYS for day in MATCH_REMINDER_DAYS):
    raise ImproperlyConfigured("MATCH_REMINDER_DAYS must be days between 1 and MATCH_EXPIRY_DAYS - 1.")
ACCOUNT_RATE_LIMITS["alliance_message"] = env_str("ALLIANCE_MESSAGE_RATE", "30/h/user")
ACCOUNT_RATE_LIMITS["alliance_interest"] = env_str("ALLIANCE_INTEREST_RATE", "20/h/user")
