"""Constructions met in articles of US nonprofit newsrooms the rules had never been written
against: ProPublica (CC BY-NC-ND 3.0, "Steal Our Stories"), CalMatters (CC BY-ND 4.0), The
19th (CC BY-NC-ND 4.0), Chalkbeat (CC BY-NC-ND 4.0), KFF Health News (CC BY-NC-ND 4.0) and
The Texas Tribune (CC BY-ND 4.0), each under its publisher's republishing policy. Each test
is a passage of the same structure in other words and names; the comment cites the article
whose sentence it generalises."""

from __future__ import annotations

from tests.core.sentences import analyse, sources


def test_abbreviated_titles_of_elected_officials_make_an_official() -> None:
    # ProPublica, "Lawmakers Introduce Bill to Reform Controversial Contract-for-Deed Home
    # Sales", https://stlouist.com/aggregator/sources/52?page=20 ("introduced by Sen. Tina
    # Smith, D-Minn." at no cue, then "..., Smith said in an interview").
    text = (
        "The act, introduced by Sen. Ana Holt, D-Ohio, would require a written contract.\n\n"
        '"It is simply unfair," Holt said in an interview.'
    )
    assert sources(text)[1] == [("Ana Holt", "official")]
    # The 19th, "'They deserve this transparency': Rep. Pressley calls for hearing with
    # Epstein survivors", https://www.rawstory.com/u/jennifergerson-the19th ("Rep. Ayanna
    # Pressley on Thursday called for a congressional hearing").
    text = "Rep. Mara Lind on Thursday called for a public hearing on the dam."
    assert sources(text) == [[("Mara Lind", "official")]]


def test_the_head_of_a_public_body_is_an_official() -> None:
    # The Texas Tribune, "Three North Texas officers indicted on felony assault charges ...",
    # https://www.alternet.org/author/the-texas-tribune ("..., District Attorney John Creuzot
    # said in the release."); Chalkbeat Chicago, https://chicago.chalkbeat.org/2022/1/6/
    # 22870882/ ("District CEO Pedro Martinez had said"): a prosecutor and a school district's
    # head, though a lawyer or a chief executive elsewhere is a person.
    text = (
        "The inquiry took two years, District Attorney Tom Vane said in the release.\n\n"
        "District CEO Rita Lowe had said that some schools would open.\n\n"
        "The deal is fair, said Ana Ruiz, a lawyer for the tenants."
    )
    assert sources(text) == [
        [("Tom Vane", "official")],
        [("Rita Lowe", "official")],
        [("Ana Ruiz", "person")],
    ]


def test_two_names_joined_by_and_both_speak_when_the_second_has_a_lowercase_title() -> None:
    # Chalkbeat Chicago, "Latest updates: Most Chicago schools will be closed for a third day",
    # https://chicago.chalkbeat.org/2022/1/6/22870882/ ("In a brief statement, Mayor Lori
    # Lightfoot and schools chief Pedro Martinez said that bargaining started at noon").
    text = (
        "In a short statement, Mayor Rita Lowe and schools chief Tom Berg said that talks "
        "began at noon."
    )
    assert sources(text) == [[("Rita Lowe", "official"), ("Tom Berg", "official")]]


def test_an_officials_adviser_in_an_appositive_speaks_as_an_official() -> None:
    # CalMatters, "Newsom finally reveals his whereabouts", https://calmatters.org/newsletters/
    # whatmatters/2022/07/gavin-newsom-montana/ ("Anthony York, Newsom's senior advisor for
    # communications, told me: ..."): the appositive opens with whose adviser he is.
    text = (
        "Gov. Tom Berg is on vacation in Maine.\n\n"
        "Ana Ruiz, Berg's senior adviser for communications, told me: "
        "\u201cWe don't legislate where people rest.\n\n"
        "Never have.\u201d\n\n"
        "Jan Novak, Acme's senior adviser, said the plant will close."
    )
    assert sources(text)[1:] == [
        [("Ana Ruiz", "official")],
        [("Ana Ruiz", "official")],
        [("Jan Novak", "person")],
    ]


