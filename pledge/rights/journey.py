"""The question pages of the public request journey, in order, and what is still to answer.

Answers live in the session as a dict of form data keyed by field name; they are checked again with
each page's form whenever they are read, so a stale or tampered answer sends the person back to that
question rather than into the case.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from django import forms

from pledge.rights.forms import (
    DIED,
    SOMEONE_ELSE,
    ContactForm,
    DetailsForm,
    ForWhomForm,
    KindForm,
    LivingForm,
    NameForm,
    RelationshipForm,
    SubjectNameForm,
)

SESSION_KEY = "rights_request_answers"

Answers = Mapping[str, Any]


def _always(answers: Answers) -> bool:
    return True


def _for_someone_else(answers: Answers) -> bool:
    return answers.get("for_whom") == SOMEONE_ELSE


def about_someone_who_has_died(answers: Answers) -> bool:
    """True when the resident said the person has died: the journey stops and points to other routes."""
    return _for_someone_else(answers) and answers.get("living") == DIED


def _about_a_living_person(answers: Answers) -> bool:
    return not about_someone_who_has_died(answers)


@dataclass(frozen=True)
class Step:
    """One question page: its URL slug, its form, the title for the page and check-your-answers."""

    slug: str
    form_class: type[forms.Form]
    title: str
    applies: Callable[[Answers], bool] = _always

    def bound_form(self, answers: Answers) -> forms.Form:
        """The page's form filled from the saved answers."""
        return self.form_class(data={name: answers.get(name, "") for name in self.form_class.base_fields})

    def is_answered(self, answers: Answers) -> bool:
        """True when the saved answers for this page are present and still valid."""
        return self.bound_form(answers).is_valid()


STEPS = (
    Step("what-do-you-want-to-do", KindForm, "What do you want to do?"),
    Step("who-is-it-for", ForWhomForm, "Are you asking for yourself or for someone else?"),
    Step("relationship", RelationshipForm, "What is your relationship to the person?", _for_someone_else),
    Step("their-name", SubjectNameForm, "What is the name of the person the request is about?", _for_someone_else),
    Step("are-they-alive", LivingForm, "Is the person the request is about alive?", _for_someone_else),
    Step("your-name", NameForm, "What is your name?", _about_a_living_person),
    Step("contact-details", ContactForm, "How can we contact you?", _about_a_living_person),
    Step("describe-your-request", DetailsForm, "Describe your request", _about_a_living_person),
)
STEPS_BY_SLUG = {step.slug: step for step in STEPS}


def applicable_steps(answers: Answers) -> list[Step]:
    """The pages this person has to answer, given what they have said so far."""
    return [step for step in STEPS if step.applies(answers)]


def first_unanswered(answers: Answers, *, before: Step | None = None) -> Step | None:
    """The first page that applies and has no valid answer (only among pages before ``before`` if given)."""
    for step in applicable_steps(answers):
        if step is before:
            return None
        if not step.is_answered(answers):
            return step
    return None


def next_step(answers: Answers, after: Step) -> Step | None:
    """The page that follows ``after`` for this person, or None when the next page is check your answers."""
    steps = applicable_steps(answers)
    following = [step for step in steps if STEPS.index(step) > STEPS.index(after)]
    return following[0] if following else None


def previous_step(answers: Answers, current: Step) -> Step | None:
    """The page before ``current`` for this person, or None when it is the first question."""
    earlier = [step for step in applicable_steps(answers) if STEPS.index(step) < STEPS.index(current)]
    return earlier[-1] if earlier else None


def cleaned_answers(answers: Answers) -> dict[str, Any]:
    """Every applicable page's cleaned data merged; call only when ``first_unanswered`` is None."""
    cleaned: dict[str, Any] = {}
    for step in applicable_steps(answers):
        form = step.bound_form(answers)
        if not form.is_valid():
            raise ValueError(f"The answer to {step.slug} is missing or invalid")
        cleaned.update(form.cleaned_data)
    return cleaned
