"""Constructions met in international newsrooms' published articles: GroundUp and Mongabay
(CC BY-ND 4.0), UN Geneva's newsroom (United Nations news content, reusable with credit)
and Meduza's English edition. Each test is a passage of the same structure in other words
and names; the comment cites the article whose sentence it generalises."""

from __future__ import annotations

from tests.core.sentences import sources


def test_the_outlet_told_after_a_speaker_and_an_appositive_is_no_speaker() -> None:
    # Mongabay, "Deforestation of orangutan habitat feeds global palm oil demand, report
    # shows", http://www.envirolink.org/2021/06/24/deforestation-of-orangutan-habitat-feeds-
    # global-palm-oil-demand-report-shows/ ('..." Gemma Tillack, policy director with RAN,
    # told Mongabay.'): the one told is the outlet, the name before it speaks.
    text = '"No trees were cut in March," Lena Ortiz, a farmer near the river, told Reuters.'
    assert sources(text) == [[("Lena Ortiz", "person"), ("Reuters", "news_agency")]]
    # An inverted cue with no outlet still takes the name after the verb.
    assert sources('"No trees were cut," said Lena Ortiz.') == [[("Lena Ortiz", "person")]]


def test_a_speaker_whose_body_has_a_long_name_and_an_acronym() -> None:
    # UN Geneva, "Fleeing violence in north-west Syria, families now forced to burn clothes
    # to stay warm", https://www.unognewsroom.org/story/en/115/unog-bi-weekly-press-
    # briefing-north-west-syria-ocha/3157 ('..." spokesperson Jens Laerke from the Office for
    # the Coordination of Humanitarian Affairs (OCHA) told journalists in Geneva.').
    text = (
        '"Roads are flooded," spokesperson Mara Holt from the Office for the Protection of '
        "Coastal Communities (OPCC) told journalists in Vienna."
    )
    assert sources(text) == [[("Mara Holt", "official")]]


def test_an_acronym_speaks_as_the_body_the_text_spelt_it_out_for() -> None:
    # UN Geneva, the same briefing ("Since 1 December, OCHA has reported that more than
    # 900,000 civilians have been displaced"), and Mongabay's orangutan story ("according
    # to RAN", after "Rainforest Action Network (RAN)").
    text = (
        "Mara Holt works for the Office for the Protection of Coastal Communities (OPCC).\n\n"
        "Since May, OPCC has reported that 9,000 people have left the coast.\n\n"
        "The Lakeside Forest Network (LFN) counts trees. Half were cut, according to LFN."
    )
    assert sources(text) == [
        [],
        [("Office for the Protection of Coastal Communities", "official")],
        [],
        [("Lakeside Forest Network", "organization")],
    ]


def test_the_articles_own_publisher_is_never_a_source() -> None:
    # GroundUp, "No school for Eastern Cape village children",
    # https://www.groundup.org.za/article/no-school-eastern-cape-village-children/ ("Tatoyi
    # Mponzo told GroundUp that last year in March the department gave notice"), and
    # Mongabay's ant-trade story ("he told Mongabay by email"): the outlet told is the
    # publisher itself (guideline 11, as "Wikinews has learned"); a third outlet stays the via.
    text = (
        "Ana Ruiz told Reuters that the school closed in March.\n\n"
        "Reuters reported in May that the district will appeal.\n\n"
        "Ana Ruiz told the BBC that the children lost a year."
    )
    assert sources(text, publisher="Reuters") == [
        [("Ana Ruiz", "person")],
        [],
        [("Ana Ruiz", "person"), ("BBC", "broadcaster")],
    ]
    assert sources(text)[:2] == [
        [("Ana Ruiz", "person"), ("Reuters", "news_agency")],
        [("Reuters", "news_agency")],
    ]
    # Every name of the publisher's line is its own: a second publisher in brackets, the
    # acronym after a name, and the name of a site without its domain.
    for publisher in ("Inter Press Service (Reuters)", "Reuters (as republished by News24)"):
        assert sources(text, publisher)[0] == [("Ana Ruiz", "person")]
    assert sources("Ana Ruiz told SAnews that the school closed.", "SAnews.gov.za") == [
        [("Ana Ruiz", "person")]
    ]
    # A publisher named in lower case: a domain, or a name with capitals after the first.
    for publisher in ("reuters.com", "rEuters"):
        assert sources(text, publisher)[0] == [("Ana Ruiz", "person")]
    # The publisher's own analysis is no document source either.
    assert sources("Most clinics closed, according to a Reuters analysis.", "Reuters") == [[]]
    # A person the text met keeps a surname that is also the publisher's name.
    text = "Rep. French Hill said the bill was bad. Hill said it would fail in the Senate."
    assert sources(text, "The Hill") == [[("French Hill", "official")]] * 2
    text = "Ana Sun, a farmer, said the rain was late. Sun said prices would rise."
    assert sources(text, "The Sun") == [[("Ana Sun", "person")]] * 2