def test_a_party_member_with_a_post_in_an_appositive_is_a_politician() -> None:
    # CalMatters, "Crunch time for California Legislature", https://calmatters.org/
    # newsletters/whatmatters/2023/07/california-legislature-bills-deadline/ ("But committee
    # Chairperson Luz Rivas, a Democrat from Arleta, said she didn't think ...").
    text = "But committee Chairperson Ana Sol, a Republican from Fresno, said the bill fell short."
    assert sources(text) == [[("Ana Sol", "official")]]
    # Without a post, a party member is a voter.
    text = (
        "Jane Doe, a Republican from Phoenix, said she would not vote for him. "
        "Tom Berg, 67, a Democrat, said he was voting early."
    )
    assert sources(text) == [[("Jane Doe", "person")], [("Tom Berg", "person")]]


def test_words_in_quotation_marks_that_a_relative_clause_says_someone_calls() -> None:
    # KFF Health News, "Flawed Federal Programs Maroon Rural Americans in Telehealth Limbo",
    # https://acerohealth.com/aggregator/sources/8.html ("after President Donald Trump vowed
    # to end what he called the “racist” and “unconstitutional” ..."; "stroke survivor Ada
    # Carol Adkins has what she calls “wacky” phone and internet service"): the pronoun is
    # the person named earlier in the same sentence.
    text = (
        "Fees rose this week after President Tom Berg vowed to end what he called the "
        "\u201cunfair\u201d and \u201ccostly\u201d tax.\n\n"
        "In Lake County, farmer Ana Ruiz has what she calls \u201cwacky\u201d phone service.\n\n"
        "The group runs a program called \u201cSafe Start\u201d for children."
    )
    assert sources(text) == [[("Tom Berg", "official")], [("Ana Ruiz", "person")], []]
    # A conjunction opening the sentence is not part of the name.
    text = "But Ana Ruiz attacked what she called the \u201cracist\u201d program."
    assert sources(text) == [[("Ana Ruiz", "person")]]


def test_a_quotation_credited_before_a_colon_to_a_titled_name_with_a_description() -> None:
    # CalMatters, "Crunch time for California Legislature", https://calmatters.org/
    # newsletters/whatmatters/2023/07/california-legislature-bills-deadline/ ("Longtime
    # lobbyist Chris Micheli, who was in the room: “It happens maybe once or twice a year
    # between the two houses.”").
    text = (
        "Chairs usually get their way.\n\n"
        "Veteran lobbyist Ana Ruiz, who was in the room: \u201cIt happens maybe twice a year. "
        "Never more.\u201d\n\n"
        "At issue in the transport committee: Whether the rule should apply."
    )
    assert sources(text) == [[], [("Ana Ruiz", "person")], [("Ana Ruiz", "person")], []]
    # A speech verb before the colon is a cue of its own: the paragraph's next sentence,
    # outside the quotation, is not hers.
    text = "Ana Ruiz, the mayor, said: \u201cIt happens.\u201d The bridge closed in May."
    assert sources(text) == [[("Ana Ruiz", "official")], []]
    # The credit covers its quotation, not the narration after the quotation closes.
    text = (
        "Mayor Ana Ruiz, speaking in Dayton: \u201cWe lost everything.\u201d Turnout was low. "
        "Prices rose."
    )
    assert sources(text) == [[("Ana Ruiz", "official")], [], []]
    # A phrase opening the sentence before its subject is no credit.
    text = (
        "The vote was close.\n\nIn Dayton, the mood was grim: \u201cWe lost everything.\u201d "
        "Nobody expected it. Turnout was low."
    )
    assert sources(text) == [[], [], [], []]
    text = "On Monday, the day after the vote: \u201cWe lost.\u201d Turnout was low."
    assert sources(text) == [[], []]


def test_a_place_after_a_bodys_name_only_locates_it() -> None:
    # Chalkbeat Chicago, https://chicago.chalkbeat.org/2022/1/6/22870882/ ("Uplift Early
    # College STEAM High School on the North Side said it would offer activities").
    text = (
        "Lakeview Early College High School on the West Side said it would stay open.\n\n"
        "The US Attorney's Office in the Eastern District said it would appeal."
    )
    assert sources(text) == [
        [("Lakeview Early College High School", "organization")],
        [("US Attorney's Office", "official")],
    ]


