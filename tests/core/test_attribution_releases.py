"""Constructions met in US federal news releases and Global Voices stories the rules had
never been written against. Each test is a passage of the same structure in other words and
names; the comment cites the article whose sentence it generalises."""

from __future__ import annotations

from tests.core.sentences import analyse


def sources(text: str) -> list[list[tuple[str, str]]]:
    return [
        [(a.canonical, a.source_kind) for a in found.attributions] for _, found in analyse(text)
    ]


def test_a_description_with_a_nationality_is_the_person_an_appositive_called_so() -> None:
    # Global Voices roundup, "Turkish Law Professor Says Transparency Unaccepted in Politics
    # in Turkey", http://globalvoicesonline.org/-/type/roundups+freedom-of-speech/: the
    # professor is named once with a long appositive, quoted by surname, then described.
    text = (
        "The Daily Star interviewed Lena Okafor, a professor of law and politics at the "
        "University of Lagos in the capital, who founded a rights group. In the interview, "
        "Okafor claims that trust in the courts is low. The experienced Nigerian professor "
        "said the courts must change."
    )
    assert sources(text)[1:] == [[("Lena Okafor", "person")], [("Lena Okafor", "person")]]
