"""Staff pages for packages: start a build and follow it (a link checks the progress again: no JavaScript, and
no automatic refresh, which WCAG 2.2.1 forbids), review marked passages, download the zip, add it to the response,
send a portability file to another organisation; a public one-time download for that organisation; copies of an
assessment (P047). URLs carry primary keys and signed one-time tokens only, never personal data."""

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from pledge.casework.models import Case
from pledge.core.permissions import require_permission
from pledge.core.roles import Permission
from pledge.discovery.sources import RecordKey
from pledge.fulfilment import package_copies, package_services, package_transfers
from pledge.fulfilment.package_forms import AssessmentCopyForm, PassageReviewForm, TransferForm
from pledge.fulfilment.package_models import (
    AccessPackage,
    AssessmentCopy,
    FlaggedPassage,
    PackageKind,
    PackageState,
    PassageDecision,
)

STAFF_SECTION = "cases"
ZIP = "application/zip"


def _package(pk: int, item: int) -> AccessPackage:
    return get_object_or_404(AccessPackage.objects.select_related("case"), pk=item, case_id=pk)


def _page(package: AccessPackage) -> str:
    return reverse("fulfilment:package", kwargs={"pk": package.case_id, "item": package.pk})


@require_POST
@require_permission(Permission.HANDLE_CASES)
def start_package(request: HttpRequest, pk: int) -> HttpResponse:
    case = get_object_or_404(Case, pk=pk)
    try:
        package = package_services.request_package(case=case, actor=request.user)
    except package_services.PackageError as error:
        messages.error(request, str(error))
        return redirect(reverse("cases:case", kwargs={"pk": case.pk}) + "#package")
    return redirect(_page(package))


def _render(request: HttpRequest, package: AccessPackage, **extra: Any) -> HttpResponse:
    can_handle = request.user.has_pledge_permission(Permission.HANDLE_CASES)  # type: ignore[union-attr]
    passages = list(package.passages.all())
    context = {
        "staff_section": STAFF_SECTION,
        "case": package.case,
        "package": package,
        "running": package.state in (PackageState.QUEUED, PackageState.BUILDING),
        "built": package.state == PackageState.BUILT,
        "portability": package.kind == PackageKind.PORTABILITY,
        "can_handle": can_handle,
        "passages": [{"item": p, "form": extra.get("forms", {}).get(p.pk) or PassageReviewForm()} for p in passages],
        "pending": sum(1 for p in passages if p.decision == PassageDecision.PENDING),
        "transfer_form": extra.get("transfer_form") or TransferForm(),
        "transfers": list(package.transfers.all()),
    }
    return render(request, "fulfilment/package/package.html", context, status=extra.get("status", 200))


@require_GET
@require_permission(Permission.VIEW_CASES)
def package_page(request: HttpRequest, pk: int, item: int) -> HttpResponse:
    return _render(request, _package(pk, item))


@require_GET
@require_permission(Permission.HANDLE_CASES)
def package_download(request: HttpRequest, pk: int, item: int) -> HttpResponse:
    package = _package(pk, item)
    if package.state != PackageState.BUILT:
        raise Http404("not built")
    body = package_services.export_package(package=package, actor=request.user)
    response = HttpResponse(body, content_type=ZIP)
    response["Content-Disposition"] = f'attachment; filename="{package.case.reference}-package-{package.pk}.zip"'
    return response


@require_POST
@require_permission(Permission.HANDLE_CASES)
def review_passage(request: HttpRequest, pk: int, item: int, passage: int) -> HttpResponse:
    package = _package(pk, item)
    found = get_object_or_404(FlaggedPassage, pk=passage, package=package)
    form = PassageReviewForm(request.POST)
    if form.is_valid():
        try:
            package_services.review_passage(
                passage=found,
                decision=form.cleaned_data["decision"],
                reason=form.cleaned_data["reason"],
                actor=request.user,
            )
        except package_services.PackageError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "Passage reviewed")
            return redirect(_page(package) + "#passages")
    return _render(request, package, forms={found.pk: form}, status=400)


@require_POST
@require_permission(Permission.HANDLE_CASES)
def add_package(request: HttpRequest, pk: int, item: int) -> HttpResponse:
    package = _package(pk, item)
    try:
        package_services.add_package_to_response(package=package, actor=request.user)
    except package_services.PackageError as error:
        messages.error(request, str(error))
        return redirect(_page(package))
    messages.success(request, "Package added to the response: release it from the case page")
    return redirect(reverse("cases:case", kwargs={"pk": package.case_id}))


@require_POST
@require_permission(Permission.HANDLE_CASES)
def send_transfer(request: HttpRequest, pk: int, item: int) -> HttpResponse:
    package = _package(pk, item)
    form = TransferForm(request.POST)
    if form.is_valid():
        try:
            package_transfers.record_transfer(
                package=package,
                organisation=form.cleaned_data["organisation"],
                email=form.cleaned_data["email"],
                named_on=form.cleaned_data["named_on"],
                actor=request.user,
            )
        except package_services.PackageError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "The link will be emailed to the organisation")
            return redirect(_page(package) + "#transfers")
    return _render(request, package, transfer_form=form, status=400)


@require_http_methods(["GET", "POST"])
def transfer_download(request: HttpRequest, token: str) -> HttpResponse:
    """The receiving organisation's one-time download. GET shows a button, so a mail scanner that follows the
    link does not use it up; POST downloads."""
    transfer = package_transfers.find_transfer(token)
    if transfer is None:
        return render(request, "fulfilment/package/transfer_gone.html", status=404)
    if request.method != "POST":
        return render(request, "fulfilment/package/transfer_download.html", {"transfer": transfer})
    try:
        body = package_transfers.take_transfer(transfer=transfer)
    except package_services.PackageError:
        return render(request, "fulfilment/package/transfer_gone.html", status=404)
    response = HttpResponse(body, content_type=ZIP)
    response["Content-Disposition"] = f'attachment; filename="portability-{transfer.package.case.reference}.zip"'
    return response


@require_http_methods(["GET", "POST"])
@require_permission(Permission.HANDLE_CASES)
def assessment_copy(request: HttpRequest) -> HttpResponse:
    form = AssessmentCopyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            copy = package_copies.give_assessment_copy(
                ref=RecordKey.parse(form.cleaned_data["record"]),
                person_name=form.cleaned_data["person_name"],
                how=form.cleaned_data["how"],
                actor=request.user,
            )
        except package_services.PackageError as error:
            form.add_error("record", str(error))
        else:
            messages.success(request, "Copy made and logged: download it to print or hand over")
            return redirect(reverse("fulfilment:assessment_copies") + f"#copy-{copy.pk}")
    copies = AssessmentCopy.objects.select_related("given_by")[:50]
    status = 400 if form.errors else 200
    context = {"staff_section": STAFF_SECTION, "form": form, "copies": copies}
    return render(request, "fulfilment/package/assessment_copy.html", context, status=status)


@require_GET
@require_permission(Permission.HANDLE_CASES)
def assessment_copy_file(request: HttpRequest, item: int) -> HttpResponse:
    copy = get_object_or_404(AssessmentCopy, pk=item)
    response = HttpResponse(package_copies.copy_file(copy=copy, actor=request.user), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="assessment-copy-{copy.pk}.pdf"'
    return response
