"""Constructions from six more Wikinews articles (sentences from Wikinews articles, CC BY 2.5,
"Wikinews, the free news source"; the articles are in the shared Wikinews corpus). Each test
is a passage of the same structure in other words and names; the comment cites the article
file and a fragment of the sentence it generalises."""

from __future__ import annotations

from tests.core.sentences import sources


def test_a_question_inside_a_quotation_does_not_end_it() -> None:
    # 14_clock.txt: 'tweeted using his @POTUS account: "Cool clock, Ahmed. Want to bring it
    # to the White House? We should inspire ..."': the sentences after the question are
    # still the tweet's.
    text = (
        "Mayor Ana Ruiz tweeted using her @LakesideMayor account:\n\n"
        '"Nice work, Ben. Want to show it at city hall? We need more young builders like '
        'you. It is what makes Lakeside strong."'
    )
    tweet = [("Ana Ruiz", "social_media")]
    assert sources(text) == [tweet, tweet, [], tweet, tweet]


def test_the_outlet_a_statement_was_given_to_relays_the_block_after_it() -> None:
    # 18_imprisoned.txt: "In a statement to the Australian Broadcasting Corporation, the
    # Church denied these allegations:" and the block without quotation marks under it.
    text = (
        "In a statement to the BBC, the council denied the claims:\n\n"
        "The road was never closed. Its crews also never left the site."
    )
    block = [("the council", "official"), ("BBC", "broadcaster")]
    assert sources(text) == [block, block, block]


def test_such_as_is_an_example_not_a_continuation_of_indirect_speech() -> None:
    # 24_worship.txt: "The Greek Orthodox Church estimates that number is closer to 40,000.
    # Many neo-pagan religions, such as Wicca, use ...": "such as" names examples, not
    # "such" things the estimate spoke of.
    text = (
        "The Lakeside Water Board estimates that number is closer to 900. Many rivers, such "
        "as the Tana, feed the lake; the reservoir instead draws only on rain."
    )
    assert sources(text) == [[("Lakeside Water Board", "organization")], []]


def test_the_body_written_with_a_capital_is_the_body_of_that_noun_named_before() -> None:
    # 18_imprisoned.txt: "the Church of Scientology imprisoned her ... which the Church
    # describes as a religious retreat ... the Church denied these allegations ... They also
    # claimed": "the Church" and "They" are the Church of Scientology, not the outlet the
    # statement was given to.
    text = (
        "Ana Ruiz says the Lakeside Church of Light held her for years.\n\n"
        "She was later sent to a farm, which the Church describes as a retreat.\n\n"
        "In a statement to the BBC, the Church denied the claims. They also said Ruiz was a "
        "volunteer. The Church also says the farm is open."
    )
    church = ("Lakeside Church of Light", "organization")
    assert sources(text) == [
        [("Ana Ruiz", "person")],
        [church],
        [church, ("BBC", "broadcaster")],
        [church],
        [church],
    ]
    # With no body of that noun named before, the capital names the same source it did in
    # every earlier ingest, not a new one beside it.
    assert sources("The Government said the tax would rise.") == [[("Government", "official")]]


def test_a_long_title_of_a_branch_of_a_body_before_a_name() -> None:
    # 14_clock.txt: "Executive director of the Dallas chapter of the Council on American -
    # Islamic Relations Alia Salem said": the title is long by the bodies it is of; the
    # name that ends it speaks.
    text = (
        "Executive director of the Lakeside branch of the League of Tenants Ana Ruiz said "
        "the rent rose."
    )
    assert [[name for name, _ in found] for found in sources(text)] == [["Ana Ruiz"]]


def test_the_city_that_reasoned_is_the_municipality_named_before() -> None:
    # 22_taxes.txt: "The request was advanced by the Municipality of Livorno in 2010. ... The
    # city reasoned, "because the users of the private schools pay ..."": a speech verb, and
    # "the city" its government.
    text = (
        "The tax was first asked for by the Municipality of Lakeside in 2010.\n\n"
        'The city reasoned, "because the parents pay a fee, the school is a business."\n\n'
        "The reasoned plan was good."
    )
    assert sources(text) == [[], [("Municipality of Lakeside", "official")], []]


def test_a_long_title_of_a_body_before_the_name_gives_the_body_kind() -> None:
    # 22_taxes.txt: "The secretary general of CEI (Italian Episcopal Conference), Nunzio
    # Galantino, has called the sentence": the title is of a conference of bishops, so he
    # speaks as that organisation; the head of a department speaks as an official.
    text = (
        "The secretary general of the Lakeside Bishops Conference, Ana Ruiz, said the ruling "
        "was unfair.\n\n"
        "The head of the Lakeside Department of Water Supply, Ben Ode, said the ruling was "
        "unfair.\n\n"
        "The coach of the Lakeside Lions, Tom Berg, said the team played well."
    )
    assert sources(text) == [
        [("Ana Ruiz", "organization")],
        [("Ben Ode", "official")],
        [("Tom Berg", "person")],
    ]


def test_an_undersecretary_is_an_official() -> None:
    # 22_taxes.txt: 'Undersecretary for Education Mr. Toccafondi says "many schools will
    # increase their fees ..."'.
    text = 'Undersecretary for Health Mr. Ode says "many clinics will close."'
    assert sources(text) == [[("Ode", "official")]]


