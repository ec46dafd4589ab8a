"""The cookie register (every cookie and storage item, PECR reg 6 and Sch A1) and the consent log (UK GDPR Art 7(1))."""

from django.db import models

from pledge.cookies.rules import Exemption


class CookieCategory(models.TextChoices):
    STRICTLY_NECESSARY = "strictly_necessary", "Strictly necessary"
    SECURITY = "security", "Security"
    FUNCTIONALITY = "functionality", "Functionality"
    ANALYTICS = "analytics", "Analytics"
    EMBEDDED = "embedded", "Embedded content"


class PecrExemption(models.TextChoices):
    NONE = Exemption.NONE.value, "None: needs consent"
    COMMUNICATION = Exemption.COMMUNICATION.value, "Communication (Sch A1)"
    STRICTLY_NECESSARY = Exemption.STRICTLY_NECESSARY.value, "Strictly necessary, including security (Sch A1)"
    DUAA_STATISTICAL = Exemption.DUAA_STATISTICAL.value, "Statistical purposes, with an opt-out (DUAA 2025)"
    DUAA_APPEARANCE = Exemption.DUAA_APPEARANCE.value, "Appearance or functionality, with an opt-out (DUAA 2025)"
    DUAA_EMERGENCY = Exemption.DUAA_EMERGENCY.value, "Emergency assistance (DUAA 2025)"


class StorageKind(models.TextChoices):
    COOKIE = "cookie", "Cookie"
    LOCAL_STORAGE = "local_storage", "Local storage"
    SESSION_STORAGE = "session_storage", "Session storage"


class ConsentSource(models.TextChoices):
    BANNER = "banner", "Cookie banner"
    COOKIES_PAGE = "cookies_page", "Cookies page"
    EMBED_PLACEHOLDER = "embed_placeholder", "Embedded content placeholder"
    OTHER_WEBSITE = "other_website", "Banner on another council website"


class RegisterVersion(models.Model):
    """One row per version of the register; a new row whenever a purpose that needs consent changes."""

    number = models.PositiveIntegerField(unique=True)
    reason = models.CharField(max_length=300)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-number"]

    def __str__(self) -> str:
        return f"version {self.number}"


class CookieItem(models.Model):
    """One cookie or storage item: who sets it, why, how long it lasts and which exception (if any) covers it."""

    name = models.CharField(max_length=120, help_text="Exact name, or the start of the name when it varies")
    name_is_prefix = models.BooleanField(default=False)
    kind = models.CharField(max_length=20, choices=StorageKind.choices, default=StorageKind.COOKIE)
    provider = models.CharField(max_length=120)
    privacy_url = models.URLField(blank=True)
    category = models.CharField(max_length=30, choices=CookieCategory.choices)
    purpose = models.TextField()
    lifetime_seconds = models.PositiveIntegerField(null=True, blank=True, help_text="Empty: until the browser closes")
    lifetime_note = models.CharField(max_length=300, blank=True)
    exemption = models.CharField(max_length=30, choices=PecrExemption.choices, default=PecrExemption.NONE)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["category", "name"]
        constraints = [models.UniqueConstraint(fields=["name", "kind"], name="cookie_item_unique_name")]

    def __str__(self) -> str:
        return self.name

    def matches(self, name: str) -> bool:
        return name.startswith(self.name) if self.name_is_prefix else name == self.name


class ConsentRecord(models.Model):
    """Proof of one choice (Art 7(1)): a random id from the preference cookie, the answers, the version and time.

    Nothing else about the visitor is kept: no IP address, no user agent, no account.
    """

    consent_id = models.CharField(max_length=40, db_index=True)
    answers = models.JSONField()
    register_version = models.PositiveIntegerField()
    source = models.CharField(max_length=30, choices=ConsentSource.choices)
    recorded_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-recorded_at", "-pk"]
