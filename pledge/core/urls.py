from django.urls import path

from pledge.core import views

app_name = "core"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("sign-in/", views.sign_in, name="login"),
    path("sign-out/", views.sign_out, name="logout"),
    path("signed-out/", views.signed_out, name="signed_out"),
    path("audit/", views.audit_log, name="audit_log"),
    path("governance/", views.governance, name="governance"),
]
