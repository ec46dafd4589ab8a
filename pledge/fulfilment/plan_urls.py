"""The plan page of a case and its actions, mounted at /staff/ beside fulfilment's other routes."""

from django.urls import path

from pledge.fulfilment import plan_views

app_name = "plans"

CASE = "cases/<int:pk>/fulfilment/plan/"

urlpatterns = [
    path(CASE, plan_views.plan_page, name="plan"),
    path(f"{CASE}dry-run/", plan_views.make_dry_run, name="dry_run"),
    path(f"{CASE}<int:plan>/execute/", plan_views.execute, name="execute"),
    path(f"{CASE}tasks/<int:task>/done/", plan_views.task_done, name="task_done"),
]
