"""The public site's pages. Included at the root of pledge/urls.py."""

from django.urls import path

from pledge.site import staff_views, views

app_name = "site"

urlpatterns = [
    path("", views.home, name="home"),
    path("accessibility/", views.accessibility, name="accessibility"),
    path("how-to-complain/", views.how_to_complain, name="how_to_complain"),
    path("contact-the-dpo/", views.contact_dpo, name="contact_dpo"),
    path("contact-the-dpo/sent/", views.contact_dpo_sent, name="contact_dpo_sent"),
    path("brand.css", views.brand_css, name="brand_css"),
    path("staff/enquiries/", staff_views.enquiry_index, name="staff_enquiries"),
    path("staff/enquiries/<int:pk>/", staff_views.enquiry_detail, name="staff_enquiry"),
    path("staff/enquiries/<int:pk>/status/", staff_views.enquiry_status, name="staff_enquiry_status"),
]
