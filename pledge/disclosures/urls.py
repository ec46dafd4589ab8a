from django.urls import path

from pledge.disclosures import views

app_name = "disclosures"

urlpatterns = [
    path("", views.log, name="log"),
    path("new/", views.new, name="new"),
    path("recipients/", views.recipients, name="recipients"),
    path("activities/", views.activities, name="activities"),
    path("activities/<slug:slug>/external-sharing/", views.activity_sharing, name="activity_sharing"),
    path("recipients/<slug:slug>/checks/", views.checks, name="checks"),
    path("<str:reference>/", views.detail, name="detail"),
    path("<str:reference>/approve/", views.approve, name="approve"),
    path("<str:reference>/refuse/", views.refuse, name="refuse"),
    path("<str:reference>/amend/", views.amend, name="amend"),
    path("<str:reference>/tell/", views.tell, name="tell"),
    path("<str:reference>/letter.txt", views.letter, name="letter"),
    path("<str:reference>/order/", views.order, name="order"),
]
