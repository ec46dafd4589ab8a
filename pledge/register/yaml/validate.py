"""Read a register directory and report every problem as ``file:line: message``.

Schema errors (unknown keys, missing or mistyped fields, bad choices, dangling references, duplicate
slugs) come first; then the legal-consistency rules of ``pledge.register.consistency``.
"""

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from pledge.law.adequacy import AdequacyEntry, load_adequacy
from pledge.register import consistency
from pledge.register.yaml.loader import LocatedDict, LocatedList, Problem, load_yaml_file
from pledge.register.yaml.schema import ENTITIES, SINGULAR, TOP_LEVEL, Field, Kind

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass
class RegisterData:
    """Every entity of a register directory, keyed by slug; activities remember their service."""

    entities: dict[str, dict[str, LocatedDict]] = field(default_factory=lambda: {name: {} for name in ENTITIES})
    activity_service: dict[str, str] = field(default_factory=dict)


def read_register(
    directory: Path, *, today: date, adequacy: dict[str, AdequacyEntry] | None = None
) -> tuple[RegisterData, list[Problem]]:
    """Load every ``*.yaml``/``*.yml`` under ``directory`` and check it; an empty problem list means valid."""
    data = RegisterData()
    if not directory.is_dir():
        return data, [Problem(str(directory), 0, "not a directory")]
    files = sorted([*directory.rglob("*.yaml"), *directory.rglob("*.yml")])
    if not files:
        return data, [Problem(str(directory), 0, "no YAML files found")]
    problems: list[Problem] = []
    for path in files:
        document, syntax = load_yaml_file(path, display_name=str(path))
        problems.extend(syntax)
        if document is not None:
            problems.extend(_collect(document, path=str(path), data=data))
    problems.extend(_check_references(data))
    problems.extend(_check_consistency(data, today=today, adequacy=adequacy or load_adequacy()))
    return data, sorted(set(problems))


def _collect(document: Any, *, path: str, data: RegisterData) -> list[Problem]:
    if not isinstance(document, LocatedDict):
        return [Problem(path, 1, f"expected a mapping with any of: {', '.join(TOP_LEVEL)}")]
    problems = []
    for key, items in document.items():
        line = document.line_of(key)
        if key not in TOP_LEVEL:
            problems.append(Problem(path, line, f"unknown section {key!r}; expected one of: {', '.join(TOP_LEVEL)}"))
        elif not isinstance(items, LocatedList):
            problems.append(Problem(path, line, f"{key} must be a list"))
        else:
            for index, item in enumerate(items):
                problems.extend(_collect_item(key, item, items.line_of(index), path=path, data=data))
    return problems


def _collect_item(entity: str, item: Any, line: int, *, path: str, data: RegisterData) -> list[Problem]:
    if not isinstance(item, LocatedDict):
        return [Problem(path, line, f"each entry of {entity} must be a mapping")]
    problems = _check_fields(entity, item)
    slug = item.get("slug")
    if isinstance(slug, str) and SLUG.match(slug):
        existing = data.entities[entity].get(slug)
        if existing is not None:
            problems.append(
                Problem(
                    path, item.line_of("slug"), f"duplicate slug {slug!r} (first at {existing.file}:{existing.line})"
                )
            )
        else:
            data.entities[entity][slug] = item
    if entity == "services" and isinstance(item.get("activities"), LocatedList):
        activities = item["activities"]
        for index, activity in enumerate(activities):
            problems.extend(_collect_item("activities", activity, activities.line_of(index), path=path, data=data))
            if isinstance(activity, LocatedDict) and isinstance(slug, str) and isinstance(activity.get("slug"), str):
                data.activity_service[activity["slug"]] = slug
    return problems


def _check_fields(entity: str, item: LocatedDict) -> list[Problem]:
    fields = {f.name: f for f in ENTITIES[entity]}
    singular = SINGULAR[entity]
    problems = [
        Problem(item.file, item.line_of(key), f"unknown field {key!r} in {singular}")
        for key in item
        if key not in fields
    ]
    for spec in fields.values():
        if spec.name not in item or item[spec.name] in (None, "", []):
            if spec.required:
                problems.append(Problem(item.file, item.line, f"{singular} is missing required field {spec.name!r}"))
            continue
        message = _type_error(spec, item[spec.name])
        if message:
            item.mistyped = True
            problems.append(Problem(item.file, item.line_of(spec.name), f"{spec.name}: {message}"))
    return problems


