"""The bank-holiday feeds a council has loaded; the newest one is in force (spec §1.1 R1.4)."""

from django.db import models
from django.utils import timezone


class LoadedCalendar(models.Model):
    """One load of a gov.uk ``bank-holidays.json`` feed, kept byte for byte so the sha256 can be checked."""

    raw_json = models.TextField()
    source = models.CharField(max_length=255)
    sha256 = models.CharField(max_length=64)
    loaded_at = models.DateTimeField(default=timezone.now, db_index=True)
    loaded_by = models.CharField(max_length=150)

    class Meta:
        ordering = ["-loaded_at", "-id"]
        get_latest_by = ["loaded_at", "id"]

    def __str__(self) -> str:
        return f"{self.source} ({self.sha256[:12]}), loaded {self.loaded_at:%Y-%m-%d %H:%M} by {self.loaded_by}"