def test_the_agent_of_documented_is_the_source() -> None:
    # Mongabay's orangutan story ("Deforestation within Laot Bangko's concession has been well
    # documented by RAN in recent years").
    text = "Logging inside the park has been documented by Forest Watch since 2019."
    assert sources(text) == [[("Forest Watch", "organization")]]


def test_an_unnamed_investigation_is_a_document_source() -> None:
    # Mongabay's orangutan story ("... responsible for deforesting prime orangutan habitat in
    # Sumatra, according to a recent investigation.").
    text = "The mill buys fruit from cleared land, according to a recent investigation."
    assert sources(text) == [[("investigation", "document")]]


def test_an_unnamed_group_speaks_through_the_document_that_opens_the_sentence() -> None:
    # Mongabay, "Ants need urgent protections from global trade, conservationists say",
    # https://news.mongabay.com/short-article/2026/01/ants-need-urgent-protections-from-
    # global-trade-conservationists-say/ ("In a recently published letter, conservationists
    # are now calling for greater trade protections for all ant species").
    text = (
        "In a newly released letter, beekeepers are asking for a ban on the pesticide.\n\n"
        "In the study, the river was sampled twice."
    )
    assert sources(text) == [[("beekeepers' letter", "document")], []]
    # People of the story speak themselves, through their letter.
    assert sources("In a letter to parents, teachers are asking for patience.") == [
        [("teachers", "person")]
    ]
    # A speaker named in the clause speaks, in the document.
    assert sources("In a new study, Ana Ruiz says the river is dying.") == [
        [("Ana Ruiz", "person")]
    ]


def test_a_cue_after_and_shares_the_subject_of_the_clause_before() -> None:
    # Mongabay, "Top brands failing to spot rights abuses on Indonesian oil palm plantations",
    # https://news.mongabay.com/2021/07/top-brands-failing-to-spot-rights-abuses-on-
    # indonesian-oil-palm-plantations-rspo/ ("The report looked at local and Indigenous
    # communities ... and found that their human rights continued to be violated").
    text = (
        "The survey looked at 40 schools in the valley and found that most had no water.\n\n"
        "On Monday, the ministry closed the road and said that it would reopen in May."
    )
    assert sources(text) == [[("the survey", "document")], [("the ministry", "official")]]
    # A clause with a subject of its own after "and" keeps it.
    assert sources("The council voted, and Ana Ruiz said the plant would close.") == [
        [("Ana Ruiz", "person")]
    ]


def test_staff_of_un_bodies_named_in_full_speak_as_an_organisation() -> None:
    # UN Geneva, "Torrential rains in Syria damage tents, devastate lives of people in camps",
    # https://www.unognewsroom.org/story/en/475/unog-bi-weekly-press-briefing-humanitarian-
    # situation-in-syria-29-january-2021-ocha ('said Jens Laerke, a spokesperson for the UN
    # Office for the Coordination of Humanitarian Affairs (OCHA) at a news briefing'), and
    # "UN Chief urges countries to 'do everything' against COVID-19",
    # https://www.unognewsroom.org/story/en/124/press-conference-secretary-general-at-who
    # ("WHO Director-General Dr Tedros Adhanom Ghebreyesus told journalists that"): the news
    # set's guidelines give UN bodies and their staff as organisations.
    text = (
        '"The camps are flooded," said Mara Holt, a spokesperson for the UN Office for the '
        "Coordination of Humanitarian Affairs (OCHA) at a briefing in Vienna.\n\n"
        "OCHA reports that 9,000 tents were damaged.\n\n"
        "Earlier, WHO Director-General Dr Ana Berg told journalists that cases were falling."
    )
    assert sources(text) == [
        [
            ("Mara Holt", "organization"),
            ("UN Office for the Coordination of Humanitarian Affairs", "organization"),
        ],
        [("UN Office for the Coordination of Humanitarian Affairs", "organization")],
        [("Ana Berg", "organization")],
    ]
    # A government's office of the same shape stays official.
    assert sources("The Ministry of the Interior said the road is closed.") == [
        [("Ministry of the Interior", "official")]
    ]
    # A UN acronym that is an English word is the body's only in capitals.
    assert sources("Doctor Who showrunner Tom Berg said the show would return.") == [
        [("Tom Berg", "person")]
    ]


