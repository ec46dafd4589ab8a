"""Word details: accepting changes keeps the final wording, hidden styles are followed, explicit unhiding wins."""

from pathlib import Path

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE

from pledge.redaction.leaks import LeakKind, clean, scan_file
from pledge.redaction.leaks.corpus import LEAKY, build

pytestmark = pytest.mark.db_independent


def case(name: str):  # noqa: ANN201
    return next(case for case in LEAKY if case.name == name)


def test_accepting_tracked_changes_keeps_insertions_and_drops_deletions(folder: Path, tmp_path: Path) -> None:
    cleaned = clean(build(case("tracked-deletion.docx"), folder), out_dir=tmp_path)
    assert docx.Document(str(cleaned)).paragraphs[-1].text == "The report was made by a neighbour"


def test_removing_a_comment_keeps_the_text_it_was_about(folder: Path, tmp_path: Path) -> None:
    cleaned = clean(build(case("review-comment.docx"), folder), out_dir=tmp_path)
    document = docx.Document(str(cleaned))
    assert document.paragraphs[-1].text == "Please find your records enclosed."
    assert len(list(document.comments)) == 0


def test_text_hidden_by_a_style_it_inherits_from_is_found(folder: Path) -> None:
    document = docx.Document()
    base = document.styles.add_style("Secret base", WD_STYLE_TYPE.CHARACTER)
    base.font.hidden = True
    child = document.styles.add_style("Secret child", WD_STYLE_TYPE.CHARACTER)
    child.base_style = base
    document.add_paragraph("Visible. ").add_run("Mary Example's diagnosis", style="Secret child")
    document.save(str(folder / "inherit.docx"))
    (finding,) = scan_file(folder / "inherit.docx")
    assert finding.kind is LeakKind.HIDDEN_TEXT
    assert finding.excerpt == "Mary Example's diagnosis"


def test_a_run_unhidden_inside_a_hidden_style_is_not_a_finding(folder: Path) -> None:
    document = docx.Document()
    style = document.styles.add_style("Hidden note", WD_STYLE_TYPE.CHARACTER)
    style.font.hidden = True
    run = document.add_paragraph().add_run("Shown on purpose", style="Hidden note")
    run.font.hidden = False
    document.save(str(folder / "unhidden.docx"))
    assert scan_file(folder / "unhidden.docx") == []


def test_the_cleaned_document_keeps_its_visible_text(folder: Path, tmp_path: Path) -> None:
    cleaned = clean(build(case("hidden-run.docx"), folder), out_dir=tmp_path)
    texts = [paragraph.text for paragraph in docx.Document(str(cleaned)).paragraphs]
    assert texts == [
        "Response to your request",
        "Anyshire Council has searched its records.",
        "Your file is enclosed. ",
    ]


def test_a_file_embedded_in_a_word_document_is_left_for_a_person(folder: Path, tmp_path: Path) -> None:
    import zipfile

    from pledge.redaction.leaks import LeaksRemain

    docx.Document().save(str(folder / "embedded.docx"))
    with zipfile.ZipFile(folder / "embedded.docx", "a") as archive:
        archive.writestr("word/embeddings/Microsoft_Excel_Worksheet.xlsx", b"PK")
    (finding,) = scan_file(folder / "embedded.docx")
    assert finding.kind is LeakKind.EMBEDDED_FILE
    assert not finding.auto_fixable
    with pytest.raises(LeaksRemain) as remain:
        clean(folder / "embedded.docx", out_dir=tmp_path)
    assert [left.kind for left in remain.value.findings] == [LeakKind.EMBEDDED_FILE]
