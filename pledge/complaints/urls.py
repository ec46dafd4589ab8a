from django.urls import path

from pledge.complaints import views

app_name = "complaints"

urlpatterns = [
    path("complain/", views.complain, name="complain"),
    path("complain/sent/", views.complaint_sent, name="sent"),
    path("staff/complaints/", views.complaint_index, name="index"),
    path("staff/complaints/new/", views.new_complaint, name="new"),
    path("staff/complaints/<int:pk>/", views.complaint_detail, name="complaint"),
    path("staff/complaints/<int:pk>/<slug:action>/", views.complaint_action, name="action"),
]