def test_a_place_in_the_complement_of_an_event_is_no_source() -> None:
    # Mongabay's ant-trade story ("As the recent seizure of more than 5,000 endemic ants in
    # Kenya reveals, ants have become part of a thriving global wildlife trade."): a comma
    # between digits separates nothing, and the country is where the seizure was.
    text = (
        "As the recent capture of over 2,000 rare frogs in Peru reveals, frogs are traded widely."
    )
    assert sources(text) == [[]]
    # A body of that country still speaks.
    assert sources("The government of Peru said 2,000 frogs were seized.") == [
        [("Peru", "official")]
    ]


def test_what_a_report_highlights_or_documents_is_its_finding() -> None:
    # Mongabay's palm-oil story ("A new report highlights systemic social and environmental
    # problems ..."; "The report by a coalition of NGOs documents the human rights and
    # environmental impacts of 10 oil palm plantations").
    text = (
        "A new study highlights deep cuts to rural clinics across the region.\n\n"
        "The survey by a group of nurses documents the closure of 40 clinics since 2019.\n\n"
        "The minister highlighted the cost of the plan."
    )
    assert sources(text) == [
        [("study", "document")],
        [("survey by a group of nurses", "document")],
        [],
    ]


def test_the_official_of_a_body_is_the_person_of_that_body_named_before() -> None:
    # UN Geneva's north-west Syria briefing ('spokesperson Jens Laerke from the Office for the
    # Coordination of Humanitarian Affairs (OCHA) told journalists' ... '"have fled to areas
    # in northern Aleppo governorate which is adjacent to Idlib", the OCHA official added').
    text = (
        '"Roads are flooded," spokesperson Mara Holt from the Office for the Coordination of '
        "Humanitarian Affairs (OCHA) told journalists in Vienna.\n\n"
        'Some 30,000 people "have fled to the hills", the OCHA official added.\n\n'
        "The Lakeside police official said the road was closed."
    )
    assert sources(text) == [
        [("Mara Holt", "organization")],
        [("Mara Holt", "organization")],
        [("Lakeside police official", "official")],
    ]
    # A second official of the body named later is the one "the OCHA official" is then.
    text = (
        "Ana Berg, a spokesperson for OCHA, said aid was late. "
        "The OCHA official added that roads were shut. "
        "Tom Lind, a spokesperson for OCHA, said the airport was closed. "
        "The OCHA official added that fuel was short."
    )
    assert [s[0][0] for s in sources(text)] == ["Ana Berg", "Ana Berg", "Tom Lind", "Tom Lind"]


def test_the_group_the_text_named_by_where_it_is_from_speaks() -> None:
    # GroundUp, "No school for Eastern Cape village children" ("On Tuesday, about 15 parents
    # from Elliot went to the Eastern Cape Department of Education offices ... The parents
    # say 36 children are sitting at home").
    text = (
        "On Monday, some 40 villagers of Lakeside marched to the clinic. The villagers say "
        "the nurses left in May.\n\n"
        "The farmers say the road is closed."
    )
    assert sources(text)[1:] == [[("villagers of Lakeside", "person")], [("farmers", "person")]]
    # The group named last before the description, however far back.
    text = (
        "Some 40 villagers of Lakeside marched to the clinic. "
        + "The clinic was shut. " * 300
        + "Then 20 villagers of Riverton joined them. The villagers say the nurses left."
    )
    assert sources(text)[-1] == [("villagers of Riverton", "person")]


