"""Stage 1b, what a speech verb needs after it: verbs that are also common nouns or other
verbs ("states", "found", "rejected") are a cue only with a complement that fits speech (a
"that" clause, a quotation, a figure), or at the end after a postposed subject; "described"
and "characterized" only where they frame a characterisation ("described X as Y").
"""

from __future__ import annotations

import re

from claimcheck.core.attribution.lexicon import _I, _KNOWN_FORMS, _forms, _words

# Verbs that attribute only when they frame a characterisation: "referred to X as Y".
_AS_VERBS = _words(
    "characterized characterised characterizes characterise characterize described describes"
    " describe"
)


_AS_VERBS |= {"referred", "refers"}


# "ruled that", and with a time between verb and clause: "had ruled in 2012 that", "found
# last week that".
_THAT = (
    r"(?:,?\s+(?:(?:in|on|by|during|since)\s+(?:early\s+|late\s+)?(?:\d{4}|[A-Z][a-z]+day"
    r"|(?:Jan|Febr)uary|March|April|May|June|July|August|(?:Septem|Octo|Novem|Decem)ber)"
    r"(?:\s+\d{1,4})?|(?:last|this|earlier\s+this|later\s+that)\s+(?:week|month|year"
    r"|[A-Z][a-z]+day)|yesterday|today),?)?\s+that\b"
    # "a measure proposed last year that would have required": a relative "that" with no
    # subject of its own after it, not what was said.
    r"(?!\s+(?:would|will|could|can|may|might|should|must|has|have|had)\b)"
)


# Whom one informs or assures: "her", "the court", "residents".
_WHOM = (
    r"(?:them|him|her|us|me|you|(?:(?:the|its|his|their|our)\s+)?(?:[\w-]+\s+)?"
    r"(?:court|judge|jury|public|board|council|committee|panel|residents|families|family"
    r"|parents|members|staff|students|voters|crowd|audience|media|press|police|minister"
    r"|government|ministry|department|agency|commission|lawmakers|legislature))"
)