def _type_error(spec: Field, value: Any) -> str | None:  # noqa: C901 - one branch per kind reads best
    kind = spec.kind
    if spec.name == "slug":
        return None if isinstance(value, str) and SLUG.match(value) else "must be lower-case words joined by hyphens"
    if kind in (Kind.STR, Kind.TEXT, Kind.REF):
        return None if isinstance(value, str) else "must be text"
    if kind is Kind.BOOL:
        return None if isinstance(value, bool) else "must be true or false"
    if kind is Kind.INT:
        return (
            None if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else "must be a whole number"
        )
    if kind is Kind.DATE:
        return None if isinstance(value, date) else "must be a date written YYYY-MM-DD"
    if kind is Kind.CHOICE:
        return None if value in spec.choices else f"{value!r} is not one of: {', '.join(spec.choices)}"
    if kind in (Kind.STRS, Kind.REFS, Kind.CHOICES):
        if spec.name == "activities":
            return None if isinstance(value, list) else "must be a list"
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            return "must be a list of text"
        bad = [v for v in value if kind is Kind.CHOICES and v not in spec.choices]
        return f"{', '.join(map(repr, bad))} not one of: {', '.join(spec.choices)}" if bad else None
    if kind is Kind.SECTIONS:
        ok = isinstance(value, list) and all(
            isinstance(v, dict) and {"title", "text"} == set(v) and all(isinstance(x, str) for x in v.values())
            for v in value
        )
        return None if ok else "must be a list of {title, text}"
    if kind is Kind.LINKS:
        ok = isinstance(value, list) and all(isinstance(v, dict) and {"title", "url"} <= set(v) for v in value)
        return None if ok else "must be a list of {title, url}"
    return None


def _check_references(data: RegisterData) -> list[Problem]:
    problems = []
    for entity, items in data.entities.items():
        for item in items.values():
            for spec in ENTITIES[entity]:
                if spec.kind not in (Kind.REF, Kind.REFS) or spec.target == "activities":
                    continue
                value = item.get(spec.name)
                targets = [value] if spec.kind is Kind.REF else value
                for target in targets if isinstance(targets, list) else []:
                    if isinstance(target, str) and target not in data.entities[spec.target]:
                        message = f"{spec.name}: no {SINGULAR[spec.target]} with slug {target!r}"
                        problems.append(Problem(item.file, item.line_of(spec.name), message))
    return problems


def _check_consistency(data: RegisterData, *, today: date, adequacy: dict[str, AdequacyEntry]) -> list[Problem]:
    e = data.entities
    problems: list[Problem] = []

    def report(item: LocatedDict, findings: list[consistency.Finding]) -> None:
        problems.extend(Problem(item.file, item.line_of(f.field), f.message) for f in findings)

    # The rules read typed values; an entry with a mistyped field already has a schema problem to fix first.
    def clean(items: dict[str, LocatedDict]) -> list[tuple[str, LocatedDict]]:
        return [(slug, item) for slug, item in items.items() if not item.mistyped]

    for _, controller_item in clean(e["controllers"]):
        report(controller_item, consistency.check_controller(controller_item))
    for _, recipient in clean(e["recipients"]):
        report(recipient, consistency.check_recipient(recipient, today=today, adequacy=adequacy))
    for _, agreement in clean(e["sharing_agreements"]):
        report(agreement, consistency.check_sharing_agreement(agreement))
    for _, flow in clean(e["internal_flows"]):
        report(flow, consistency.check_internal_flow(flow))
    for _, system in clean(e["systems"]):
        report(system, consistency.check_system(system, today=today, adequacy=adequacy))
    for slug, activity in clean(e["activities"]):
        service = e["services"].get(data.activity_service.get(slug, ""))
        controller_slug = service.get("controller") if service else None
        controller = e["controllers"].get(controller_slug) if isinstance(controller_slug, str) else None
        kind = str(controller.get("kind")) if controller else "council"
        report(
            activity,
            consistency.check_activity(activity, controller_kind=kind, recipients=e["recipients"], today=today),
        )
    return problems