def test_a_title_with_no_name_and_a_day_is_the_one_the_text_gave_the_title() -> None:
    # UN Geneva, "UN Chief urges countries to 'do everything' against COVID-19",
    # https://www.unognewsroom.org/story/en/124/press-conference-secretary-general-at-who
    # ("UN Secretary-General on Monday urged all countries to 'do everything'"): the day
    # between title and verb is no part of the title, and the title names whom it named.
    text = (
        "UN Director-General Lena Ortiz opened the session in Vienna.\n\n"
        "UN Director-General on Tuesday urged all members to share their data."
    )
    # The UN's staff speak as the organisation, as the gold of that article has it ("António
    # Guterres", kind organization); a ministry's director-general is an official.
    assert sources(text)[1] == [("Lena Ortiz", "organization")]
    text = text.replace("UN", "Health Ministry")
    assert sources(text)[1] == [("Lena Ortiz", "official")]
    # Named nowhere, the title alone speaks, without its day.
    text = "UN Director-General on Tuesday urged all members to share their data."
    assert sources(text) == [[("UN Director-General", "person")]]


def test_a_title_with_no_name_is_whoever_held_it_where_it_is_read() -> None:
    # UN Geneva (as above): the title stands for the one the text last gave it, so the same
    # words read twice can stand for two people.
    text = (
        "UN Director-General Lena Ortiz arrived. UN Director-General said the talks failed. "
        "Later, UN Director-General Ana Sol took over. UN Director-General said the talks "
        "resumed."
    )
    assert sources(text) == [
        [],
        [("Lena Ortiz", "organization")],
        [],
        [("Ana Sol", "organization")],
    ]


def test_a_promise_to_someone_by_one_named_in_an_appositive() -> None:
    # GroundUp, "No school for Eastern Cape village children", https://www.groundup.org.za/
    # article/no-school-eastern-cape-village-children/ ("He said an education official, a Mr
    # Malapa, promised them that the department would provide scholar transport"): whom the
    # promise was made to may stand between the verb and "that", and the appositive that is
    # a name is the speaker the description before it stands for.
    text = (
        "Tom Berg, a parent, said the road flooded in May. He said a roads official, a Mr Dube, "
        "promised them that the council would send a bus."
    )
    assert sources(text)[1] == [("Tom Berg", "person"), ("Dube", "official")]


def test_a_statement_read_out_runs_on_until_its_quotation_closes() -> None:
    # UN Geneva, "Regular press briefing by the Information Service", https://ungeneva.org/en/
    # news-media/bi-weekly-briefing/2019/02/regular-press-briefing-information-service-2
    # ("Shabia Mantoo, for the United Nations Refugee Agency (UNHCR), read the following
    # statement:"), and the briefing of 20 December 2019 ("... made the following
    # statement:"): a quotation opens under the cue and its later paragraphs do not open it
    # again.
    text = (
        "Mara Holt, for the United Nations Ocean Agency (UNOA), read the following "
        "statement:\n\n"
        "\u201cNew figures show that 9,000 people left the coast last year.\n\n"
        "Most of them moved to the capital. Half of them were children.\n\n"
        "Typically, fewer than one in ten return.\n\n"
        "Floods\n\n"
        "The river rose by two metres on Monday."
    )
    found = [[name for name, _ in one] for one in sources(text)]
    assert found[1:5] == [["Mara Holt"]] * 4
    assert found[5:] == [[], []]  # the heading ends the statement
    # A quotation that closes ends the statement there.
    text = (
        "Mara Holt, for the United Nations Ocean Agency, made the following statement:\n\n"
        "\u201cNine thousand people left the coast.\n\n"
        "Most moved to the capital.\u201d\n\n"
        "The river rose by two metres on Monday."
    )
    assert [[name for name, _ in one] for one in sources(text)][1:] == [["Mara Holt"]] * 2 + [[]]


def test_the_bodys_spokesman_is_the_spokesperson_of_that_body_named_before() -> None:
    # UN Geneva, "Millions of people in crises will need UN humanitarian aid in midst of
    # COVID-19 pandemic", https://www.unognewsroom.org/story/en/147/unog-bi-weekly-press-
    # briefing-covid-19-preparedness-ocha ('"The UN office for Humanitarian
    # Coordination (OCHA) is determined ...," said spokesperson Jens Laerke.' ... "The OCHA
    # spokesman said that ..."): the body is named before the person in his sentence.
    text = (
        '"The Ocean Agency (OA) is ready to help," said spokesperson Mara Holt. '
        "The OA spokeswoman said that boats were on their way."
    )
    assert [who for who, _ in sources(text)[1]] == ["Mara Holt"]


