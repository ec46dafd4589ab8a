from django.urls import path

from pledge.sharing import views

app_name = "sharing"

urlpatterns = [
    path("", views.agreement_index, name="index"),
    path("<slug:slug>/", views.agreement_detail, name="agreement"),
]
