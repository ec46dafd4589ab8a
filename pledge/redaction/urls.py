from django.urls import path

from pledge.redaction import views

app_name = "redaction"

urlpatterns = [
    path("", views.review_index, name="index"),
    path("<int:pk>/", views.review_document, name="document"),
    path("<int:pk>/redactions/<int:redaction_pk>/", views.decide, name="decide"),
    path("<int:pk>/add/", views.add, name="add"),
    path("<int:pk>/approve/", views.approve, name="approve"),
    path("<int:pk>/release.pdf", views.release, name="release"),
]
