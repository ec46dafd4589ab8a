from django.urls import path

from pledge.dpia import views

app_name = "dpia"

urlpatterns = [
    path("", views.dpia_index, name="index"),
    path("screen/<slug:slug>/", views.screen_activity, name="screen"),
    path("new/<slug:slug>/", views.new_dpia, name="new"),
    path("<str:reference>/", views.dpia_detail, name="dpia"),
    path("<str:reference>/sign-off/", views.sign_off, name="sign_off"),
    path("<str:reference>/<str:step>/", views.dpia_step, name="step"),
]
