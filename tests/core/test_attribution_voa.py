"""Constructions met in Voice of America staff reports (public domain) that the rules had not
been written against. Each test is a sentence of the same structure in other words and names;
the comment cites the report whose sentence it generalises."""

from __future__ import annotations

from tests.core.sentences import analyse, sources


def test_an_agency_reports_a_figure() -> None:
    # VOA, refugees from the Central African Republic in Chad,
    # https://voanews.com/amp/a-13-2009-02-01-voa19-68715442/357372.html: "The U.N. refugee
    # agency reports more than 4,500 refugees ... have fled".
    text = "The UN refugee agency reports nearly 3,000 people have crossed into Lakeland."
    assert sources(text) == [[("UNHCR", "organization")]]
    text = "The ministry estimates about 40 villages were flooded."
    assert sources(text) == [[("the ministry", "official")]]


def test_an_adverb_of_time_between_auxiliary_and_cue() -> None:
    # VOA Mandarin, AI videos of US leaders singing in Chinese, https://drulap.com/author/druchina:
    # "U.S. intelligence officials and experts have long warned about how China ...".
    text = "Lakeland intelligence officials have long warned that rivals use forged videos."
    assert sources(text) == [[("Lakeland officials", "official")]]


def test_a_named_group_beside_unnamed_experts_speaks() -> None:
    # VOA Mandarin, "Google AI Gemini parrots China's propaganda",
    # https://uponsoft.com/category/science-news: "Congressional lawmakers and experts tell VOA
    # that they are concerned ...".
    text = "Senate lawmakers and analysts told reporters that the rules are too loose."
    assert sources(text) == [[("Senate lawmakers", "official")]]
    # Unnamed on both sides, the officials speak and the experts beside them are a hedge.
    assert sources("Officials and experts said the dam was safe.") == [[("officials", "official")]]


def test_one_comment_is_an_online_source() -> None:
    # VOA Mandarin, AI videos of US leaders singing in Chinese: '"These two are almost as
    # Chinese as it gets," one comment says.'
    text = "\u201cThose two sing better than our own stars,\u201d one comment says."
    assert sources(text) == [[("comment", "social_media")]]


def test_a_statement_with_its_topic_before_its_owner() -> None:
    # VOA, "US Confirms Death of Al-Shabab Militant in Airstrike",
    # https://www.voanews.com/a/us-confirms-death-al-shabab-militant-airstrike/3972410.html:
    # "A brief statement on the attack from the U.S. Africa Command said ...". A military
    # command is a government body.
    text = "A short statement on the raid from the Northern Command said two boats were seized."
    assert sources(text) == [[("Northern Command", "official")]]


def test_the_us_speaking_is_the_government_of_a_country() -> None:
    # VOA Somali, "Regional Al-Shabab Leader Killed in Somali Raid",
    # https://boorsee.com/2017/05/regional-al-shabab-leader-killed-in-somali-raid.html: "Last
    # Friday, the U.S. said a Navy SEAL was killed". A country is never "he".
    text = "On Monday, the U.S. said a sailor was hurt in the raid.\n\nWe will answer, he said."
    assert sources(text) == [[("United States", "official")], []]
    # Officials of the country speak as it does, however it is spelt, as "White House
    # officials" speak as the White House.
    assert sources("US officials said the talks failed.") == [[("United States", "official")]]
    assert sources("U.S. officials said the talks failed.") == [[("United States", "official")]]
    # "USA Today" is a newspaper, not the country followed by "today".
    assert sources("USA Today reported that sales fell.") == [[("USA Today", "newspaper")]]
    assert sources("Sales fell, USA Today reported.") == [[("USA Today", "newspaper")]]
    assert sources("Ana Ruiz today said sales fell.") == [[("Ana Ruiz", "person")]]


def test_a_former_commander_is_a_person_named_by_his_description() -> None:
    # VOA Somali, "Regional Al-Shabab Leader Killed in Somali Raid": "A former Somali army
    # commander who is familiar with U.S. operations told VOA Somali he believes ...". The
    # nationality is no name, and a former office-holder speaks for himself.
    text = "A former Lakeland army commander told reporters he believes the raid failed."
    assert sources(text) == [[("Lakeland army commander", "person")]]
    text = "A Lakeland army commander told reporters the raid failed."
    assert sources(text) == [[("Lakeland army commander", "official")]]


def test_he_inside_what_a_speaker_told_someone_is_no_new_source() -> None:
    # The same sentence: "... told VOA Somali he believes there was ...": the subject of
    # "believes" is "he", not the name before it nor the whole clause before that.
    text = "A former Lakeland army commander told Radio Somali he believes the raid failed."
    assert sources(text) == [
        [("Lakeland army commander", "person"), ("Radio Somali", "broadcaster")]
    ]
    text = "The governor told reporters that the mayor believes the raid failed."
    assert sources(text) == [[("the governor", "official"), ("the mayor", "official")]]


def test_a_report_with_its_topic_is_a_document() -> None:
    # VOA Mandarin, AI videos of US leaders singing in Chinese: '"...," a Microsoft report on
    # China's disinformation threat said in April.'
    text = '"Fakes are on the rise," a Norvex report on election threats said in May.'
    assert sources(text) == [[("Norvex report", "document")]]


def test_an_opening_phrase_without_a_comma_is_not_the_subject() -> None:
    # VOA Somali, "Regional Al-Shabab Leader Killed in Somali Raid": "In a statement by the
    # Information Ministry the government says the operation ... was conducted by ...".
    text = (
        "The Lakeland government says four militants were killed.\n\n"
        "In a statement by the Interior Ministry the government says the raid was on Friday."
    )
    assert sources(text)[1] == [("Lakeland government", "official")]