def test_two_bodies_joined_by_and_both_speak() -> None:
    # 14_clock.txt: "Both the Irving Independent School District and the Irving Police
    # Department have asserted that the boy's religion and name were not a factor".
    text = (
        "Both the Lakeside School District and the Lakeside Police Department have asserted "
        "that the boy was not singled out.\n\n"
        "The Procter and Gamble Company said the deal was off."
    )
    assert sources(text) == [
        [("Lakeside Police Department", "official"), ("Lakeside School District", "official")],
        [("Procter and Gamble Company", "organization")],
    ]


def test_the_website_of_what_the_text_is_about_is_a_website_source() -> None:
    # 20_lanterns.txt: "this year the city expects about 6 million visitors according to the
    # event website": no owner is named, the site still speaks.
    text = (
        "The fair grows every year. Last year 4,000 visitors came and this year the city "
        "expects 6,000 visitors according to the event website."
    )
    assert sources(text) == [[], [("event website", "website_statement")]]


def test_an_acronym_with_a_number_before_a_noun_is_the_body_it_spells() -> None:
    # 22_taxes.txt: "the deputies of Movimento 5 Stelle (M5S) ... the M5S party asks to the
    # regional government".
    text = (
        "Requests came from the deputies of Partito 7 Verdi (P7V) of the regional council.\n\n"
        "In the second case, the P7V party asks the regional government to apply the ruling."
    )
    assert [[name for name, _ in found] for found in sources(text)] == [[], ["Partito 7 Verdi"]]


def test_a_body_with_its_acronym_asking_and_encouraging_others_to_act() -> None:
    # 22_taxes.txt: "The Union of Rationalist Atheists and Agnostics (UAAR) has launched a
    # petition which now has more than 11,000 signatures, asking the government to ... It is
    # also encouraging citizens to ask for application of the law".
    text = (
        "The Lakeside Tenants Union (LTU) has launched a petition which now has more than "
        "1,000 signatures, asking the council to cap rents. It is also encouraging tenants to "
        "ask for repairs in their buildings.\n\n"
        "The results are encouraging."
    )
    union = [("Lakeside Tenants Union", "organization")]
    assert sources(text) == [union, union, []]


def test_a_pull_quote_with_its_credit_run_on_and_repeated_in_the_body() -> None:
    # 18_imprisoned.txt: "I was basically hauled in and told that my mum had attacked the
    # church ... because she was suppressive. Valeska Paris", then the same words again as
    # a paragraph of their own.
    text = (
        "Ana Ruiz, a former member, says the group held her for years.\n\n"
        "I was told that my brother had left the group and that I should never speak to him. "
        "Ana Ruiz\n\n"
        "I was told that my brother had left the group and that I should never speak to him.\n\n"
        "We went home after that."
    )
    ruiz = [("Ana Ruiz", "person")]
    assert sources(text)[:2] == [ruiz, ruiz]
    assert sources(text)[3:] == [ruiz, []]


def test_the_president_of_a_student_body_speaks_as_a_person() -> None:
    # 14_clock.txt: "University of Texas Arlington Muslim Student Association president Sehar
    # Memon said": a student giving her view, where a residents' association's president
    # speaks for it.
    text = (
        "University of Lakeside Student Union president Ben Ode said the rent rose.\n\n"
        "Lakeside Tenants Association president Ana Ruiz said the rent rose."
    )
    assert sources(text) == [[("Ben Ode", "person")], [("Ana Ruiz", "organization")]]


def test_reacting_by_proposing_is_the_speaker_proposing() -> None:
    # 22_taxes.txt: "Also the president of the Lombardy region, Roberto Maroni, has reacted
    # by proposing some regional counter-measures".
    text = (
        "Also the governor of the Lakeside region, Ana Ruiz, has reacted by proposing some "
        "regional measures to fund the schools.\n\n"
        "The market reacted by falling sharply."
    )
    assert sources(text) == [[("Ana Ruiz", "official")], []]


def test_the_president_of_a_region_is_an_official() -> None:
    # 22_taxes.txt: "Also the president of the Lombardy region, Roberto Maroni, has reacted":
    # a region is a government, as a province or a county is.
    text = "The president of the Lakeside region, Ana Ruiz, said the schools would be funded."
    assert sources(text) == [[("Ana Ruiz", "official")]]


def test_an_act_of_someone_named_in_the_possessive_is_no_source() -> None:
    # 23_warhol.txt: "She explained how Warhol's adoption of the Polaroid camera revealed his
    # process": the adoption revealed, Warhol said nothing; a body's assessment still speaks.
    text = (
        "Ana Ruiz, a curator, spoke at the show. She explained how Berg's adoption of the film "
        "camera revealed his method. She explained how Berg's adoption of the Polaroid camera "
        "revealed his prints.\n\n"
        "Italy's government said the plan was sound."
    )
    assert sources(text) == [
        [],
        [("Ana Ruiz", "person")],
        [("Ana Ruiz", "person")],
        [("Italy's government", "official")],
    ]


def test_an_owners_statement_noun_without_an_of_object_still_speaks_for_the_owner() -> None:
    # 23_warhol.txt, the same rule: only "adoption of the Polaroid camera", an act done to
    # something, is no speaker; a noun for a thing said or filed still speaks for its owner.
    owners = {
        "Pfizer's application said the vaccine was safe for children.": "Pfizer",
        "Google's submission argued that the fine was unfair.": "Google",
        "Amnesty International's documentation shows that prisoners were beaten.": (
            "Amnesty International"
        ),
        "Exxon's presentation showed that emissions fell.": "Exxon",
    }
    for text, owner in owners.items():
        [[(name, kind)]] = sources(text)
        assert (name.removesuffix("'s"), kind) == (owner, "organization"), text
