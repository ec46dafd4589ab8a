"""Django settings for Pledge.

Everything secret or deployment-specific comes from the environment; the defaults run the demo on an
embedded SQLite database with no set-up.
"""

import os
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent


def env_flag(name: str, default: bool) -> bool:
    """Read a boolean environment variable ("1", "true", "yes" are true)."""
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


DEBUG = env_flag("PLEDGE_DEBUG", True)
SECRET_KEY = os.environ.get("PLEDGE_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise RuntimeError("PLEDGE_SECRET_KEY must be set when PLEDGE_DEBUG is off")
    SECRET_KEY = "insecure-development-key-only-for-the-demo"  # noqa: S105 - demo only, refused in production

ALLOWED_HOSTS = [h for h in os.environ.get("PLEDGE_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if h]
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("PLEDGE_CSRF_TRUSTED_ORIGINS", "").split(",") if o]

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_tasks",
    "django_tasks_db",
    "pledge.core",
    "pledge.frontend",
    "pledge.register",
    "pledge.notices",
    "pledge.site",
    "pledge.calendars",
    "pledge.casework",
    "pledge.rights",
    "pledge.fulfilment",
    "pledge.discovery",
    "pledge.stats",
    "pledge.dpia",
    "pledge.sharing",
    "pledge.retention",
    "pledge.breaches",
    "pledge.consent",
    "pledge.newsletters",
    "pledge.cookies",
    "pledge.disclosures",
    "pledge.redaction",
    "pledge.complaints",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Outside the session middleware, so it sees (and keeps browser-only) the session cookie that middleware sets.
    "pledge.core.sessions.BrowserSessionCookieMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "pledge.urls"
CSRF_FAILURE_VIEW = "pledge.core.views.csrf_failure"
WSGI_APPLICATION = "pledge.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "pledge.core.context_processors.council",
                "pledge.core.context_processors.staff_permissions",
            ],
        },
    }
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'var' / 'pledge.sqlite3'}",
        conn_max_age=int(os.environ.get("PLEDGE_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    # WAL lets the web server read while the background worker writes.
    DATABASES["default"].setdefault("OPTIONS", {})["init_command"] = "PRAGMA journal_mode=WAL;"
    DATABASES["default"]["OPTIONS"]["transaction_mode"] = "IMMEDIATE"

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "core.User"
LOGIN_URL = "core:login"
LOGIN_REDIRECT_URL = "core:dashboard"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

# Seed promise: a login session lasts 2 days, or 2 weeks with "remember me", and logout removes it.
PLEDGE_SESSION_SECONDS = int(os.environ.get("PLEDGE_SESSION_SECONDS", str(2 * 24 * 3600)))
PLEDGE_REMEMBER_ME_SECONDS = int(os.environ.get("PLEDGE_REMEMBER_ME_SECONDS", str(14 * 24 * 3600)))
SESSION_COOKIE_AGE = PLEDGE_REMEMBER_ME_SECONDS
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_NAME = "pledge_session"
CSRF_COOKIE_NAME = "pledge_csrftoken"

SECURE = not DEBUG and env_flag("PLEDGE_HTTPS", True)
SESSION_COOKIE_SECURE = SECURE
CSRF_COOKIE_SECURE = SECURE
SECURE_SSL_REDIRECT = SECURE
SECURE_HSTS_SECONDS = 31536000 if SECURE else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE
SECURE_HSTS_PRELOAD = SECURE and env_flag("PLEDGE_HSTS_PRELOAD", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if SECURE else None
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "var" / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # WhiteNoise expects it even before collectstatic
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
MEDIA_ROOT = BASE_DIR / "var" / "media"
# Case attachments, ID evidence and released responses: outside the web root, served only through staff or
# portal views that check permission and write an audit row.
PLEDGE_PRIVATE_ROOT = Path(os.environ.get("PLEDGE_PRIVATE_ROOT", str(BASE_DIR / "var" / "private")))
# Those files are encrypted at rest: comma-separated keys (the first encrypts), made with
# `pledge shell -c "from pledge.core.encryption import new_file_key; print(new_file_key())"`. Unset, a key is
# derived from PLEDGE_SECRET_KEY, which then must never change.
PLEDGE_FILE_KEYS = os.environ.get("PLEDGE_FILE_KEYS", "")

# The council's Freedom of Information page, offered for requests the data protection rights do not cover (such as
# records of someone who has died). Blank: residents are pointed to the DPO's contact details instead.
PLEDGE_FOI_URL = os.environ.get("PLEDGE_FOI_URL", "")

# A resident's answers while making a rights request online are kept this long after their last answer.
PLEDGE_REQUEST_JOURNEY_SECONDS = int(os.environ.get("PLEDGE_REQUEST_JOURNEY_SECONDS", "3600"))

# Staff data-protection training lapses after this many days (promise P130).
PLEDGE_TRAINING_VALID_DAYS = int(os.environ.get("PLEDGE_TRAINING_VALID_DAYS", "365"))

# Rights-request cases: the assignee is reminded this many working days before the due date (and when overdue).
PLEDGE_CASE_REMINDER_WORKING_DAYS = int(os.environ.get("PLEDGE_CASE_REMINDER_WORKING_DAYS", "5"))

# CCTV requests: footage is flagged at risk this many days before the recorder overwrites it (promise P041).
PLEDGE_FOOTAGE_WARNING_DAYS = int(os.environ.get("PLEDGE_FOOTAGE_WARNING_DAYS", "7"))

# Copies of ID and authority evidence are deleted this many days after the check they supported was recorded.
# The period is the council's choice (UK GDPR Art 5(1)(c) and (e): keep no more, and no longer, than needed).
PLEDGE_ID_EVIDENCE_DAYS = int(os.environ.get("PLEDGE_ID_EVIDENCE_DAYS", "30"))

# Uploads: the notice audit takes documents of at most this size.
PLEDGE_MAX_UPLOAD_BYTES = int(os.environ.get("PLEDGE_MAX_UPLOAD_BYTES", str(5 * 1024 * 1024)))
DATA_UPLOAD_MAX_MEMORY_SIZE = PLEDGE_MAX_UPLOAD_BYTES + 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = PLEDGE_MAX_UPLOAD_BYTES
# A malware scanner run on every file residents upload through the requester portal, with {path} for the file, e.g.
# "clamdscan --no-summary --fdpass {path}": exit code 0 is clean, 1 infected. Empty: kept as "not scanned".
PLEDGE_MALWARE_SCAN_COMMAND = os.environ.get("PLEDGE_MALWARE_SCAN_COMMAND", "")

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# The requester portal (pledge.rights): emailed one-time links last this long, and the portal session they open.
PLEDGE_PORTAL_LINK_MINUTES = int(os.environ.get("PLEDGE_PORTAL_LINK_MINUTES", "30"))
PLEDGE_PORTAL_SESSION_MINUTES = int(os.environ.get("PLEDGE_PORTAL_SESSION_MINUTES", "60"))
# Council policy: a released response stays downloadable for this many days, then the requester asks again.
PLEDGE_PORTAL_RELEASE_DAYS = int(os.environ.get("PLEDGE_PORTAL_RELEASE_DAYS", "28"))
# CCTV footage released as MP4 may be larger than other uploads.
PLEDGE_MAX_VIDEO_UPLOAD_BYTES = int(os.environ.get("PLEDGE_MAX_VIDEO_UPLOAD_BYTES", str(500 * 1024 * 1024)))

EMAIL_BACKEND = os.environ.get("PLEDGE_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("PLEDGE_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("PLEDGE_EMAIL_PORT", "25"))
# The register activity that Pledge's own "contact the DPO" form collects under (its collection notice, P027).
PLEDGE_CONTACT_ACTIVITY = os.environ.get("PLEDGE_CONTACT_ACTIVITY", "dpo-enquiries")

# The public address of this installation, for links in emails.
PLEDGE_SITE_URL = os.environ.get("PLEDGE_SITE_URL", "http://127.0.0.1:8000")
DEFAULT_FROM_EMAIL = os.environ.get("PLEDGE_FROM_EMAIL", "privacy@anyshire.example")

# The council this installation serves: name, logo and colour on every page (no crown, crest or GOV.UK font).
PLEDGE_COUNCIL = {
    "name": os.environ.get("PLEDGE_COUNCIL_NAME", "Anyshire Council"),
    "short_name": os.environ.get("PLEDGE_COUNCIL_SHORT_NAME", "Anyshire"),
    "colour": os.environ.get("PLEDGE_COUNCIL_COLOUR", "#00594f"),
    "logo": os.environ.get("PLEDGE_COUNCIL_LOGO", "frontend/images/anyshire-logo.svg"),
}

# Law that is data, not code: the UK adequacy list and the ICO's contact details.
PLEDGE_LAW_DIR = Path(os.environ.get("PLEDGE_LAW_DIR", str(BASE_DIR / "pledge" / "law" / "data")))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("PLEDGE_LOG_LEVEL", "INFO")},
    # Request logs name paths only; Pledge never puts personal data in a URL.
    "loggers": {"django.request": {"level": "WARNING"}},
}

# Discovery (issue 5): the YAML file configuring the connected systems, and where the identity index is kept.
# The index is derived data, rebuilt from the systems by `pledge identity index`, so it lives beside the private
# files, not in the database. `make run` generates a small fictional Anyshire estate under var/estate.
PLEDGE_SYSTEMS = Path(os.environ.get("PLEDGE_SYSTEMS", str(BASE_DIR / "var" / "estate" / "systems.yaml")))
PLEDGE_IDENTITY_INDEX = Path(os.environ.get("PLEDGE_IDENTITY_INDEX", str(BASE_DIR / "var" / "identity-index")))

# Anonymised statistics: counts below this are hidden (ONS and council practice: "fewer than 5"); configuration.
PLEDGE_STATS_THRESHOLD = int(os.environ.get("PLEDGE_STATS_THRESHOLD", "5"))

# Sharing agreements due for review within this many days are flagged and in the review reminder (council policy).
PLEDGE_AGREEMENT_REVIEW_WARNING_DAYS = int(os.environ.get("PLEDGE_AGREEMENT_REVIEW_WARNING_DAYS", "60"))

# The newsletter offered as an unticked, separate sign-up on service forms (P078); it must be an active list's slug.
PLEDGE_SIGNUP_NEWSLETTER = os.environ.get("PLEDGE_SIGNUP_NEWSLETTER", "whats-on")

# An urgent disclosure made before approval must be approved within this many hours (P109; council policy).
PLEDGE_DISCLOSURE_RETROSPECTIVE_HOURS = int(os.environ.get("PLEDGE_DISCLOSURE_RETROSPECTIVE_HOURS", "72"))
