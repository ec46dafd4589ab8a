from django.urls import path

from pledge.casework import letter_views, metrics_views, views
from pledge.casework.footage_urls import footage_patterns
from pledge.casework.record_urls import record_patterns

app_name = "cases"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("new/", views.log_request, name="new"),
    path("metrics/", metrics_views.metrics, name="metrics"),
    path("metrics/figures.csv", metrics_views.metrics_figures_csv, name="metrics_figures_csv"),
    path("metrics/cases.csv", metrics_views.metrics_cases_csv, name="metrics_cases_csv"),
    path("<int:pk>/", views.case_detail, name="case"),
    # Before the action route, which would otherwise take "scope" for an action's name.
    path("<int:pk>/scope/", letter_views.case_scope, name="scope"),
    path("<int:pk>/letters/response/", letter_views.response_letter, name="response_letter"),
    path("<int:pk>/letters/<slug:kind>/send/", letter_views.send_letter, name="send_letter"),
    path("<int:pk>/issued-letters/<int:letter_pk>/", letter_views.issued_letter, name="issued_letter"),
    path("<int:pk>/<slug:action>/", views.case_action, name="action"),
    path("<int:pk>/letters/<slug:kind>/", views.case_letter, name="letter"),
]
urlpatterns += record_patterns  # attachments, evidence, notes, search tasks (pledge/casework/record_urls.py)
urlpatterns += footage_patterns  # CCTV footage scope, retrieval and third parties (pledge/casework/footage_urls.py)
