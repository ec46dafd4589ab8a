from pledge.site.brand import FALLBACK_COLOUR, contrast_with_white, safe_brand_colour


def test_it_keeps_a_dark_hex_colour_in_lower_case():
    assert safe_brand_colour("#00594F") == "#00594f"


def test_it_accepts_a_three_digit_hex_colour():
    assert safe_brand_colour("#036") == "#036"


def test_it_refuses_anything_that_is_not_a_hex_colour():
    for value in ["red", "#00594f;} body{display:none", "", "00594f", "#12345"]:
        assert safe_brand_colour(value) == FALLBACK_COLOUR


def test_it_refuses_a_colour_too_light_for_white_text():
    assert safe_brand_colour("#ffdd00") == FALLBACK_COLOUR


def test_it_measures_contrast_as_wcag_does():
    assert round(contrast_with_white("#000000"), 1) == 21.0
    assert round(contrast_with_white("#ffffff"), 1) == 1.0
