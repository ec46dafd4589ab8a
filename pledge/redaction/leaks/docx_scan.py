"""Hidden content in Word documents (ECMA-376 Part 1, WordprocessingML): tracked changes, comments, hidden text
(``w:vanish``, set on a run or through its character or paragraph style), document variables and properties.

Tracked changes keep the deleted words and the name of whoever deleted them; "hidden" text is one click from view
(File > Options > Display > Hidden text), and prints when that option is on.
"""

from __future__ import annotations

from collections.abc import Iterator
from xml.etree import ElementTree

from pledge.redaction.leaks.findings import Collector, LeakKind, Severity
from pledge.redaction.leaks.ooxml import NS, Package, element_text, scan_media_and_embeddings, scan_properties

W = f"{{{NS['w']}}}"
CHANGES = {
    f"{W}ins": "inserted text not yet accepted",
    f"{W}del": "deleted text still in the file",
    f"{W}moveFrom": "moved text still at its old place",
    f"{W}moveTo": "moved text not yet accepted",
    f"{W}rPrChange": "a formatting change with its author",
    f"{W}pPrChange": "a paragraph formatting change with its author",
}
STORY_PARTS = {"header", "footer", "footnotes", "endnotes"}
OFF = {"0", "false", "off"}


def story_parts(package: Package, main: str) -> list[str]:
    """The main document and its headers, footers, footnotes and endnotes."""
    parts = [main]
    parts += [rel.target for rel in package.rels(main) if rel.rel_type in STORY_PARTS and package.has(rel.target)]
    return parts


def scan_docx(package: Package, found: Collector) -> None:
    """Report tracked changes, comments, hidden text, document variables and properties."""
    main = package.main_part("word/document.xml")
    hidden_styles = vanishing_styles(package, main)
    for part in story_parts(package, main):
        root = package.xml(part)
        for number, paragraph in enumerate(root.iter(f"{W}p"), start=1):
            _scan_paragraph(part, number, paragraph, hidden_styles, found)
    for rel in package.rels(main):
        if rel.rel_type == "comments" and package.has(rel.target):
            _scan_comments(package.xml(rel.target), found)
        if rel.rel_type == "settings" and package.has(rel.target):
            _scan_settings(package, rel.target, found)
    scan_properties(package, found)
    scan_media_and_embeddings(package, found)


def own_elements(paragraph: ElementTree.Element) -> Iterator[tuple[ElementTree.Element, ElementTree.Element]]:
    """(element, parent) for everything inside the paragraph except nested paragraphs (text boxes) and their content."""
    stack = [paragraph]
    while stack:
        parent = stack.pop()
        for child in parent:
            if child.tag == f"{W}p":
                continue
            yield child, parent
            stack.append(child)


def is_vanished(rpr: ElementTree.Element | None) -> bool | None:
    """True or False when the run properties say hidden or not; None when they are silent."""
    if rpr is None:
        return None
    vanish = rpr.find("w:vanish", NS)
    if vanish is None:
        return None
    return vanish.get(f"{W}val", "true").lower() not in OFF


def vanishing_styles(package: Package, main: str) -> set[str]:
    """Ids of the character and paragraph styles that hide their text, following ``basedOn``."""
    for rel in package.rels(main):
        if rel.rel_type == "styles" and package.has(rel.target):
            styles = package.xml(rel.target)
            own: dict[str, bool | None] = {}
            based: dict[str, str] = {}
            for style in styles.findall("w:style", NS):
                style_id = style.get(f"{W}styleId", "")
                own[style_id] = is_vanished(style.find("w:rPr", NS))
                parent = style.find("w:basedOn", NS)
                if parent is not None:
                    based[style_id] = parent.get(f"{W}val", "")
            return {style_id for style_id in own if _inherits_vanish(style_id, own, based)}
    return set()


def _inherits_vanish(style_id: str, own: dict[str, bool | None], based: dict[str, str]) -> bool:
    seen: set[str] = set()
    while style_id and style_id not in seen:
        seen.add(style_id)
        if own.get(style_id) is not None:
            return bool(own[style_id])
        style_id = based.get(style_id, "")
    return False


def run_is_hidden(run: ElementTree.Element, paragraph_style: str, hidden_styles: set[str]) -> bool:
    """Whether a run's text is hidden, by its own properties, its character style or its paragraph's style."""
    rpr = run.find("w:rPr", NS)
    direct = is_vanished(rpr)
    if direct is not None:
        return direct
    style = rpr.find("w:rStyle", NS) if rpr is not None else None
    if style is not None and style.get(f"{W}val", "") in hidden_styles:
        return True
    return paragraph_style in hidden_styles


def paragraph_style(paragraph: ElementTree.Element) -> str:
    """The paragraph's style id, or "" for the default."""
    style = paragraph.find("w:pPr/w:pStyle", NS)
    return style.get(f"{W}val", "") if style is not None else ""


def _scan_paragraph(
    part: str, number: int, paragraph: ElementTree.Element, hidden_styles: set[str], found: Collector
) -> None:
    style = paragraph_style(paragraph)
    hidden: list[str] = []
    change = 0
    for element, parent in own_elements(paragraph):
        if element.tag in CHANGES:
            change += 1
            author = element.get(f"{W}author", "")
            text = "".join(node.text or "" for node in element.iter() if node.tag in (f"{W}t", f"{W}delText"))
            marker = parent.tag == f"{W}rPr" and not text
            summary = "a paragraph mark change with its author" if marker else CHANGES[element.tag]
            found.add(
                LeakKind.TRACKED_CHANGE,
                f"{part} paragraph {number}, change {change}",
                summary,
                severity=Severity.LOW if marker or "formatting" in summary else Severity.HIGH,
                quote=f"{author}: {text}" if author else text,
            )
        elif element.tag == f"{W}r" and run_is_hidden(element, style, hidden_styles):
            hidden.extend(node.text or "" for node in element.iter(f"{W}t"))
    if "".join(hidden).strip():
        found.add(LeakKind.HIDDEN_TEXT, f"{part} paragraph {number}", "text formatted as hidden", quote="".join(hidden))


def _scan_comments(comments: ElementTree.Element, found: Collector) -> None:
    for comment in comments.findall("w:comment", NS):
        author = comment.get(f"{W}author", "")
        text = element_text(comment)
        found.add(
            LeakKind.COMMENT,
            f"comment {comment.get(f'{W}id', '?')}",
            "a reviewer's comment is attached",
            quote=f"{author}: {text}" if author else text,
        )


def _scan_settings(package: Package, part: str, found: Collector) -> None:
    for variable in package.xml(part).findall("w:docVars/w:docVar", NS):
        name = variable.get(f"{W}name", "")
        found.add(
            LeakKind.METADATA,
            f"document variable '{name}'",
            "a hidden document variable is stored",
            severity=Severity.MEDIUM,
            quote=f"{name}={variable.get(f'{W}val', '')}",
        )
    for rel in package.rels(part):
        if rel.rel_type == "attachedTemplate" and rel.external:
            found.add(
                LeakKind.METADATA,
                "attached template",
                "the path of the template it was written from",
                severity=Severity.LOW,
                quote=rel.target,
            )
