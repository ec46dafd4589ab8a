"""Cleaning a Word document: tracked changes accepted, comments, hidden text, document variables and properties
removed, pictures stripped of EXIF. Parts are rewritten with lxml so namespace prefixes (which Word's
``mc:Ignorable`` names) survive exactly.
"""

from __future__ import annotations

import posixpath
import zipfile
from pathlib import Path
from typing import Any

from lxml import etree

from pledge.redaction.leaks.docx_scan import (
    W,
    own_elements,
    paragraph_style,
    run_is_hidden,
    story_parts,
    vanishing_styles,
)
from pledge.redaction.leaks.image_clean import strip_image_metadata
from pledge.redaction.leaks.ooxml import IMAGE_SUFFIXES, Package

REMOVED_CHANGES = [
    f"{W}{name}"
    for name in (
        "del",
        "moveFrom",
        "rPrChange",
        "pPrChange",
        "sectPrChange",
        "tblPrChange",
        "tcPrChange",
        "trPrChange",
        "tblGridChange",
        "numberingChange",
        "moveFromRangeStart",
        "moveFromRangeEnd",
        "moveToRangeStart",
        "moveToRangeEnd",
        "commentRangeStart",
        "commentRangeEnd",
    )
]
ACCEPTED_CHANGES = [f"{W}ins", f"{W}moveTo"]
COMMENT_PARTS = {"comments", "commentsExtended", "commentsIds", "commentsExtensible", "people"}
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
EMPTY_CORE = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"'
    b' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"'
    b' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"/>'
)
EMPTY_APP = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    b"<Application>Pledge</Application></Properties>"
)
PARSER = etree.XMLParser(resolve_entities=False, no_network=True)


def clean_docx(source: Path, target: Path) -> None:
    """Write a cleaned copy of the Word document at ``source`` to ``target``."""
    with Package(source) as package:
        main = package.main_part("word/document.xml")
        hidden_styles = vanishing_styles(package, main)
        stories = set(story_parts(package, main))
        main_rels = package.rels(main)
        dropped = {rel.target for rel in main_rels if rel.rel_type in COMMENT_PARTS} | {"docProps/custom.xml"}
        dropped |= {name for name in package.names if name.startswith("docProps/thumbnail")}
        settings = {rel.target for rel in main_rels if rel.rel_type == "settings"}
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
            for info in package.archive.infolist():
                if info.filename in dropped or _rels_of(info.filename) in dropped:
                    continue
                data = package.read(info.filename)
                out.writestr(info, _cleaned_part(info.filename, data, stories, settings, dropped, hidden_styles))


def _cleaned_part(  # noqa: C901 - one branch per kind of part, each a single call
    name: str, data: bytes, stories: set[str], settings: set[str], dropped: set[str], hidden_styles: set[str]
) -> bytes:
    if name in stories:
        return _serialise(_clean_story(etree.fromstring(data, PARSER), hidden_styles))
    if name in settings:
        return _serialise(_clean_settings(etree.fromstring(data, PARSER)))
    if name.endswith(".rels"):
        return _serialise(_drop_relationships(etree.fromstring(data, PARSER), name, dropped))
    if name == "[Content_Types].xml":
        root = etree.fromstring(data, PARSER)
        for override in root.findall(f"{{{CT_NS}}}Override"):
            if override.get("PartName", "").lstrip("/") in dropped:
                root.remove(override)
        return _serialise(root)
    if name == "docProps/core.xml":
        return EMPTY_CORE
    if name == "docProps/app.xml":
        return EMPTY_APP
    if "/media/" in name and name.lower().endswith(IMAGE_SUFFIXES):
        return strip_image_metadata(data)
    return data


def _serialise(root: Any) -> bytes:
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def _unwrap(element: Any) -> None:
    parent = element.getparent()
    index = parent.index(element)
    for child in reversed(list(element)):
        parent.insert(index, child)
    parent.remove(element)


def _remove(element: Any) -> None:
    parent = element.getparent()
    if parent is not None:
        parent.remove(element)


def _clean_story(root: Any, hidden_styles: set[str]) -> Any:
    """Accept every tracked change, drop comment anchors and hidden runs."""
    for deleted_row in root.xpath("//w:tr[w:trPr/w:del]", namespaces={"w": W[1:-1]}):
        _remove(deleted_row)
    for tag in REMOVED_CHANGES:
        for element in list(root.iter(tag)):
            _remove(element)
    for tag in ACCEPTED_CHANGES:
        for element in list(root.iter(tag)):
            _unwrap(element)
    for reference in list(root.iter(f"{W}commentReference")):
        run = reference.getparent()
        _remove(run if run.tag == f"{W}r" else reference)
    for paragraph in list(root.iter(f"{W}p")):
        style = paragraph_style(paragraph)
        hidden = [
            element
            for element, _ in own_elements(paragraph)
            if element.tag == f"{W}r" and run_is_hidden(element, style, hidden_styles)
        ]
        for run in hidden:
            _remove(run)
    return root


def _clean_settings(root: Any) -> Any:
    for tag in ("docVars", "attachedTemplate"):
        for element in list(root.iter(f"{W}{tag}")):
            _remove(element)
    return root


def _drop_relationships(root: Any, rels_name: str, dropped: set[str]) -> Any:
    folder = rels_name.split("_rels/")[0]
    for rel in root.findall(f"{{{REL_NS}}}Relationship"):
        target = rel.get("Target", "")
        resolved = target.lstrip("/") if target.startswith("/") else _join(folder, target)
        kind = rel.get("Type", "").rsplit("/", 1)[-1]
        if resolved in dropped or kind == "attachedTemplate":
            root.remove(rel)
    return root


def _rels_of(name: str) -> str:
    """The part a relationships part belongs to ("word/_rels/comments.xml.rels" -> "word/comments.xml")."""
    if "_rels/" not in name or not name.endswith(".rels"):
        return ""
    folder, base = name.rsplit("_rels/", 1)
    return folder + base[: -len(".rels")]


def _join(folder: str, target: str) -> str:
    return posixpath.normpath(posixpath.join(folder, target)) if folder else posixpath.normpath(target)
