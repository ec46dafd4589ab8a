from pathlib import Path

STATIC = Path(__file__).resolve().parent.parent / "static" / "frontend"


def test_the_compiled_stylesheet_is_committed():
    assert (STATIC / "pledge.css").stat().st_size > 50_000


def test_the_stylesheet_uses_arial_and_never_the_gov_uk_font():
    css = (STATIC / "pledge.css").read_text()
    assert "font-family:arial,sans-serif" in css
    assert "GDS Transport" not in css
    assert "@font-face" not in css


def test_the_stylesheet_points_at_no_gov_uk_image_or_font_file():
    css = (STATIC / "pledge.css").read_text()
    assert "url(" not in css


def test_no_crown_crest_or_gov_uk_font_is_shipped():
    names = {p.name.lower() for p in STATIC.rglob("*")}
    assert not any("crown" in n or "crest" in n or n.endswith((".woff", ".woff2")) for n in names)


def test_the_gov_uk_script_and_its_module_starter_are_committed():
    assert "initAll" in (STATIC / "govuk-frontend.min.js").read_text()
    starter = (STATIC / "pledge.mjs").read_text()
    assert 'import { initAll } from "./govuk-frontend.min.js"' in starter


def test_the_council_logo_and_favicon_exist():
    assert (STATIC / "images" / "anyshire-logo.svg").exists()
    assert (STATIC / "images" / "favicon.svg").exists()
