from django.apps import AppConfig


class StatsConfig(AppConfig):
    name = "pledge.stats"
    label = "stats"
    verbose_name = "Statistics"
