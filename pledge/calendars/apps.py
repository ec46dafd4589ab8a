from django.apps import AppConfig


class CalendarsConfig(AppConfig):
    name = "pledge.calendars"
    label = "calendars"
    verbose_name = "Bank-holiday calendars"