def test_the_main_clauses_subject_speaks_in_a_verb_phrase_joined_by_and() -> None:
    # Chalkbeat Tennessee, "Memphis school, community leaders react to shooting spree",
    # https://www.chalkbeat.org/tennessee/2022/9/8/23343877/ ("Police later arrested and
    # charged Ezekiel Kelly, 19, with killing one man, and said he is a suspect in the other
    # deaths, according to The Commercial Appeal."): the police speak, the paper relays.
    text = (
        "Police later arrested and charged Tom Berg, 20, with theft, and said he is a suspect "
        "in two other cases, according to The Lakeside Courier.\n\n"
        "Ana Ruiz resigned in March and said she was tired."
    )
    found = analyse(text)
    assert [(a.canonical, a.source_kind, a.role) for a in found[0][1].attributions] == [
        ("police", "official", "primary"),
        ("Lakeside Courier", "newspaper", "via"),
    ]
    assert sources(text)[1] == [("Ana Ruiz", "person")]


def test_an_author_after_a_participle_and_by_is_no_speaker() -> None:
    # CalMatters, "Crunch time for California Legislature" (as above): "Senate Bill 423,
    # written by San Francisco Democratic Sen. Scott Wiener, would fast track the permitting".
    text = (
        "Senate Bill 12, written by Lakeside Democratic Sen. Tom Berg, would speed up permits."
        "\n\nA report written by Norvex says sales fell."
    )
    assert sources(text) == [[], [("Norvex report", "document")]]


def test_a_reason_cited_with_a_clause_of_its_own_names_no_source() -> None:
    # CalMatters, "Newsom finally reveals his whereabouts" (as above): "California has banned
    # state-funded and state-sponsored travel, citing policies it deems discriminatory to
    # LGBTQ+ people."
    text = (
        "Lakeside has banned state-funded travel there, citing policies it deems unfair to "
        "LGBTQ+ people.\n\n"
        "The ministry cut the budget, citing a report it received from Norvex."
    )
    assert sources(text) == [[], [("report", "document")]]


def test_a_letter_sent_admonishing_its_recipient_is_its_senders_and_her_two_word_surname() -> None:
    # KFF Health News, "Flawed Federal Programs Maroon Rural Americans in Telehealth Limbo",
    # https://acerohealth.com/aggregator/sources/8.html ("Ten days ago, Republican Sen.
    # Shelley Moore Capito of West Virginia sent a letter to Trump's Commerce secretary,
    # Howard Lutnick, admonishing him to speed up ..."; then "..., Moore Capito wrote.").
    text = (
        "Ten days ago, Republican Sen. Shelley Moore Tate of Ohio sent a letter to the "
        "Commerce secretary, Tom Lee, admonishing him to speed up the review.\n\n"
        "\u201cOhioans have waited long enough,\u201d Moore Tate wrote."
    )
    assert sources(text) == [
        [("Shelley Moore Tate", "official")],
        [("Shelley Moore Tate", "official")],
    ]


def test_a_speaker_and_a_counted_group_of_colleagues_both_speak() -> None:
    # The 19th, "'They deserve this transparency': Rep. Pressley calls for hearing with
    # Epstein survivors", https://www.rawstory.com/u/jennifergerson-the19th ("Pressley and 15
    # Democratic colleagues argued in the letter to House Oversight Chairman James Comer
    # that ..."): the chairman written to is no source.
    text = (
        "Rep. Ana Ruiz called for a hearing on Thursday.\n\n"
        "Ruiz and 12 Republican colleagues argued in the letter to Chairman Tom Lee that a "
        "hearing is needed.\n\n"
        "Ana Ruiz and other residents said the plan failed."
    )
    assert sources(text)[1:] == [
        [("Ana Ruiz", "official"), ("Ana Ruiz's 12 Republican colleagues", "official")],
        [("Ana Ruiz", "official")],
    ]