def test_whom_a_speaker_informed_or_assured_before_what() -> None:
    # GroundUp, "Education department told court that learners would be in school this week.
    # It hasn't happened", https://groundup.org.za/article/western-cape-education-department-
    # reneges-on-court-promise-to-place-learners-at-schools ("advocate Ewald De Villiers-Jansen
    # for the department, assured the court that all of the seven learners ... had since
    # been allocated places"; "officials from the department contacted Sikeyi and informed
    # her that she would be placed").
    text = (
        "The Northern Education Department was taken to court.\n\n"
        "During the hearing, advocate Tom Berg for the department, assured the court that "
        "every learner had a place."
    )
    assert sources(text)[1] == [("Tom Berg", "official")]
    text = "Mayor Ana Ruiz visited the school and informed the parents that it would reopen."
    assert sources(text) == [[("Ana Ruiz", "official")]]
    # After a long opening phrase, officials of a body named before.
    # "The department" is the one so named, though the court spoke since.
    text = (
        "The Northern Education Department runs the schools.\n\n"
        "The Northern High Court said the delay was unlawful.\n\n"
        "Following our report on the family's two-year wait for a place, officials from the "
        "department called the girl and informed her that she would be placed."
    )
    assert sources(text)[2] == [("Northern Education Department", "official")]
    # Informed of something, an informed public, or a thing that informed another, reports
    # no words.
    assert sources("Police were informed of the attack on Monday.") == [[]]
    assert sources("The team was assured of a place in the final.") == [[]]
    # Premium Times, "Nigeria police chief orders investigation ...", http://www.premiumtimesng.
    # com/news/more-news/229741-nigeria-police-chief-orders-investigation-officers-alleged-
    # facebook-post-buhari.html ("He assured the public of police renewed determination").
    text = "Mayor Ana Ruiz spoke on Monday. She assured the public of her commitment to order."
    assert sources(text) == [[], [("Ana Ruiz", "official")]]
    assert sources("An informed public decided the vote.") == [[]]
    assert sources("The Acme report informed the policy that the city adopted in 2020.") == [[]]


def test_a_cue_set_off_by_commas_inside_the_sentence() -> None:
    # GroundUp (as republished by News24), "GroundUp wins lottery court battle",
    # https://www.news24.com/news24/southafrica/news/groundup-wins-lottery-court-battle-20200721
    # ("... a regulation of the Lotteries Act that, they claim, protects the confidentiality
    # of recipients"): "claim" needs no that-clause when commas set it off.
    text = "Ana Ruiz went to court. The rule, she claims, protects the recipients."
    assert sources(text)[1] == [("Ana Ruiz", "person")]
    # A noun between commas is no cue: "notes" of a compound, "claims" in a list.
    assert sources("In 2019, the bank notes, printed in London, were withdrawn.") == [[]]
    assert sources("The fund covers Medicare, Social Security claims, and pensions.") == [[]]


def test_people_of_the_story_named_by_what_they_are_speak_and_outsiders_are_a_hedge() -> None:
    # Guideline 5 against guideline 4: unnamed but specific sources are attributed. Honolulu
    # Civil Beat, "A sleepover for county council marathon Maui meeting raises concerns about
    # public participation", https://www.civilbeat.org/2023/01/a-sleepover-for-county-
    # council-marathon-maui-meeting-raises-concerns-about-public-participation/ ("a meeting in
    # which residents said they felt 'disenfranchised'"); The New Dawn (Liberia), "Grand
    # Gedeans Expressed Concerns", https://thenewdawnliberia.com/grand-gedeans-expressed-
    # concerns/ ("The locals said the ammunitions were left in the forest", "... said an
    # elder"); openDemocracy, "Government 'misinformation' unit flagged investigative
    # journalism and critics", https://www.opendemocracy.net/en/cabinet-office-misinformation-
    # unit-monitored-investigation-into-government-secrecy-and-foi/ ("Although officials claimed
    # it was not a 'fake news' unit").
    text = (
        "After a long night in which residents said they felt ignored, the council voted.\n\n"
        "The locals said the shells were left by retreating troops.\n\n"
        '"We are peaceful people," said an elder.\n\n'
        "Although officials claimed it was a routine audit, the office closed.\n\n"
        "Farmers from Ngcobo say the road has been closed since May."
    )
    assert sources(text) == [
        [("residents", "person")],
        [("locals", "person")],
        [("elder", "person")],
        [("officials", "official")],
        [("farmers from Ngcobo", "person")],
    ]
    # The New Dawn's story again ('"..." said a resident of B'hai Jozon Town. While another
    # one said agents of state security ...'): another of the same.
    text = (
        '"The troops left at night," said a resident of Toe Town. While another one said the '
        "agents lie."
    )
    assert sources(text) == [[("resident of Toe Town", "person")], [("another resident", "person")]]
    # Votebeat's Texas story ("Some county election officials across Texas say ..."): the
    # officials, with where they are, not the place.
    text = "Some county clerks and election officials across Ohio say turnout fell."
    assert sources(text) == [[("election officials across Ohio", "official")]]
    # ProPublica's contract-for-deed story ("critics say the contracts are predatory"): those
    # outside the story, and a crowd of no description, stay a hedge.
    # Members of a body speak for it.
    assert sources("Members of Parliament said the bill was flawed.") == [
        [("Members of Parliament", "official")]
    ]
    for hedge in ("Critics say", "Experts say", "Sources said", "Some individuals reported"):
        assert sources(f"{hedge} the deals are unfair.") == [[]]


