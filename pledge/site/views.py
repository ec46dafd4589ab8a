"""The public site: what the council does with personal data, and how to ask or complain about it."""

from datetime import date
from urllib.parse import urlencode

from django.conf import settings
from django.core import signing
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.html import format_html
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET, require_http_methods

from pledge.consent.signup import ask_to_confirm_newsletter, newsletter_offer
from pledge.notices.collection import collection_notice
from pledge.site.brand import safe_brand_colour
from pledge.site.contacts import dpo_contact
from pledge.site.deadlines import DEFAULT_RESPONSE_DAYS
from pledge.site.forms import ContactDpoForm, reference_from_query
from pledge.site.ico import information_commissioner
from pledge.site.models import DpoEnquiry
from pledge.site.services import receive_enquiry

# The confirmation page link carries the enquiry id, signed, so it needs no session cookie and
# nobody can step through other people's confirmations.
CONFIRMATION_SALT = "pledge.site.enquiry-confirmation"
CONFIRMATION_MAX_AGE_SECONDS = 24 * 3600

# The accessibility regulations require these dates on the statement; update them when it is reviewed.
STATEMENT_PREPARED = date(2026, 11, 24)
STATEMENT_REVIEWED = date(2026, 11, 24)
STATEMENT_TESTED = date(2026, 11, 24)


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "site/home.html", {"dpo": dpo_contact()})


@require_GET
def accessibility(request: HttpRequest) -> HttpResponse:
    context = {
        "dpo": dpo_contact(),
        "statement_prepared": STATEMENT_PREPARED,
        "statement_reviewed": STATEMENT_REVIEWED,
        "statement_tested": STATEMENT_TESTED,
    }
    return render(request, "site/accessibility.html", context)


@require_GET
def how_to_complain(request: HttpRequest) -> HttpResponse:
    """The complaints route (DPA 2018 s.164A(2)): the online form, other ways in, and then the ICO (promise P124)."""
    from pledge.casework.complaint_clock import acknowledgement_days  # the configured s.164A(3) period

    context = {"dpo": dpo_contact(), "ico": information_commissioner(), "acknowledgement_days": acknowledgement_days()}
    return render(request, "site/how_to_complain.html", context)


@require_http_methods(["GET", "POST"])
def contact_dpo(request: HttpRequest) -> HttpResponse:
    offer = newsletter_offer()
    if request.method == "POST":
        form = ContactDpoForm(request.POST, newsletter_offer=offer)
        if form.is_valid():
            shown = collection_notice(settings.PLEDGE_CONTACT_ACTIVITY)
            enquiry = receive_enquiry(**form.enquiry_data(), notice_version=shown.version if shown else None)
            if offer is not None and form.wants_newsletter():
                # P078: only the confirmation email is queued; no consent is recorded until the person confirms.
                ask_to_confirm_newsletter(email=form.cleaned_data["email"], offer=offer, actor="contact-the-DPO form")
            token = signing.dumps(enquiry.pk, salt=CONFIRMATION_SALT)
            return redirect(f"{reverse('site:contact_dpo_sent')}?{urlencode({'enquiry': token})}")
    else:
        form = ContactDpoForm(initial={"about": reference_from_query(request.GET.get("about"))}, newsletter_offer=offer)
    response_days = getattr(settings, "PLEDGE_ENQUIRY_RESPONSE_DAYS", DEFAULT_RESPONSE_DAYS)
    return render(
        request,
        "site/contact_dpo.html",
        {
            "form": form,
            "dpo": dpo_contact(),
            "response_days": response_days,
            "collection_activity": settings.PLEDGE_CONTACT_ACTIVITY,
        },
    )


@require_GET
def contact_dpo_sent(request: HttpRequest) -> HttpResponse:
    try:
        enquiry_id = signing.loads(
            request.GET.get("enquiry", ""), salt=CONFIRMATION_SALT, max_age=CONFIRMATION_MAX_AGE_SECONDS
        )
    except signing.BadSignature:
        return redirect("site:contact_dpo")
    enquiry = DpoEnquiry.objects.filter(pk=enquiry_id).first()
    if enquiry is None:
        raise Http404("No such enquiry")
    panel_html = format_html("Your reference number<br><strong>{}</strong>", enquiry.reference)
    return render(request, "site/contact_dpo_sent.html", {"enquiry": enquiry, "panel_html": panel_html})


@require_GET
@cache_control(public=True, max_age=3600)
def brand_css(request: HttpRequest) -> HttpResponse:
    """The council's colour as CSS custom properties, so templates never need an inline style."""
    colour = safe_brand_colour(settings.PLEDGE_COUNCIL.get("colour", ""))
    css = f":root{{--govuk-brand-colour:{colour}}}\n.govuk-generic-header{{background-color:{colour}}}\n"
    return HttpResponse(css, content_type="text/css; charset=utf-8")