def test_a_live_blogs_timed_headings_and_a_line_handing_over_to_a_writer_are_no_claims() -> None:
    # Chalkbeat Chicago, https://chicago.chalkbeat.org/2022/1/6/22870882/ (entry headings
    # "8:00 p.m. Talks ‘productive’", "5:30 p.m. Most Chicago schools will be closed a third
    # day"); CalMatters, "Crunch time for California Legislature" (as above): "From
    # CalMatters’ housing reporter Ben Christopher:".
    text = (
        "Talks went on all day.\n\n"
        "8:00 p.m. Talks \u2018stalled\u2019\n\n"
        "The union said talks were slow.\n\n"
        "5:30 p.m. Most schools will stay closed a fourth day\n\n"
        "From our transport reporter Ana Ruiz:\n\n"
        "At 5:30 p.m. the talks ended."
    )
    assert [one.kind for _, one in analyse(text)] == [
        "claim",
        "headline",
        "claim",
        "headline",
        "other",
        "claim",
    ]
    # A sentence that opens with a time, or a "From" phrase that names no writer, is a claim.
    text = (
        "Talks went on all day.\n\n"
        "10:30 a.m. Police say the suspect fled the scene on foot\n\n"
        "8:00 p.m. is late for a meeting of this size\n\n"
        "From 2010 to 2020, the price of bread doubled in the city:\n\n"
        "From the ministry's statement to parliament:\n\n"
        "The talks ended."
    )
    assert [one.kind for _, one in analyse(text)] == ["claim"] * 6


def test_his_documents_are_those_of_the_person_the_sentence_opens_with() -> None:
    # The Texas Tribune, "Three North Texas officers indicted on felony assault charges ...",
    # https://www.alternet.org/author/the-texas-tribune ("Mabry is accused of firing or
    # threatening to fire so-called less-lethal projectiles at three people, according to
    # some of his indictments."): not the district attorney who spoke in the sentence before.
    text = (
        "Officer Tom Berg and Ana Ruiz were indicted on Friday, District Attorney Jan Vane "
        "said.\n\n"
        "Berg is accused of firing at three people, according to some of his indictments."
    )
    assert sources(text)[1] == [("Tom Berg indictment", "document")]
    # Each sentence's own subject: "his indictment" later is another man's.
    text = (
        "Tom Mabry is accused of fraud, according to his indictment. Sam Ortiz was charged "
        "too. Ortiz is accused of theft, according to his indictment."
    )
    assert sources(text) == [
        [("Tom Mabry indictment", "document")],
        [],
        [("Sam Ortiz indictment", "document")],
    ]


def test_some_of_his_people_are_a_hedge_not_his_documents() -> None:
    # The partitive of the Texas Tribune sentence above ("according to some of his
    # indictments") with people for documents: unnamed people, a hedge and no source.
    found = analyse(
        "According to some of his friends, he was happy. "
        "The bill was rushed, according to one of her aides."
    )
    assert [(one.hedge, list(one.attributions)) for _, one in found] == [
        ("according to some of his friends", []),
        ("according to one of her aides", []),
    ]


def test_a_conjunction_that_opens_the_sentence_is_no_part_of_the_speaker() -> None:
    # CalMatters, "Newsom finally reveals his whereabouts" (as above): "Although the office
    # said Friday the governor had left California ..."; and "Crunch time for California
    # Legislature" (as above): "But committee Chairperson Luz Rivas, ..., said".
    text = (
        "Although the ministry said Friday the plan was ready, it did not answer questions.\n\n"
        "But committee Chairperson Ana Sol, a Democrat from Fresno, said she disagreed."
    )
    found = analyse(text)
    assert [(a.source_text, a.canonical) for _, one in found for a in one.attributions] == [
        ("the ministry", "the ministry"),
        ("committee Chairperson Ana Sol", "Ana Sol"),
    ]


def test_his_office_speaks_for_the_one_the_possessive_names() -> None:
    # CalMatters, "Newsom finally reveals his whereabouts", https://calmatters.org/newsletters/
    # whatmatters/2022/07/gavin-newsom-montana/ ("His office said in a June 24 press release
    # that Montana will likely ban the procedure"): "his office" is no noun after a possessive
    # ("his urgent calls for"), it speaks for him.
    text = (
        "Mayor Tom Berg spoke at the opening of the bridge. "
        "His office said in a May 3 press release that the toll will likely rise."
    )
    assert sources(text)[1] == [("Tom Berg", "official")]


def test_the_title_stands_for_the_one_named_with_it_before_at_no_cue() -> None:
    # CalMatters, "Newsom finally reveals his whereabouts", https://calmatters.org/newsletters/
    # whatmatters/2022/07/gavin-newsom-montana/ ("Gov. Gavin Newsom is on vacation in
    # Montana ... the governor's office appeared loath to disclose. Although the office said
    # Friday the governor had left California"): the governor, then his office, is Newsom.
    text = (
        "Gov. Rita Lowe is abroad on a trade mission, the paper learned on Monday.\n\n"
        "The news was something the governor's office did not want out. Although the office "
        "said Friday the governor had left the state, it gave no dates. The governor said "
        "Tuesday the trip was a success."
    )
    assert sources(text)[2:] == [[("Rita Lowe", "official")], [("Rita Lowe", "official")]]


