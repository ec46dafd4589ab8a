"""Staff pages for the council's annual figures on rights requests: the metrics page and its two CSV downloads.

The period travels in the query string (a kind of period and a year or two dates), never anything personal.
"""

import csv
from collections.abc import Iterable
from io import StringIO
from typing import Any
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from pledge.casework.metrics import (
    case_csv_rows,
    figures_csv_rows,
    headline_rows,
    period_figures,
    record_metrics_exported,
    sections,
)
from pledge.casework.metrics_forms import MetricsPeriodForm, default_period
from pledge.core.permissions import require_permission
from pledge.core.roles import Permission
from pledge.law.reporting import Period, PeriodKind


def _chosen(request: HttpRequest) -> tuple[MetricsPeriodForm, Period | None, str]:
    """The form, the period it asks for (None when the input is wrong) and that period as a query string."""
    if not request.GET:
        period = default_period(timezone.localdate())
        form = MetricsPeriodForm(initial={"period": PeriodKind.FINANCIAL_YEAR.value, "year": period.start.year})
        return form, period, urlencode({"period": PeriodKind.FINANCIAL_YEAR.value, "year": period.start.year})
    form = MetricsPeriodForm(request.GET)
    if not form.is_valid():
        return form, None, ""
    data = form.cleaned_data
    if data["period"] == PeriodKind.DATES:
        query = {"period": data["period"], "start": data["start"].isoformat(), "end": data["end"].isoformat()}
    else:
        query = {"period": data["period"], "year": data["year"]}
    return form, form.chosen_period(), urlencode(query)


def _page(
    request: HttpRequest, form: MetricsPeriodForm, period: Period | None, query: str, status: int = 200
) -> HttpResponse:
    figures = period_figures(period=period, today=timezone.localdate()) if period else None
    context = {
        "staff_section": "case_metrics",
        "form": form,
        "figures": figures,
        "sections": sections(figures) if figures and not figures.is_empty else [],
        "headline": headline_rows(figures) if figures else [],
        "query": query,
    }
    return render(request, "casework/metrics.html", context, status=status)


@require_GET
@require_permission(Permission.VIEW_CASES)
def metrics(request: HttpRequest) -> HttpResponse:
    form, period, query = _chosen(request)
    return _page(request, form, period, query)


def _csv_response(rows: Iterable[list[Any]], filename: str) -> tuple[HttpResponse, int]:
    buffer = StringIO()
    writer = csv.writer(buffer)
    count = 0
    for row in rows:
        writer.writerow(row)
        count += 1
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response, count - 1  # less the header


@require_GET
@require_permission(Permission.VIEW_CASES)
def metrics_figures_csv(request: HttpRequest) -> HttpResponse:
    form, period, query = _chosen(request)
    if period is None:
        return _page(request, form, period, query, status=400)
    figures = period_figures(period=period, today=timezone.localdate())
    response, count = _csv_response(figures_csv_rows(figures), f"request-figures-{period.slug}.csv")
    record_metrics_exported(period=period, what="figures", rows=count, actor=request.user)
    return response


@require_GET
@require_permission(Permission.VIEW_CASES)
def metrics_cases_csv(request: HttpRequest) -> HttpResponse:
    form, period, query = _chosen(request)
    if period is None:
        return _page(request, form, period, query, status=400)
    rows = case_csv_rows(period=period, today=timezone.localdate())
    response, count = _csv_response(rows, f"request-cases-{period.slug}.csv")
    record_metrics_exported(period=period, what="cases", rows=count, actor=request.user)
    return response
