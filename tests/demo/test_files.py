"""The demo's generated pictures: captions drawn without missing glyphs (no « tofu » boxes)."""

from demo.files import caption_font, caption_text

FRENCH = "Saison 2 : héritages — élu·e·s « Penser le 9-3 »"


def _notdef_free(font, text: str) -> bool:
    """Whether every letter of the text draws something other than the font's missing-glyph box."""
    missing = font.getmask("\uffff").getbbox()
    return all(font.getmask(character).getbbox() != missing for character in text if not character.isspace())


def test_caption__the_font_chosen_draws_the_text_it_is_given():
    font, full_glyphs = caption_font(40)
    text = caption_text(FRENCH, full_glyphs=full_glyphs)
    assert _notdef_free(font, text), text


def test_caption__without_a_french_font_accents_are_dropped_not_boxed():
    assert caption_text(FRENCH, full_glyphs=False) == 'Saison 2 : heritages - elu-e-s " Penser le 9-3 "'
    assert caption_text(FRENCH, full_glyphs=True) == FRENCH
