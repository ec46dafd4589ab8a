from django.apps import AppConfig


class NewslettersConfig(AppConfig):
    name = "pledge.newsletters"
    label = "newsletters"
    verbose_name = "Newsletters and email subscriptions"