def test_the_title_holder_is_only_the_one_with_that_very_title() -> None:
    # CalMatters, "Newsom finally reveals his whereabouts", as above: "the governor" is Gov.
    # Gavin Newsom; but not a governor "of" something else, not a lieutenant governor, and
    # the rest of a title ("Inspector General") is no part of the name.
    cases = [
        (
            "Gov. Rita Lowe is on vacation. The governor of the central bank said rates "
            "would rise.",
            ("the governor of the central bank", "official"),
        ),
        (
            "Inspector General Tom Berg released a report. The inspector said nothing.",
            ("Tom Berg", "official"),
        ),
        (
            "Lt. Gov. Ana Sol met voters. The governor said the budget was fine.",
            ("the governor", "official"),
        ),
        ("Gov. Jim O'Brien is on vacation. The governor said rates would rise.", None),
        ("Gov. Ana Luj\u00e1n Sol is abroad. The governor said rates would rise.", None),
    ]
    for text, wanted in cases:
        holder = text.split(" is ")[0].removeprefix("Gov. ")
        assert sources(text)[1] == [wanted or (holder, "official")], text


def test_a_relative_clause_cue_after_a_possessive_description() -> None:
    # Chalkbeat Tennessee, "Memphis students grapple with another shooting spree",
    # https://www.chalkbeat.org/tennessee/2022/9/8/23343877/ ("The morning began with an
    # announcement from her principal, who told students that resources were available"):
    # the noun phrase "who" stands for starts at its possessive, and a principal is known
    # by whose principal they are.
    text = (
        "Maya Cole is a junior at Lakeside High School.\n\n"
        "The day began with a message from her principal, who told parents that buses "
        "would run late."
    )
    assert sources(text)[1] == [("Maya Cole's principal", "person")]


def test_what_a_speaker_called_a_long_description_in_quotation_marks() -> None:
    # ProPublica, "In Five Years, Chicago Has Barely Made Progress on Its Court-Ordered Police
    # Reforms. Here's Why.", https://stlouist.com/aggregator/sources/52 ("Sheila Bedi, an
    # attorney who represented the coalition ..., called the faltering reform effort a
    # "tragedy."").
    text = "Lena Ortiz, a lawyer, called the stalled housing plan a \u201cdisgrace.\u201d"
    assert sources(text) == [[("Lena Ortiz", "person")]]
    assert sources("Lena Ortiz called the old town hall a few times.") == [[]]
    assert sources("Lena Ortiz called the White House switchboard a dozen times.") == [[]]


def test_a_document_found_by_an_outlet_is_the_source_not_the_outlet() -> None:
    # ProPublica, "IRS Audit of Trump Could Cost Former President More Than $100 Million",
    # https://www.stlouist.com/aggregator/sources/52 ("..., according to an IRS inquiry
    # uncovered by ProPublica and The New York Times.").
    text = "The firm used a loophole twice, according to a Treasury audit uncovered by Reuters."
    assert sources(text) == [[("Treasury audit", "document")]]
    text = "The firm used a loophole twice, according to emails obtained by Reuters."
    assert sources(text) == [[("emails obtained by Reuters", "document")]]
    # An author after "by" is still the source.
    text = "The firm used a loophole twice, according to a report by Reuters."
    assert sources(text) == [[("Reuters", "news_agency")]]


def test_a_party_member_described_is_the_person_named_before() -> None:
    # The Texas Tribune, "Blue Dog promoted controversial buoys to prevent migrants from
    # crossing the Rio Grande years ago", http://quantic-us.com/the-texas-tribune.html ("Rep.
    # Henry Cuellar ... The conservative Democrat said in a recent interview with Newsweek
    # that ..." and '..." Cuellar told the news magazine.').
    text = (
        "Rep. Tom Berg backed the wall in 2019. The moderate Republican said in an interview "
        "with Newsweek that he had proposed it.\n\n"
        "\u201cIt worked,\u201d Berg told the news magazine."
    )
    found = analyse(text)
    assert [a.canonical for a in found[1][1].attributions] == ["Tom Berg", "Newsweek"]
    assert [(a.canonical, a.role) for a in found[2][1].attributions] == [
        ("Tom Berg", "primary"),
        ("Newsweek", "via"),
    ]
    # With no outlet named before, "the newspaper" names none.
    assert sources("\u201cIt worked,\u201d Tom Berg told the newspaper.") == [
        [("Tom Berg", "person")]
    ]