def test_a_body_named_by_its_place_and_a_department_of_its_field() -> None:
    # TimesLIVE, "Four cases of Covid-19 in Sasolburg is fake news, says department of
    # health", https://www.timeslive.co.za/news/south-africa/2020-03-30-four-cases-of-covid-
    # 19-in-sasolburg-is-fake-news-says-department-of-health/ ("The Free State department of
    # health has denied claims that ..."): the department speaks, not the province.
    text = "The Lakeside department of education has denied claims that the school will close."
    assert sources(text) == [[("Lakeside department of education", "official")]]
    # The topic of an owner's document still ends its name: "a Microsoft report on China".
    assert sources("A Lakeside report on river pollution said the fish were dying.") == [
        [("Lakeside report", "document")]
    ]


def test_a_titled_speaker_after_an_opening_phrase_speaks_in_the_verb_joined_to_his_own() -> None:
    # Hindustan Times, "Two held for spreading rumours of violence and scare in Delhi:
    # Police", https://www.hindustantimes.com/india-news/two-held-by-delhi-police-for-spreading-
    # rumours-of-violence-scare-in-the-city/story-ThE4m1hY3oMLpgD4BOJvfO.html ("Earlier in
    # the evening, senior Delhi police official MS Randhawa had quashed all the rumours and
    # said that the situation was normal").
    text = (
        "Earlier in the day, senior Lakeside fire official Ana Ruiz had denied the rumours "
        "and said that the dam was safe.\n\n"
        "Earlier, district health officer Tom Lind visited the clinic and said that it was clean."
    )
    assert sources(text) == [[("Ana Ruiz", "official")], [("Tom Lind", "official")]]
    # The subject of a verb joined by "and" is not read through the object of the first verb.
    text = "Police arrested Tom Berg and charged him with theft, saying he had stolen a car."
    assert sources(text) == [[("police", "official")]]
    # The same story ('"Situation is normal at these places," Randhawa was quoted saying by
    # news agency ANI'): the one quoted speaks, the agency relays.
    text = (
        "Police official Ana Ruiz visited the dam.\n\n"
        '"The dam is safe," Ruiz was quoted saying by news agency Reuters.\n\n'
        "Ruiz was quoted as saying by the BBC that the dam would be inspected."
    )
    relayed = [
        [("Ana Ruiz", "official"), ("Reuters", "news_agency")],
        [("Ana Ruiz", "official"), ("BBC", "broadcaster")],
    ]
    assert sources(text)[1:] == relayed
    # The story's first lines ('"Two suspects have been apprehended ...," ANI tweeted, quoting
    # Delhi police.' and '..., reported news agency ANI.'): a name first met alone is a body
    # of no known kind until a description says which.
    text = (
        '"Two men were held," KNA tweeted, quoting Lakeside police.\n\n'
        "Police held two men on Sunday, reported news agency KNA."
    )
    assert sources(text)[1] == [("KNA", "news_agency")]


