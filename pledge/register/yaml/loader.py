"""A YAML loader that remembers where every mapping, key and list item came from.

Every problem found later is reported as ``file:line: message``, so a DPO can fix the YAML directly.
"""

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml


class LocatedDict(dict[str, Any]):
    """A mapping that knows its file, its own line and the line of each key."""

    file: str = ""
    line: int = 0
    key_lines: dict[str, int]
    mistyped: bool = False  # set by the schema check; the consistency rules skip it until it parses cleanly

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class LocatedList(list[Any]):
    """A sequence that knows its file, its own line and the line of each item."""

    file: str = ""
    line: int = 0
    item_lines: list[int]

    def line_of(self, index: int) -> int:
        return self.item_lines[index] if index < len(self.item_lines) else self.line


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


class _DuplicateKeyError(yaml.MarkedYAMLError):
    pass


def _loader_for(file: str) -> type[yaml.SafeLoader]:
    class LineLoader(yaml.SafeLoader):
        pass

    def construct_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> LocatedDict:
        result = LocatedDict()
        result.file, result.line, result.key_lines = file, node.start_mark.line + 1, {}
        loader.flatten_mapping(node)
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if not isinstance(key, str):
                key = str(key)
            if key in result:
                raise _DuplicateKeyError(None, None, f"duplicate key {key!r}", key_node.start_mark)
            result[key] = loader.construct_object(value_node, deep=True)
            result.key_lines[key] = key_node.start_mark.line + 1
        return result

    def construct_sequence(loader: yaml.SafeLoader, node: yaml.SequenceNode) -> LocatedList:
        result = LocatedList(loader.construct_object(child, deep=True) for child in node.value)
        result.file, result.line = file, node.start_mark.line + 1
        result.item_lines = [child.start_mark.line + 1 for child in node.value]
        return result

    def construct_timestamp(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> object:
        # PyYAML raises a bare ValueError for a date-shaped but impossible value (2025-02-30); report its line.
        try:
            return yaml.constructor.SafeConstructor.construct_yaml_timestamp(loader, node)
        except ValueError as error:
            raise yaml.constructor.ConstructorError(
                None, None, f"{node.value!r} is not a real date ({error})", node.start_mark
            ) from error

    LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, construct_mapping)
    LineLoader.add_constructor("tag:yaml.org,2002:timestamp", construct_timestamp)
    LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, construct_sequence)
    return LineLoader


def load_yaml_file(path: Path, *, display_name: str | None = None) -> tuple[Any, list[Problem]]:
    """Parse one YAML file; a syntax error becomes a Problem at its line instead of an exception."""
    name = display_name or str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        return None, [Problem(name, 1, f"cannot read file: {error}")]
    try:
        return yaml.load(text, Loader=_loader_for(name)), []  # noqa: S506 - the loader subclasses SafeLoader
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        return None, [Problem(name, line, f"YAML syntax: {error.problem or error.context}")]
    except yaml.YAMLError as error:
        return None, [Problem(name, 1, f"YAML syntax: {error}")]
