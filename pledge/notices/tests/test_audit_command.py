"""``run_audit``: the text table, the JSON shape and unreadable files."""

import io
import json

from pledge.notices.audit.command import run_audit


def run(paths, fmt="json"):
    out, err = io.StringIO(), io.StringIO()
    code = run_audit([str(p) for p in paths], output_format=fmt, stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_it_prints_one_json_object_for_one_file(tmp_path):
    notice = tmp_path / "n.txt"
    notice.write_text("Contact our Data Protection Officer at dpo@northby.gov.uk.")
    code, out, _ = run([notice])
    payload = json.loads(out)
    assert code == 0 and set(payload) == {"file", "items", "flags", "readability"}
    assert payload["items"][2] == {
        "id": "PN03",
        "status": "found",
        "evidence": ["Contact our Data Protection Officer at dpo@northby.gov.uk."],
    }


def test_it_prints_a_json_list_for_several_files(tmp_path):
    (tmp_path / "a.md").write_text("# A\n\nText.")
    (tmp_path / "b.html").write_text("<h1>B</h1><p>Text.</p>")
    code, out, _ = run([tmp_path / "a.md", tmp_path / "b.html"])
    assert code == 0 and [r["file"].rsplit("/", 1)[-1] for r in json.loads(out)] == ["a.md", "b.html"]


def test_it_reports_an_unreadable_file_and_still_audits_the_others(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("We keep records for six years.")
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4 nonsense")
    code, out, err = run([broken, good, tmp_path / "absent.txt"])
    assert code == 2
    assert "broken.pdf: cannot audit" in err and "absent.txt: cannot audit" in err
    assert [r["file"].rsplit("/", 1)[-1] for r in json.loads(out)] == ["good.txt"]


def test_it_prints_a_readable_table(tmp_path):
    notice = tmp_path / "n.md"
    notice.write_text("By using this site you agree to this policy.\n\nWe keep records for six years.")
    code, out, _ = run([notice], fmt="text")
    assert code == 0 and "PN10  found" in out and "invalid-consent (line 1)" in out
