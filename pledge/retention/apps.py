from django.apps import AppConfig


class RetentionConfig(AppConfig):
    name = "pledge.retention"
    label = "retention"
    verbose_name = "Retention and legal holds"