def test_a_confirmation_still_to_come_is_no_source() -> None:
    # The Texas Tribune, "Gov. Greg Abbott's pick for top Texas election post worked with
    # Trump to fight 2020 results", https://www.rawstory.com/u/jamesbarragan-thetexastribune
    # ("Scott will eventually have to be confirmed by the Legislature, which ...").
    assert sources("Ortiz will have to be confirmed by the Senate in May.") == [[]]
    assert sources("The closure was confirmed by the Senate.") == [[("Senate", "official")]]


def test_a_speaker_credited_with_a_colon_after_a_list_item_with_no_stop() -> None:
    # CalMatters, "Bills, bills and more bills at California Legislature",
    # https://calmatters.org/newsletters/whatmatters/2023/01/california-legislature-crime-climate-bills/
    # (a list item "Assembly Bill 328, by Riverside-area Assemblymember Bill Essayli, would
    # reinstate ... a violent crime" with no stop, later 'Essayli: "We don't need ...').
    text = (
        "Bills, Bills and More Bills at the Capitol\n\n"
        "Assembly Bill 12, by Fresno-area Assemblymember Ana Holt, would raise the penalty "
        "for theft in a store\n\n"
        "Holt: \u201cWe need more police. We need them now.\u201d"
    )
    assert sources(text)[2:] == [[("Ana Holt", "official")]] * 2


def test_he_after_a_surname_alone_is_the_person_the_text_named_in_full() -> None:
    # ProPublica, "IRS Audit of Trump Could Cost Former President More Than $100 Million",
    # https://www.stlouist.com/aggregator/sources/52 ("Former President Donald Trump used a
    # dubious accounting maneuver ..." at no cue, paragraphs later "The first write-off came
    # on Trump's tax return for 2008. With sales lagging far behind projections, he claimed
    # that ...").
    text = (
        "Mayor Tom Berg used a loophole to cut his taxes, records show.\n\n"
        + "The tower by the river is the tallest in the city. " * 12
        + "\n\nThe first write-off came on Berg\u2019s return for 2008. With sales lagging, he "
        "claimed that the tower was worthless."
    )
    assert sources(text)[-1] == [("Tom Berg", "official")]


def test_an_inverted_cue_after_a_clause_names_a_speaker_behind_a_lower_case_title() -> None:
    # Votebeat, "'They gave up': Study finds new voting laws caused 18K Texans to skip polls",
    # as republished at https://www.rawstory.com/u/nataliacontreras-votebeattexas ("..., said
    # co-author Kevin Morris, a senior research fellow ..."); the Hindustan Times' Delhi story
    # ("..., reported news agency ANI.").
    text = (
        "Most rejected voters had voted before, said co-author Ana Ruiz, a fellow at the "
        "Lakeside Institute.\n\n"
        "Two men were held on Sunday, reported news agency Reuters.\n\n"
        "The plant will close, wrote columnist Tom Lind in the Lakeside Times."
    )
    assert sources(text) == [
        [("Ana Ruiz", "person")],
        [("Reuters", "news_agency")],
        [("Tom Lind", "person")],
    ]
    # A phrase of time or place after the verb names no one.
    assert sources("The plant will close, said in a statement Friday.") == [[]]


def test_officials_determined_that_is_what_they_found() -> None:
    # KXXV, "Bell County elections office acknowledges delay in daily early voting reports",
    # https://www.kxxv.com/news/local-news/in-your-neighborhood/bell-county/bell-county-
    # elections-office-acknowledges-delay-in-daily-early-voting-reports ("By synchronizing
    # the data from each poll book, officials determined that ...").
    text = "After checking each ledger, officials determined that the fund was counted twice."
    assert sources(text) == [[("officials", "official")]]
    assert sources("The court determined the outcome of the case.") == [[]]


