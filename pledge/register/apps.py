from django.apps import AppConfig


class RegisterConfig(AppConfig):
    name = "pledge.register"
    label = "register"
    verbose_name = "Register of processing"