# Verbs that are also common nouns or other verbs: they need a complement that fits speech.
_COMPLEMENT = {
    **dict.fromkeys(
        _words("rates states notes details claims cites"),
        re.compile(
            r"\s+(?:that|the|a|an|this|these|those|its|his|her|their|it|how|what|why|whether"
            r"|he|she|they|we|there|[A-Z0-9])\b|\s*[,:]\s*[\"\u201c]"
            r"|\s+to\s+(?:be|have)\b"  # "The group claims to have 2,000 members"
        ),
    ),
    # "The agency reports more than 4,500 refugees have fled": a figure is what it reports.
    **dict.fromkeys(
        _words("reports estimates"),
        re.compile(
            r"\s+(?:that|the|a|an|this|these|those|its|his|her|their|it|how|what|why|whether"
            r"|he|she|they|we|there|[A-Z0-9]|more|fewer|less|nearly|almost|about|around|over"
            r"|at\s+least|up\s+to|some)\b|\s*[,:]\s*[\"\u201c]"
        ),
    ),
    **dict.fromkeys(
        ("added", "adds", "posted"), re.compile(r"\s*(?:[,.:;\"“”]|that\b|on\b|to\b|$)")
    ),
    # "encouraging citizens to ask", not "the results are encouraging".
    **dict.fromkeys(_forms("encourage"), re.compile(r"\s+(?:[\w-]+\s+){1,3}?to\s+[a-z]")),
    # 'She continued: "..."', not "prices continued to rise".
    **dict.fromkeys(("continued", "continues"), re.compile(r"\s*(?::|,\s*[\"\u201c]|\s+that\b)")),
    # "He recognized that ...", not "the country recognized Kosovo"; "conceded a goal".
    **dict.fromkeys(
        _words(
            """recognized recognised recognizes recognises maintained maintains indicated
            indicates mentioned mentions conceded concedes vowed vows pledged pledges hinted
            complained complains reasoned reasoning"""
        ),
        re.compile(_THAT + r"|\s*[,:]?\s*[\"\u201c]"),
    ),
    # Lemmas that are common nouns too ("a promise", "the question"): the forms that are
    # also nouns are cues only before what is said.
    **dict.fromkeys(
        (
            form
            for lemma in _words(
                """promise answer charge agree propose wonder counter voice forecast speculate
                theorize theorise question note state claim report estimate detail comment joke
                quip boast vow pledge hint remark stress tweet post caution reply express
                reason"""
            )
            for form in _forms(lemma)[:2]
            if form not in _KNOWN_FORMS
        ),
        re.compile(r"\s+(?:that|whether|if|why|how)\b|\s*[,:]?\s*[\"\u201c]"),
    ),
    **dict.fromkeys(
        _words("promised promising"),
        # "promised them that the department would provide transport": whom, then what.
        re.compile(r"\s+(?:(?:them|him|her|us|me|you)\s+)?(?:that|to)\b|\s*[,:]?\s*[\"\u201c]"),
    ),
    # "informed her that she would be placed", "assured the court that": whom, then what;
    # "assured the public of its commitment" too, but "notified the family of his death"
    # tells a fact.
    **dict.fromkeys(
        (*_forms("inform"), *_forms("notify")), re.compile(rf"\s+(?:{_WHOM}\s+)?that\b")
    ),
    **dict.fromkeys(_forms("assure"), re.compile(rf"\s+(?:{_WHOM}\s+that|{_WHOM}\s+of|that)\b")),
    **dict.fromkeys(
        _words("questioned questioning wondered wondering"),
        re.compile(r"\s+(?:whether|if|why|how|what)\b|\s*[,:]?\s*[\"\u201c]"),
    ),
    **dict.fromkeys(
        _words("charged agreed proposed answered countered theorized theorised speculated"),
        re.compile(_THAT + r"|\s*[,:]?\s*[\"\u201c]"),
    ),
    **dict.fromkeys(
        _words("went goes go"), re.compile(r"\s*:|\s*,\s*[\"\u201c]|\s+to\s+(?:say|add)\b")
    ),
    # "The court ruled that ...": a court speaks through its rulings.
    **dict.fromkeys(_words("rule rules ruled ruling"), re.compile(_THAT)),
    # "He called it a victory", "called the faltering reform effort a tragedy"; not "called
    # the police".
    **dict.fromkeys(
        _words("called calls"),
        re.compile(
            r"\s+(?:(?:it|this|that|them|him|her|(?:the|his|her|their|its)\s+[\w-]+(?:\s+[\w-]+){0,2})"
            # "called him an hour later": a telephone call, and when.
            r"\s+(?:(?:a|an)\b(?!\s+(?:few\s+|couple\s+)?(?:hours?|minutes?|seconds?|days?|weeks?"
            r"|months?|years?|moment|while|time|times|couple|few|dozen|number|second|third"
            r"|last|hundred)\b)|\"|\u201c)"
            # 'Gemini called Xi "an excellent leader"': a name and what it is called, in
            # quotation marks; "called Smith an hour later" or "called Smith a friend" is not.
            r"|[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,2}\s+[\"\u201c])\s*"
        ),
    ),
    # "Vucic called on citizens to attend": a call to act; not "called on a friend", nor a
    # visit with when and where it was before its purpose ("called on the house at 9 pm to
    # serve a warrant"). Those called on are one noun phrase of at most five words.
    **dict.fromkeys(
        ("called on", "calls on", "call on", "calling on"),
        re.compile(
            r"\s+(?:(?!(?:at|in|on|by|for|from|with|into|near|after|before|during|twice|once"
            r"|again|today|tonight|yesterday|monday|tuesday|wednesday|thursday|friday|saturday"
            r"|sunday|morning|afternoon|evening|night)\b)[^\W\d][\w'\u2019-]*\s+){1,5}?"
            r"to\s+[a-z]",
            re.IGNORECASE,
        ),
    ),
    # "asked whether", 'asked: "..."'; not "asked not to be named".
    **dict.fromkeys(
        _words("asked asks"), re.compile(r"(?!\s+not\s+to\s+be\s+(?:named|identified)\b)")
    ),
    # 'The letter reads "..."', "the sign read, in part": the words of a text.
    **dict.fromkeys(
        _words("read reads"),
        re.compile(r"\s*[,:]?\s*[\"\u201c]|\s*,?\s+(?:in\s+part|as\s+follows)\b"),
    ),
    # "expressed concern that ...", "voiced hope": a stance is what was said.
    **dict.fromkeys(
        _words("expressed expressing voiced voicing"),
        re.compile(
            r"\s+(?:(?:his|her|their|its|some|deep|serious|strong|grave|cautious)\s+)?"
            r"(?:concerns?|hopes?|doubts?|interest|support|regret|frustration|optimism"
            r"|confidence|surprise|disappointment|belief|fears?|anger|dismay|skepticism"
            r"|scepticism|opposition|gratitude|sympathy|reservations|worries|worry)\b"
        ),
    ),
    # "The church rejected her claims", "dismissed the allegations as false": a stance taken
    # on what was said; not "rejected the bid", "dismissed the case".
    **dict.fromkeys(
        (form for lemma in ("reject", "dismiss") for form in _forms(lemma)),
        re.compile(
            r"\s+(?:(?:the|her|his|their|its|these|those|such|this|that|all|any|a|an)\s+)?"
            r"(?:[\w-]+\s+)?(?:claims?|allegations?|accusations?|charges?|criticisms?"
            r"|reports?|suggestions?|assertions?|characteri[sz]ations?|idea|notion|findings"
            r"|rumou?rs?|speculation)\b"
        ),
    ),
    # "The city requested the heaviest users to not use any water", "requested that": what
    # was asked; not "requested a meeting".
    **dict.fromkeys(
        _forms("request"),
        re.compile(
            r"\s+(?:(?:the|all|its|their|some\s+of\s+the)\s+)?(?:[\w-]+\s+){0,4}?(?:public|residents"
            r"|users|customers|people|members|staff|employees|workers|parents|students|drivers"
            r"|voters|businesses|farms|them|him|her|us|everyone)\s+to\s+(?:not\s+)?[a-z]+"
            r"|\s+that\b"
        ),
    ),
    # "The ministry denied the report"; not "a judge denied the motion", a ruling.
    **dict.fromkeys(
        _forms("deny"),
        re.compile(
            r"(?!\s+(?:[\w'\u2019-]+\s+){0,5}?(?:motions?|requests?|bail|appeals?|applications?"
            r"|petitions?|permits?|permission|entry|access|visas?|injunctions?)\b)"
        ),
    ),
    # "The study found that ...", not "police found the car"; "Prosecutors found evidence
    # that ...": what the evidence shows is what they found.
    **dict.fromkeys(
        _words(
            """found finds showed shows suggested suggests recommends recommended observed
            observes show shown find finding showing determined determines determine"""
        ),
        re.compile(_THAT + r"|\s+(?:(?:no|new|clear|strong|some)\s+)?evidence\s+that\b"),
    ),
}


_ENDS = re.compile(r"\s*[.!?]?[\"\u201d]?\s*$")


_POSTPOSED = re.compile(r",\s+(?:the|a|an)\s+[\w .'\u2019-]{1,60}\s$", _I)