def test_a_quotation_read_on_a_post_found_on_a_platform() -> None:
    # AFP Fact Check, "South African health authorities urge public not to share hotline
    # graphics with false information", https://factcheck.afp.com/south-african-health-
    # authorities-urge-public-not-share-hotline-graphics-false-information ('"... SHARE WITH
    # EVERYONE," reads one of the graphics found on Facebook.'): a verb that needs its words
    # after it has them before it, in the quotation, and the post is the source.
    text = (
        "The number is real, according to health officials.\n\n"
        "\u201cCALL THIS NUMBER. A NURSE WILL VISIT YOU. TELL EVERYONE,\u201d reads one of the "
        "images posted on Facebook."
    )
    facebook = [("Facebook", "social_media")]
    assert sources(text) == [[("health officials", "official")], facebook, facebook, facebook]
    assert sources('"Prices will fall," notes the report.') == [[("the report", "document")]]
    # A speaker on a platform is the speaker; a title in quotation marks quotes no one.
    assert sources('"We will win," said the mayor on Facebook.') == [[("the mayor", "official")]]
    assert sources('The musical "Oklahoma!" showed the old West.') == [[]]


def test_a_spokesperson_of_an_acronym_speaks_as_the_body_it_spells() -> None:
    # SAnews, "Police deny reports regarding shooting a female protestor",
    # https://www.sanews.gov.za/south-africa/police-deny-reports-regarding-shooting-female-
    # protestor ("The South African Police Service (SAPS) has denied ... In a statement, SAPS
    # spokesperson Vishnu Naidoo said ..."; "the Independent Policing Investigative
    # Directorate (IPID) has confirmed").
    text = (
        "The Lakeside Police Service (LPS) has denied firing at students.\n\n"
        "LPS spokesperson Ana Ruiz said no shots were fired.\n\n"
        "The Independent Complaints Directorate has confirmed that two officers were suspended."
    )
    assert sources(text) == [
        [("Lakeside Police Service", "official")],
        [("Ana Ruiz", "official")],
        [("Independent Complaints Directorate", "official")],
    ]
    # An acronym the text never spells out is a body of no known kind: an organisation.
    assert sources("RAN spokeswoman Gemma Tillack said clearing resumed.") == [
        [("Gemma Tillack", "organization")]
    ]


def test_a_title_that_spoke_with_no_name_is_held_by_the_name_that_speaks_next() -> None:
    # Kashmir Reader, "Islamabad Op: Protestors 'contacted' India, claims Pak minister",
    # https://kashmirreader.com/2017/11/26/islamabad-op-protestors-contacted-india-claims-pak-
    # minister/ ("Pakistan's Interior Minister has claimed that ... Speaking to the DawnNews,
    # Ahsan Iqbal said, ..."; "The Pakistani interior minister reiterated that ...").
    text = (
        "Lakeland's Interior Minister has claimed that the protesters were paid.\n\n"
        "Speaking to the DawnNews, Tomas Varga said the camp would be cleared.\n\n"
        "The interior minister reiterated that the police would act."
    )
    varga = ("Tomas Varga", "official")
    assert sources(text) == [[varga], [varga, ("DawnNews", "newspaper")], [varga]]
    # A name met before, or one that speaks later than the next sentence, is someone else.
    text = (
        "Lakeland's Interior Minister has claimed that the protesters were paid.\n\n"
        "The camp was quiet on Sunday.\n\n"
        "Tomas Varga said the camp would be cleared."
    )
    assert sources(text)[2] == [("Tomas Varga", "person")]
    # Nor is a name that follows a title's words in the next sentence without "Speaking to".
    text = "The mayor said the road would close. John Smith said he was angry."
    assert sources(text) == [[("the mayor", "official")], [("John Smith", "person")]]


def test_staff_at_a_place_that_is_no_body_speak_themselves() -> None:
    # The Hindu, "Police kiosk at Idgah camp is of little help to us, say victims",
    # https://www.thehindu.com/news/cities/Delhi/police-kiosk-at-idgah-camp-is-of-little-help-
    # to-us-say-victims/article31027425.ece/amp/ ("Police officials at the kiosk said that they are
    # receiving complaints ..."): the kiosk is where they are, not whom they speak for.
    text = "Police officials at the tent said that they are receiving complaints."
    assert sources(text) == [[("Police officials", "official")]]
    text = "Officials at the Ministry of Health said the water was safe."
    assert sources(text) == [[("Ministry of Health", "official")]]
