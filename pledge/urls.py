"""Root URLs: the public site and notices, staff pages under /staff/, the JSON API under /api/v1/."""

from django.urls import include, path

from pledge.api.router import api

urlpatterns = [
    path("", include("pledge.site.urls")),
    path("", include("pledge.notices.urls")),
    path("your-rights/", include("pledge.rights.urls")),
    path("staff/", include("pledge.core.urls")),
    path("staff/register/", include("pledge.register.urls")),
    path("staff/dpia/", include("pledge.dpia.urls")),
    path("staff/sharing/", include("pledge.sharing.urls")),
    # Before casework: its <pk>/<action>/ pattern would otherwise take <pk>/release/.
    path("staff/cases/", include("pledge.rights.staff_urls")),
    path("staff/cases/", include("pledge.discovery.urls")),
    path("staff/cases/", include("pledge.casework.urls")),
    path("staff/breaches/", include("pledge.breaches.urls")),
    path("staff/retention/", include("pledge.retention.urls")),
    path("staff/redaction/", include("pledge.redaction.urls")),
    path("staff/disclosures/", include("pledge.disclosures.urls")),
    # Each of these serves public pages (sign-up, preferences, the cookie banner) and staff pages under /staff/.
    path("", include("pledge.consent.urls")),
    path("", include("pledge.newsletters.urls")),
    path("", include("pledge.cookies.urls")),
    path("staff/", include("pledge.fulfilment.urls")),
    path("portability/", include("pledge.fulfilment.public_urls")),
    path("staff/", include("pledge.fulfilment.plan_urls")),
    path("", include("pledge.complaints.urls")),  # /complain/ for the public, /staff/complaints/ for staff
    path("api/v1/", api.urls),
]
