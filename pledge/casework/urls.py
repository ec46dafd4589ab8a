from django.urls import path

from pledge.casework import views

app_name = "cases"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("new/", views.log_request, name="new"),
    path("<int:pk>/", views.case_detail, name="case"),
    path("<int:pk>/<slug:action>/", views.case_action, name="action"),
    path("<int:pk>/letters/<slug:kind>/", views.case_letter, name="letter"),
]