def test_called_a_name_a_quoted_characterisation() -> None:
    # VOA Mandarin, "Google AI Gemini parrots China's propaganda": 'Gemini called Xi "an
    # excellent leader" who ...'. Calling someone on the telephone is no cue.
    assert sources('Norvex called Ana Ruiz "a trusted partner" in its filing.') == [
        [("Norvex", "organization")]
    ]
    assert sources("The mayor called Ana Ruiz on Monday.") == [[]]
    # Without quotation marks a name after "called" was telephoned or named by a plain noun.
    assert sources("Tom Becker called Ana Ruiz an hour after the crash.") == [[]]
    assert sources("Tom Becker called Ana Ruiz a friend.") == [[]]
    # A pronoun or a noun phrase with "a" or "an" is what it is called, but not with a time.
    assert sources("Tom Becker called the mayor an hour after the crash.") == [[]]
    assert sources("Tom Becker called the plan a mistake.") == [[("Tom Becker", "person")]]
    assert sources("Tom Becker called Ana Ruiz \u201ca liar\u201d.") == [[("Tom Becker", "person")]]


def test_a_participle_after_a_main_clause_that_follows_an_opening_phrase() -> None:
    # The same report: "On Taiwan, Gemini also mirrored Beijing's talking points, saying the
    # United States has recognized ...".
    text = "On trade, Norvex also echoed the ministry's line, saying tariffs help farmers."
    assert sources(text) == [[("Norvex", "organization")]]


def test_a_cue_word_given_or_received_is_a_noun() -> None:
    # The same report: "When asked to describe ..., Gemini gave answers that were
    # indistinguishable from ...": "answers that" is no speech.
    text = "When asked about the vote, Norvex gave answers that were vague."
    assert sources(text) == [[]]


def test_data_indicates_without_that() -> None:
    # VOA, "WHO: Tanzania Cholera Epidemic Worsens",
    # https://www.voanews.com/a/world-health-organization-who-tanzania-cholera-epidemic/2936285.html:
    # "WHO data indicates the fast-spreading epidemic broke out ...".
    text = "Ministry data indicates the outbreak began in the port two weeks ago."
    assert sources(text) == [[("ministry data", "document")]]
    assert sources("The fever indicates an infection.") == [[]]


def test_a_quotation_opening_a_paragraph_is_the_person_the_paragraph_before_named() -> None:
    # VOA, "Kenya Reacts to US Terror Warning",
    # http://www.voanews.com/a/a-13-2006-08-17-voa32/323205.html: "Ruto disagrees with the
    # travel warnings." and then a paragraph of his words with no cue.
    text = (
        "Mayor Ana Ruiz disagrees with the new warnings.\n\n"
        "\u201cThere is no truth in that. Our police are well prepared.\u201d"
    )
    found = analyse(text)
    assert [[(a.canonical, a.carried_from) for a in f.attributions] for _, f in found] == [
        [],
        [("Ana Ruiz", None)],
        [("Ana Ruiz", 1)],
    ]
    # A place or a thing the paragraph before opens with speaks no words.
    assert sources("The bridge closed in May.\n\n\u201cIt was a long wait for all.\u201d") == [
        [],
        [],
    ]


def test_a_participle_after_a_main_clause_that_follows_a_time_phrase() -> None:
    # The same report: "A week ago, the US State Department issued a travel warning to
    # Americans ..., saying Kenya is limited in its ability to detect ... threats."
    text = (
        "Two days ago, the Lakeland Foreign Office issued a warning to travellers, saying "
        "the border is unsafe."
    )
    assert sources(text) == [[("Lakeland Foreign Office", "official")]]


def test_a_named_person_and_others_with_him_speak_as_he_does() -> None:
    # VOA, "Arrest of activist spotlights alleged illegal lithium mining in central Namibia",
    # https://boorsee.com/category/africa/page/9: "Areseb and others at the rally accused
    # officials of accepting bribes ...".
    text = (
        "Activist Tom Becker appeared in court on Monday.\n\n"
        "Becker and others at the protest accused officials of taking bribes."
    )
    assert sources(text)[1] == [("Tom Becker", "person")]
    assert sources("Residents and others in the town said the water was foul.") == [
        [("residents", "person")]
    ]


def test_a_participle_after_a_name_and_its_description() -> None:
    # VOA, "Kenya Reacts to US Terror Warning": "William Ruto, secretary general and
    # presidential candidate for the Kenyan National Union (KANU) spoke with VOA ..., saying
    # the Kenyan government should have addressed the US travel warning immediately."
    text = (
        "Ana Ruiz, chairwoman of the Lakeland Farmers Union spoke with Radio Lakeland, saying "
        "the ministry should have acted sooner."
    )
    assert sources(text)[0][0] == ("Ana Ruiz", "person")
    # A place before its description does not speak through a participle.
    text = "Lake Placid, a town in the hills, was flooded, leaving hundreds homeless."
    assert sources(text) == [[]]


def test_an_opening_phrase_or_a_place_before_a_participle_is_no_speaker() -> None:
    # An opening time phrase is no name: the subject after it speaks.
    text = "On Tuesday, the company published its results, saying profits rose."
    assert sources(text) == [[("the company", "organization")]]
    text = "In March, the government raised taxes, saying the deficit was too large."
    assert sources(text) == [[("the government", "official")]]
    # A place described as a place is no person speaking through a participle.
    text = "New York City, the largest city, passed a law on rents, saying tenants need help."
    assert sources(text) == [[]]