def test_researchers_and_study_authors_after_a_study_are_its_authors() -> None:
    # Grist, "More than 61,000 died from heat in Europe last summer", as republished at
    # https://ecofriendlyemporium.com/tag/environmental-awareness/page/255 ("..., according to
    # a new study published in Nature Medicine. ... Researchers looked at heat-related deaths
    # ... and found that ... Study authors said that ...").
    text = (
        "Floods killed 300 people last year, according to a new study published in Lancet.\n\n"
        "Researchers looked at river levels and found that most deaths were in towns.\n\n"
        "Study authors said that the toll will rise."
    )
    authors = [("Lancet study authors", "person")]
    assert sources(text) == [[("Lancet study", "document")], authors, authors]
    # With no study before, researchers are a hedge.
    assert sources("Researchers said the toll will rise.") == [[]]


def test_a_title_of_public_service_is_an_officials_not_a_bodys_named_public() -> None:
    # KXXV's Bell County story ("Public information officer James Stafford said the office
    # is actively working ..."): "Public" names no body.
    text = "Public information officer Ana Ruiz said the office is working through the night."
    assert sources(text) == [[("Ana Ruiz", "official")]]
    assert sources("Police officer Tom Lind said the road was closed.") == [
        [("Tom Lind", "official")]
    ]
    assert sources("Shell spokeswoman Jane Doe said oil fell.") == [[("Jane Doe", "organization")]]


def test_one_of_a_bodys_staff_unnamed_is_specific_and_a_name_in_apposition_names_them() -> None:
    # The Texas Tribune's Scott story ("an official with the Texas secretary of state's office
    # said"), labelled an unnamed but specific source (guideline 5), as "a spokesperson" is.
    text = (
        "A police spokesman said the man was held overnight.\n\n"
        "A company spokeswoman said sales fell.\n\n"
        "One official said the tax was due."
    )
    assert sources(text) == [
        [("police spokesman", "official")],
        [("company spokeswoman", "organization")],
        [("official", "official")],
    ]
    # Two unnamed officials are two sources.
    text = "An official said the bridge was safe. Another official said it was not."
    assert sources(text) == [[("official", "official")], [("another official", "official")]]


def test_a_fact_checks_claim_line_is_the_source_lines_claim() -> None:
    # The Frontier, "We fact checked campaign ad claims on Stitt's first term as governor",
    # https://www.readfrontier.org/stories/we-fact-checked-campaign-ad-claims-on-stitts-first-
    # term-as-governor/ ("Claim: Kevin Stitt used the coronavirus pandemic to release 452
    # prison inmates." / "Source: The dark money group Sooner State Leadership Fund made this
    # claim in a recent television ad.").
    text = (
        "Claim: Ana Ruiz closed 12 clinics in her first year.\n\n"
        "Source: The dark money group Lakeside Action Fund made this claim in a radio ad.\n\n"
        "Source: Reuters"
    )
    fund = [("Lakeside Action Fund", "organization")]
    assert sources(text) == [fund, fund, []]
    kinds = [one.kind for _, one in analyse(text)]
    assert kinds == ["claim", "claim", "boilerplate"]


def test_what_the_sentence_before_says_a_speaker_is_gives_their_kind() -> None:
    # Michigan Radio, "Bay City may have located elusive water main break",
    # http://www.michiganradio.org/post/bay-city-may-have-located-elusive-water-main-break
    # ("Ryan Manz is Bay County's emergency management coordinator. He says ..."; "Tammy
    # Brinkman is the head of the Bay City YMCA.").
    text = (
        "Ana Ruiz is Lakeside County's emergency management coordinator. She says the main "
        "broke at noon.\n\n"
        "Tom Lind is the head of the Lakeside swim club. He says the pool is open."
    )
    assert sources(text) == [[], [("Ana Ruiz", "official")], [], [("Tom Lind", "person")]]
    # Only a title is what someone is: not whose daughter she is, nor what was done to him.
    text = "Ana Ruiz is the mayor's daughter. She says the road is closed."
    assert sources(text)[1] == [("Ana Ruiz", "person")]
    text = "Tom Lind was fired by the police chief in May. He says he was wronged."
    assert sources(text)[1] == [("Tom Lind", "person")]


