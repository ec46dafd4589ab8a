"""The metrics page's choice of reporting period: a calendar year, a financial year, or two dates."""

from datetime import date
from typing import Any

from django import forms
from django.utils import timezone

from pledge.law.reporting import Period, PeriodKind, between, calendar_year, financial_year, financial_year_containing

EARLIEST_YEAR = 2000
DATE_ERROR = "Enter a real date, for example 27/3/2026"


def default_period(today: date) -> Period:
    """The financial year so far: what the council's annual report is working towards."""
    return financial_year_containing(today)


class MetricsPeriodForm(forms.Form):
    period = forms.ChoiceField(
        label="Which period do you want figures for?",
        choices=[
            (PeriodKind.FINANCIAL_YEAR.value, "A financial year (April to March)"),
            (PeriodKind.CALENDAR_YEAR.value, "A calendar year (January to December)"),
            (PeriodKind.DATES.value, "Between two dates"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Select the period you want figures for", "invalid_choice": "Select a period"},
    )
    year = forms.CharField(
        label="Year",
        required=False,
        help_text="For a calendar or financial year. A financial year is named by the year it starts in: "
        "2026 for April 2026 to March 2027",
        widget=forms.TextInput(attrs={"inputmode": "numeric", "spellcheck": "false", "class": "govuk-input--width-4"}),
    )
    start = forms.DateField(
        label="Start date",
        required=False,
        help_text="Only for a period between two dates. For example, 1/4/2026",
        widget=forms.DateInput(attrs={"class": "govuk-input--width-10"}),
        error_messages={"invalid": DATE_ERROR},
    )
    end = forms.DateField(
        label="End date",
        required=False,
        help_text="Only for a period between two dates. For example, 31/3/2027",
        widget=forms.DateInput(attrs={"class": "govuk-input--width-10"}),
        error_messages={"invalid": DATE_ERROR},
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        kind = data.get("period")
        if kind == PeriodKind.DATES:
            self._check_dates(data)
        elif kind in (PeriodKind.CALENDAR_YEAR, PeriodKind.FINANCIAL_YEAR):
            self._check_year(data)
        return data

    def _check_year(self, data: dict[str, Any]) -> None:
        text = (data.get("year") or "").strip()
        today = timezone.localdate()
        latest = (
            today.year if data["period"] == PeriodKind.CALENDAR_YEAR else financial_year_containing(today).start.year
        )
        if not text:
            self.add_error("year", "Enter the year")
        elif not (text.isascii() and text.isdigit() and len(text) == 4):
            self.add_error("year", "Enter the year as 4 digits, for example 2026")
        elif not EARLIEST_YEAR <= int(text) <= latest:
            self.add_error("year", f"Enter a year from {EARLIEST_YEAR} to {latest}")
        else:
            data["year"] = int(text)

    def _check_dates(self, data: dict[str, Any]) -> None:
        today = timezone.localdate()
        start, end = data.get("start"), data.get("end")
        if start is None and "start" not in self.errors:
            self.add_error("start", "Enter the date the period starts")
        if end is None and "end" not in self.errors:
            self.add_error("end", "Enter the date the period ends")
        if start and start > today:
            self.add_error("start", "The start date cannot be in the future")
        if end and end > today:
            self.add_error("end", "The end date cannot be in the future")
        if start and end and end < start:
            self.add_error("end", "The end date must be the same as or after the start date")
        if start and start.year < EARLIEST_YEAR:
            self.add_error("start", f"Enter a date from {EARLIEST_YEAR} onwards")

    def chosen_period(self) -> Period:
        """The period asked for; call only once the form is valid."""
        data = self.cleaned_data
        if data["period"] == PeriodKind.DATES:
            return between(data["start"], data["end"])
        if data["period"] == PeriodKind.CALENDAR_YEAR:
            return calendar_year(data["year"])
        return financial_year(data["year"])
