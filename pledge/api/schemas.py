"""API schemas built from the register's field table, so the API, the YAML linter and the importer agree.

Output schemas list every field of a record (empty ones included, so a client sees a stable shape); the
activity input schema applies the linter's type, choice and required-field rules, and what a client reads
from ``GET`` can be sent back unchanged with ``PUT``.
"""

from datetime import date
from typing import Any, Literal

from ninja import Schema
from pydantic import ConfigDict, Field, StrictBool, StrictInt, create_model

from pledge.register.yaml.schema import ENTITIES, Kind
from pledge.register.yaml.schema import Field as FieldSpec
from pledge.register.yaml.validate import SLUG


class Link(Schema):
    title: str
    url: str


class Section(Schema):
    title: str
    text: str


class FieldProblem(Schema):
    """One thing wrong with a request, named by the field it belongs to."""

    field: str
    message: str


class Problems(Schema):
    detail: str
    errors: list[FieldProblem]


class Message(Schema):
    detail: str


class ClosedSchema(Schema):
    """Input schemas refuse unknown fields, as the YAML linter does."""

    model_config = ConfigDict(extra="forbid")


def _description(spec: FieldSpec) -> str | None:
    parts = [spec.help] if spec.help else []
    if spec.choices:
        parts.append("one of: " + ", ".join(spec.choices))
    if spec.target:
        parts.append(f"slug of one of the {spec.target.replace('_', ' ')}")
    return "; ".join(parts) or None


_OUTPUT_TYPES: dict[Kind, Any] = {
    Kind.STR: str,
    Kind.TEXT: str,
    Kind.REF: str,
    Kind.CHOICE: str,
    Kind.STRS: list[str],
    Kind.REFS: list[str],
    Kind.CHOICES: list[str],
    Kind.BOOL: bool,
    Kind.DATE: date | None,
    Kind.INT: int | None,
    Kind.LINKS: list[Link],
    Kind.SECTIONS: list[Section],
}


def record_schema(entity: str, *, name: str, extra: dict[str, Any] | None = None) -> type[Schema]:
    """The output schema of one register entity's record (``to_record(..., include_empty=True)``)."""
    fields: dict[str, Any] = {
        spec.name: (_OUTPUT_TYPES[spec.kind], Field(description=_description(spec)))
        for spec in ENTITIES[entity]
        if spec.target != "activities"
    }
    fields.update(extra or {})
    model: type[Schema] = create_model(name, __base__=Schema, **fields)
    return model


def _input_type(spec: FieldSpec) -> Any:  # noqa: C901 - one branch per kind reads best
    if spec.kind in (Kind.STR, Kind.TEXT, Kind.REF):
        return str
    if spec.kind is Kind.CHOICE:
        # An optional choice left empty reads back as "", so "" is accepted too.
        return _one_of(spec.choices if spec.required else (*spec.choices, ""))
    if spec.kind is Kind.CHOICES:
        return list[_one_of(spec.choices)]  # type: ignore[misc]
    if spec.kind in (Kind.STRS, Kind.REFS):
        return list[str]
    if spec.kind is Kind.BOOL:
        return StrictBool
    if spec.kind is Kind.INT:
        return StrictInt
    if spec.kind is Kind.DATE:
        return date
    if spec.kind is Kind.SECTIONS:
        return list[Section]
    return list[Link]


def _one_of(choices: tuple[str, ...]) -> Any:
    """``Literal[choices]`` for choices known only at run time."""
    return Literal.__getitem__(choices)


def _input_field(spec: FieldSpec) -> tuple[Any, Any]:
    kind = _input_type(spec)
    description = _description(spec)
    if spec.name == "slug":
        return str, Field(pattern=SLUG.pattern, description="lower-case words joined by hyphens")
    if spec.required:
        many = spec.kind in (Kind.STRS, Kind.REFS, Kind.CHOICES, Kind.LINKS, Kind.SECTIONS)
        needs_text = spec.kind in (Kind.STR, Kind.TEXT, Kind.REF)
        return kind, Field(min_length=1 if many or needs_text else None, description=description)
    if spec.kind in (Kind.STRS, Kind.REFS, Kind.CHOICES, Kind.LINKS, Kind.SECTIONS):
        return kind, Field(default_factory=list, description=description)
    if spec.kind is Kind.BOOL:
        return kind, Field(default=False, description=description)
    if spec.kind is Kind.INT:
        return kind | None, Field(default=None, ge=0, description=description)
    return kind | None, Field(default=None, description=description)


def input_schema(entity: str, *, name: str, extra: dict[str, Any] | None = None) -> type[Schema]:
    """The input schema of one register entity's record, with the linter's types and required fields."""
    fields: dict[str, Any] = {spec.name: _input_field(spec) for spec in ENTITIES[entity] if spec.target != "activities"}
    fields.update(extra or {})
    model: type[Schema] = create_model(name, __base__=ClosedSchema, **fields)
    return model
