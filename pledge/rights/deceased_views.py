"""The staff page that writes the reply to a request about someone who has died (P048); HANDLE_CASES only.

Details travel in the POST body only (never the URL) and are not stored: the page shows the letter and re-posts the
same fields to download it as a PDF.
"""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from pledge.core.permissions import require_permission
from pledge.core.roles import Permission
from pledge.rights.deceased_forms import DeceasedLetterForm
from pledge.rights.deceased_letter import (
    TITLE,
    deceased_letter_blocks,
    deceased_letter_pdf,
    record_deceased_letter,
)


@require_permission(Permission.HANDLE_CASES)
def deceased_letter(request: HttpRequest) -> HttpResponse:
    """GET: the form. POST: the letter to check, or (with ``download``) the PDF."""
    form = DeceasedLetterForm(request.POST if request.method == "POST" else None)
    if request.method != "POST" or not form.is_valid():
        return render(request, "rights/staff/deceased_letter.html", {"staff_section": "cases", "form": form})
    letter, today = form.letter(), timezone.localdate()
    if "download" in request.POST:
        record_deceased_letter(actor=request.user, downloaded=True)
        response = HttpResponse(deceased_letter_pdf(letter=letter, today=today), content_type="application/pdf")
        response["Content-Disposition"] = 'attachment; filename="reply-about-someone-who-has-died.pdf"'
        return response
    record_deceased_letter(actor=request.user, downloaded=False)
    context = {
        "staff_section": "cases",
        "form": form,
        "title": TITLE,
        "blocks": deceased_letter_blocks(letter=letter, today=today),
    }
    return render(request, "rights/staff/deceased_letter.html", context)
