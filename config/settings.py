"""Settings for every environment, read from the environment (django-environ).

Production needs SECRET_KEY, AUDIT_CHAIN_KEY, AUDIT_ANCHOR_PATH, ALLOWED_HOSTS and DATABASE_URL;
with DEBUG off (the default) a missing key or anchor path is an error rather than a silent
insecure default.
"""

import sys
from datetime import timedelta
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False) if (BASE_DIR / ".env").exists() else None

DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "insecure-development-key-only-used-with-DEBUG-on"

# The audit chain's HMAC key, never stored in the database (reviews/audit_keys.py). Events record
# the id of the key that signed them; retired keys ("id:key,id:key", oldest first) still verify.
AUDIT_CHAIN_KEY = env.str("AUDIT_CHAIN_KEY", default="")
if not AUDIT_CHAIN_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("AUDIT_CHAIN_KEY must be set when DEBUG is off.")
    AUDIT_CHAIN_KEY = "insecure-development-audit-chain-key-only-used-with-DEBUG-on"
AUDIT_CHAIN_KEY_ID = env.str("AUDIT_CHAIN_KEY_ID", default="k1")


def _is_key_id(key_id: str) -> bool:
    return 0 < len(key_id) <= 32 and all(c.isascii() and (c.isalnum() or c in "_.-") for c in key_id)


def _retired_chain_keys(entries: list[str]) -> dict[str, str]:
    keys = dict(entry.partition(":")[::2] for entry in entries)
    if len(keys) != len(entries) or AUDIT_CHAIN_KEY_ID in keys or not all(keys.values()):
        raise ImproperlyConfigured("AUDIT_CHAIN_OLD_KEYS: distinct id:key pairs, none of them the current id.")
    if not all(_is_key_id(key_id) for key_id in [AUDIT_CHAIN_KEY_ID, *keys]):
        raise ImproperlyConfigured("Audit chain key ids are 1 to 32 letters, digits, '_', '.' or '-'.")
    return keys


AUDIT_CHAIN_OLD_KEYS = _retired_chain_keys(env.list("AUDIT_CHAIN_OLD_KEYS", default=[]))
# Anchors of the chain head (one signed JSON line each) are appended to this file: keep it where
# the database's users cannot write, so it still shows a cut or rewritten chain.
AUDIT_ANCHOR_PATH = env.str("AUDIT_ANCHOR_PATH", default="")
if not AUDIT_ANCHOR_PATH:
    if not DEBUG:
        raise ImproperlyConfigured("AUDIT_ANCHOR_PATH must be set when DEBUG is off.")
    AUDIT_ANCHOR_PATH = str(BASE_DIR / "var" / "audit-anchors.log")
AUDIT_ANCHOR_PATH = Path(AUDIT_ANCHOR_PATH)

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "axes",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_filters",
    "pgtrigger",
    "pghistory",
    "knox",  # API tokens (hashed); core.tokens issues and checks them
    "django_tasks_db",  # the background tasks' queue (a long article's proposals); `manage.py db_worker` runs them
    "core",  # after knox: its admin module unregisters knox's token admin
    "audit",
    "claims",
    "reviews",
    "notifications",  # the workflow's emails, after commit (notifications.dispatch)
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",  # below whitenoise: static files skip it
    "config.request_guards.RequestGuardMiddleware",  # NUL and non-id selections: a 400, not a 500
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "audit.account_trail.RequestActorMiddleware",  # who changes an account, for the audit trail
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",  # last: turns a locked-out login into the lockout page
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
# Production connects as an application role that owns nothing (DATABASE_URL), so it cannot alter,
# truncate or disable the triggers of any table. Migrations, and the grants that follow them, run
# as the schema's owner: MIGRATE_DATABASE_URL, used by these commands of manage.py only.
OWNER_COMMANDS = ("migrate", "grant_app_role")
if env.str("MIGRATE_DATABASE_URL", default="") and sys.argv[1:2] and sys.argv[1] in OWNER_COMMANDS:
    DATABASES["default"] = env.db("MIGRATE_DATABASE_URL")
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # Writers take the lock when their transaction begins, so the audit chain's "read the last
    # hash, append the next" cannot interleave (PostgreSQL uses an advisory lock instead).
    DATABASES["default"].setdefault("OPTIONS", {})["transaction_mode"] = "IMMEDIATE"
    # ... and wait for it (the demo's worker stores a long article's proposals while reviewers log in
    # and decide: five seconds' wait gave "database is locked" to both, and stopped the worker's
    # loop); in WAL mode readers never wait for a writer.
    DATABASES["default"]["OPTIONS"].setdefault("timeout", 30)
    DATABASES["default"]["OPTIONS"].setdefault("init_command", "PRAGMA journal_mode=WAL;")
