"""Staff pages under /staff/newsletters/ (MANAGE_NEWSLETTERS): the lists, writing and previewing an issue, sending
it, and the send's progress. The send page shows counts from the database; refreshing the page updates them, so it
needs no JavaScript."""

from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from pledge.core.permissions import require_permission
from pledge.core.roles import Permission
from pledge.newsletters import lists
from pledge.newsletters.emails import body_html
from pledge.newsletters.forms import IssueForm, ListForm
from pledge.newsletters.models import Issue, NewsletterList, Send, SubscriptionState
from pledge.newsletters.views import show_problems

SECTION = "newsletters"


@require_permission(Permission.MANAGE_NEWSLETTERS)
def index(request: HttpRequest) -> HttpResponse:
    """Every list with its confirmed subscribers, and the latest issues with their send state."""
    confirmed = Q(memberships__state=SubscriptionState.CONFIRMED)
    newsletters = NewsletterList.objects.annotate(subscribers=Count("memberships", filter=confirmed))
    issues = Issue.objects.select_related("newsletter", "send")[:50]
    context = {"staff_section": SECTION, "newsletters": newsletters, "issues": issues}
    return render(request, "newsletters/staff/index.html", context)


@require_permission(Permission.MANAGE_NEWSLETTERS)
def new_list(request: HttpRequest) -> HttpResponse:
    form = ListForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            lists.create_list(actor=request.user, **form.cleaned_data)
        except lists.NewsletterInvalid as invalid:
            show_problems(form, invalid)
        else:
            return redirect("newsletters:staff_index")
    return render(request, "newsletters/staff/list_form.html", {"staff_section": SECTION, "form": form})


@require_permission(Permission.MANAGE_NEWSLETTERS)
def new_issue(request: HttpRequest) -> HttpResponse:
    form = IssueForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            issue = lists.write_issue(actor=request.user, **form.cleaned_data)
        except lists.NewsletterInvalid as invalid:
            show_problems(form, invalid)
        else:
            return redirect("newsletters:issue", pk=issue.pk)
    return render(request, "newsletters/staff/issue_form.html", {"staff_section": SECTION, "form": form})


@require_permission(Permission.MANAGE_NEWSLETTERS)
def issue(request: HttpRequest, pk: int) -> HttpResponse:
    """The preview, as subscribers will see it, with how many it would go to and the send button."""
    found = get_object_or_404(Issue.objects.select_related("newsletter"), pk=pk)
    context = {
        "staff_section": SECTION,
        "issue": found,
        "body_html": body_html(found.body),
        "recipients": lists.recipients_of(found.newsletter).count(),
        "send": Send.objects.filter(issue=found).first(),
        "problem": "",
    }
    return render(request, "newsletters/staff/issue.html", context)


@require_POST
@require_permission(Permission.MANAGE_NEWSLETTERS)
def send_issue(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_object_or_404(Issue.objects.select_related("newsletter"), pk=pk)
    try:
        send = lists.start_send(issue=found, actor=request.user)
    except lists.NewsletterInvalid as invalid:
        context = {
            "staff_section": SECTION,
            "issue": found,
            "body_html": body_html(found.body),
            "recipients": lists.recipients_of(found.newsletter).count(),
            "send": None,
            "problem": invalid.problems.get("issue", str(invalid)),
        }
        return render(request, "newsletters/staff/issue.html", context, status=400)
    return redirect("newsletters:send", pk=send.pk)


@require_permission(Permission.MANAGE_NEWSLETTERS)
def send(request: HttpRequest, pk: int) -> HttpResponse:
    """Progress of a send: counts, percentage and state; refresh the page to update it."""
    found = get_object_or_404(Send.objects.select_related("issue__newsletter"), pk=pk)
    return render(request, "newsletters/staff/send.html", {"staff_section": SECTION, "send": found})
