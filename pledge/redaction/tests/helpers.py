"""Small builders for the detector tests: a context for one case, and what was found in a text."""

from pledge.redaction.engine import detect
from pledge.redaction.entities import EntityType, PersonIdentity, PersonRole, ProposedRedaction, RedactionContext

NOBODY = RedactionContext(requester=PersonIdentity(names=("Zed Nobody",)))


def context(
    *,
    names: tuple[str, ...] = ("Jane Smith",),
    identifiers: tuple[str, ...] = (),
    titles: tuple[str, ...] = (),
    staff: tuple[str, ...] = (),
    redact_staff: bool = False,
) -> RedactionContext:
    return RedactionContext(
        requester=PersonIdentity(names=names, identifiers=identifiers, titles=titles),
        staff=tuple(PersonIdentity(names=(member,)) for member in staff),
        redact_staff=redact_staff,
    )


def found(text: str, entity: EntityType, *, within: RedactionContext = NOBODY) -> list[str]:
    return [p.text_in(text) for p in detect(text, context=within) if p.entity == entity]


def roles(text: str, *, within: RedactionContext) -> dict[str, PersonRole]:
    return {p.text_in(text): p.role for p in detect(text, context=within)}


def proposals(text: str, *, within: RedactionContext) -> list[ProposedRedaction]:
    return detect(text, context=within)