elif DATABASES["default"]["ENGINE"].endswith("postgresql") and env.bool("DATABASE_PREPARED_STATEMENTS", default=True):
    # Parameters bound by the server, so a query run a few times on a connection (the API's token,
    # page and detail lookups) is prepared once: planning them took longer than running them.
    # Off behind PgBouncer's transaction pooling, which cannot keep prepared statements.
    DATABASES["default"].setdefault("OPTIONS", {}).update(server_side_binding=True, prepare_threshold=2)
# Persistent connections: a new PostgreSQL connection per request costs more than the API's queries.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

# The content API's per-token throttle counts in this cache. Under several worker processes it has
# to be one they share (CACHE_URL=redis://...), or each worker grants a token its own budget; the
# default, in memory, suits one process (runserver, the tests).
CACHES = {"default": env.cache_url("CACHE_URL", default="locmemcache://")}
if CACHES["default"]["BACKEND"].endswith("RedisCache"):
    # A Redis that hangs must not hang the workers: the throttle then lets requests through.
    CACHES["default"].setdefault("OPTIONS", {}).update(socket_connect_timeout=0.5, socket_timeout=0.5)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Admin login brute-force protection (django-axes): after AXES_FAILURE_LIMIT failed logins for a
# username from one address, that pair is refused, even with the right password, for
# AXES_COOLOFF_MINUTES (counted from the last attempt). A successful login clears the count. The
# address is REMOTE_ADDR. The API's tokens never go through authenticate(), so they are not counted.
AUTHENTICATION_BACKENDS = [
    "config.login_lockout.LoginLockoutBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_ENABLED = True
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "config.login_lockout.lockout_response"

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(env.str("STATIC_ROOT", default=str(BASE_DIR / "staticfiles")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

# The remedies' risk tiers whose reviews are graded by two reviewers independently, blind to each
# other (reviews.dual_grading): comma-separated. High-risk remedies always are, whatever this says.
DUAL_GRADING_TIERS = tuple(dict.fromkeys(["high", *env.list("DUAL_GRADING_TIERS", default=["high"])]))
_risk_tiers = ("high", "moderate", "low")  # claims.models.RiskTier, which settings cannot import
if not set(DUAL_GRADING_TIERS) <= set(_risk_tiers):
    raise ImproperlyConfigured(f"DUAL_GRADING_TIERS: risk tiers among {', '.join(_risk_tiers)}, comma-separated.")

# Background tasks (Django's tasks framework) queue in the database; `manage.py db_worker` runs
# them. An article longer than INGEST_INLINE_CHARACTERS, or asking the proposer for more reading
# than INGEST_INLINE_WORK (claims.ingest.workload: characters read; `make bench-ingest` measures
# how many per second), or whose reading in the request outruns INGEST_INLINE_SECONDS all the
# same, is proposed there rather than in the request.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
INGEST_INLINE_CHARACTERS = env.int("INGEST_INLINE_CHARACTERS", default=200_000)
INGEST_INLINE_WORK = env.int("INGEST_INLINE_WORK", default=1_000_000)
INGEST_INLINE_SECONDS = env.float("INGEST_INLINE_SECONDS", default=10.0)
# A background run's page (claims.admin_articles) refreshes itself every PROPOSALS_REFRESH_SECONDS
# while its run is at work, and says so when no worker has taken the run after
# PROPOSER_UNCLAIMED_AFTER seconds; a running run whose worker has been silent for
# PROPOSER_STALLED_AFTER seconds (it says it is alive every 30) may be run again.
PROPOSALS_REFRESH_SECONDS = env.int("PROPOSALS_REFRESH_SECONDS", default=5)
PROPOSER_UNCLAIMED_AFTER = env.int("PROPOSER_UNCLAIMED_AFTER", default=60)
PROPOSER_STALLED_AFTER = env.int("PROPOSER_STALLED_AFTER", default=15 * 60)

# Email (notifications.dispatch: the workflow's emails, sent after the transition commits), as
# Django's one "default" mailer. With DEBUG on they are printed on the console unless EMAIL_BACKEND
# says otherwise; SMTP otherwise, configured by EMAIL_HOST and the variables below.
_smtp_backend = "django.core.mail.backends.smtp.EmailBackend"
_email_backend = env.str(
    "EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend" if DEBUG else _smtp_backend
)
MAILERS = {"default": {"BACKEND": _email_backend}}
if _email_backend == "django.core.mail.backends.filebased.EmailBackend":  # `make run` keeps the demo's here
    MAILERS["default"]["OPTIONS"] = {"file_path": env.str("EMAIL_FILE_PATH", default=str(BASE_DIR / "var" / "emails"))}
if _email_backend == _smtp_backend:
    MAILERS["default"]["OPTIONS"] = {
        "host": env.str("EMAIL_HOST", default="localhost"),
        "port": env.int("EMAIL_PORT", default=25),
        "username": env.str("EMAIL_HOST_USER", default=""),
        "password": env.str("EMAIL_HOST_PASSWORD", default=""),
        "use_tls": env.bool("EMAIL_USE_TLS", default=False),
        "use_ssl": env.bool("EMAIL_USE_SSL", default=False),
        # Seconds: the emails go out after the commit, in the request; a hanging server delays
        # the answer this long at most, and the email is recorded as failed.
        "timeout": env.int("EMAIL_TIMEOUT", default=10),
    }
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="remedy-review@localhost")
# Where the emails' links point (the admin's review pages).
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000" if DEBUG else "")

# The five source articles are third-party text kept outside the repository.
CORPUS_DIR = Path(env.str("CORPUS_DIR", default=str(BASE_DIR.parent / "shared" / "corpus")))
CATALOGUE_DIR = BASE_DIR / "claims" / "catalogue"

# Row-level history of reviewed data (PostgreSQL triggers): catches QuerySet.update() and
# bulk_create() that bypass the services. Its event tables refuse UPDATE and DELETE.
PGHISTORY_APPEND_ONLY = True

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "core.tokens.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": ["core.api.renderers.FastJSONRenderer"],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_THROTTLE_CLASSES": ["core.api.throttling.PerTokenRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {"token": env.str("API_THROTTLE_RATE", default="600/min")},
    "EXCEPTION_HANDLER": "core.api.errors.api_exception_handler",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
}
# API tokens (django-rest-knox, core/tokens.py): `Authorization: Token <token>`, stored as a SHA-512
# digest, valid until revoked (`manage.py issue_token USER --revoke`).
REST_KNOX = {"AUTH_HEADER_PREFIX": "Token", "TOKEN_TTL": None}

SPECTACULAR_SETTINGS = {
    "TITLE": "Remedy Claims Review — content API",
    "DESCRIPTION": "Read-only access to published, reviewed remedy claims. Authenticate with "
    "`Authorization: Token <token>`.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
    "SERVE_AUTHENTICATION": [],
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "core.api.schema.declare_error_responses",
    ],
    # Enums that share a field name ("kind", "severity") need names of their own in the schema.
    "ENUM_NAME_OVERRIDES": {
        "ClaimKindEnum": "claims.models.ClaimKind",
        "ContraindicationKindEnum": "reviews.models.ContraindicationKind",
        "ReferenceKindEnum": "reviews.models.ReferenceKind",
        "ContraindicationLevelEnum": "reviews.models.ContraindicationLevel",
        "DomainSeverityEnum": "reviews.models.Severity",
        "CertaintyEnum": "reviews.models.Certainty",  # the review's, and each published outcome's
    },
}

# Production hardening; `manage.py check --deploy` is clean with DEBUG off.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
# Content-Security-Policy on every answer (admin, Swagger UI, the API): scripts, styles, images and
# connections only from the service itself. No page of the project has inline script or style
# (Swagger UI's init script is a separate file: SpectacularSwaggerSplitView), so no nonce either.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],  # Swagger UI's and the admin's stylesheets draw icons as data: URIs
    "object-src": [CSP.NONE],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "django.server": {"()": "django.utils.log.ServerFormatter", "format": "[{server_time}] {message}", "style": "{"}
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        "django.server": {"class": "logging.StreamHandler", "formatter": "django.server"},
    },
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        # Django's own console handler (DEBUG only) would print its records a second time beside
        # root's. Naming "django" resets its children, so runserver's request lines are named again.
        "django": {"handlers": [], "level": "INFO", "propagate": True},
        "django.server": {"handlers": ["django.server"], "level": "INFO", "propagate": False},
    },
}