def test_an_outlet_with_a_number_in_its_name_and_the_publishers_own_call_sign() -> None:
    # KVOA News 4 Tucson, "Judge denies Attorney General's motion to stop Cochise County
    # elections agreement with Recorder", https://www.kvoa.com/news/judge-denies-attorney-
    # generals-motion-to-stop-cochise-county-elections-agreement-with-recorder/article_ab2a7ba2-
    # de3e-11ed-bb10-4bde9b555825.html ("State Attorney Joshua D. Bendor told News 4 Tucson
    # after the hearing ..."): a state attorney is an official, and "News 4 Tucson" is the
    # publisher itself.
    text = "State Attorney Ana Ruiz told News 4 Tucson after the hearing that they disagree."
    assert sources(text, "KVOA News 4 Tucson") == [[("Ana Ruiz", "official")]]
    # The city in a station's name is no name of the station's own.
    assert sources("New York said it would sue the company.", "NBC New York") != [[]]
    assert sources("Jan Berg told Channel 4 News the vote was fair.") == [
        [("Jan Berg", "person"), ("Channel 4 News", "broadcaster")]
    ]


def test_a_ruling_that_denies_a_motion_is_no_denial_and_the_state_is_a_party() -> None:
    # KVOA's Cochise County story ("A judge on Tuesday denied Attorney General Kris Mayes
    # motion for an injunction ..."; "The State argues that ...").
    text = "A judge on Tuesday denied the county's motion for an injunction."
    assert sources(text) == [[]]
    assert analyse(text)[0][1].hedge is None
    assert sources("The ministry denied the report.") == [[("the ministry", "official")]]
    assert sources("The State argues that the board lacks authority.") == [[("State", "official")]]
    # News 9's Oklahoma bills story ("Democrats said lawmakers should be more worried about
    # ..."): a party's members in a legislature are elected politicians (guideline 10).
    assert sources("Republicans said the bill was needed.") == [[("Republicans", "official")]]


def test_a_request_and_a_notice_are_what_was_asked_and_told() -> None:
    # Michigan Radio's Bay City story ("The city requested some of the heaviest commercial
    # water users to not use any water today."); The San Joaquin Valley Sun, "Two coronavirus
    # cases force Calif. legislature to shutter Capitol offices", http://sjvsun.com/california/
    # two-coronavirus-cases-forces-calif-legislature-to-shutter-capitol-offices/ ("On Friday,
    # the Assembly Rules Committee distributed a memo to legislators notifying them that two
    # legislative staffers ... tested positive").
    text = (
        "The county requested the largest farms to not water their fields today.\n\n"
        "On Monday, the Lakeside City Council distributed a memo to staff notifying them that "
        "two workers had fallen ill.\n\n"
        "The mayor requested a meeting with the board."
    )
    assert sources(text) == [
        [("the county", "official")],
        [("Lakeside City Council", "official")],
        [],
    ]
    # What one asks for oneself, and a fact one is told, report no words.
    assert sources("Tom Berg requested anonymity to protect his family.") == [[]]
    assert sources("The union requested permission to march on Friday.") == [[]]
    assert sources("Police notified the family of his death.") == [[]]


def test_a_pronoun_after_the_name_its_own_sentence_just_gave() -> None:
    # KVOA's Cochise County story ("The only Cochise County Supervisor in attendance was Peggy
    # Judd, she spoke to News 4 Tucson after the ruling. 'I'm just pleased ...'").
    text = (
        "The county's lawyer argued that the State was wrong.\n\n"
        "The only supervisor in attendance was Ana Ruiz, she spoke to reporters after the "
        "ruling.\n\n"
        '"I am just pleased," she said.'
    )
    assert sources(text)[2] == [("Ana Ruiz", "person")]


def test_a_police_rank_written_short_is_a_title_after_the_verb_and_before_it() -> None:
    # Police ranks as US local news writes them ("said Sgt. ...", "Lt. ... said"), read to the
    # name after the rank's stop, as the review of the round found ("said police Sgt. Tom
    # Berg" named "Sgt").
    text = (
        "The road was closed for hours, said police Sgt. Ana Ruiz.\n\n"
        '"Nobody was hurt," said Lt. Tom Lind.\n\n'
        "Det. Jan Berg said the driver fled."
    )
    assert sources(text) == [
        [("Ana Ruiz", "official")],
        [("Tom Lind", "official")],
        [("Jan Berg", "official")],
    ]
