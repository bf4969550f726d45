"""Attribution: who says so, for every sentence of a document.

A rule-based engine, explainable by construction: every attribution names its cue and the
spans it was read from. Resolution crosses sentences, so the unit of work is a document. A
document goes through these stages, one module each, in this order:

1. ``lexicon``: the cue lexicon. A handful of anchored patterns (reporting verbs in every
   form of their lemmas, "according to", "as per a report from", "quoting", "in a
   statement", "in her view", "as she put it", dash credits, vague hedges),
   each tried only where one of its first words occurs; a sentence without any cue word
   costs one set test (``_STRONG``) and is never read further. ``complements`` says what a
   speech verb that is also a common noun or another verb needs after it to be a cue ("the
   study found that", not "police found the car").
2. ``phrases``, ``names`` and ``titles``: noun phrases. Where a phrase or clause around a cue
   starts and ends, and how a phrase is read: a pronoun, a description ("the agency"), a name
   with its title ("Environment Minister John Baird"), a body's document ("PC World's
   analysis"); ``titles`` splits a name from the title before it ("Governor of Washington
   Chris Gregoire" names Chris Gregoire) and the body a title names.
3. ``source_kinds``: what sort of source a new name or noun is, from its title, affiliation
   or the shape of its name, and, for a name shaped like a person's, from where the text
   writes it ("Texas Instruments", "Ellinais, a group of ...", "the Hellenic ...")
   (``words`` holds the word lists these stages share).
4. ``entities``, ``coreference``, ``antecedents``, ``owners``, ``groups`` and ``resolution``: the
   document's entities (people, bodies, outlets, documents, websites) and the aliases they go
   by; a noun phrase read at a cue becomes a reference to one of them, new or met before
   (``groups``: people of the story known by what they are, "residents", "an elder", "a
   police spokesman", are specific sources; "critics", "experts" and "sources" stay a
   hedge), and
   pronouns and definite descriptions (``coreference``) resolve to the most recent entity of
   the right sort, or to a body the text named at no cue (``antecedents``: "The Irving Police
   Department arrested him. The department said"), and an acronym to the name the text spelt
   it out for; ``owners`` reads what an owner published (its report, statement or website)
   and whether an owner is an official, whose staff speak as officials. The document's own
   publisher (``publisher``: its front matter's, or the command line's) is never one of them:
   "told GroundUp" in a GroundUp article names no outlet.
5. ``after_verb``, ``places``, ``lines``, ``announced``, ``credits`` and ``cues``, each
   building on the one before: for each cue, the source is read from a fixed place (the
   subject before a speech verb, the name after the verb, after a closing quotation or a
   clause with no quotation marks ("Staff are harassed says Ana Ruiz"), the outlet in
   "told CBC News", the channel in "in a statement"); ``lines`` reads what a whole line
   says: a quotation's credit on a line of its own (with or without a dash), an
   interview's answer after its speaker's name and a colon, a fact check's "Source: X made
   this claim" line (and the "Claim:" line before it), and the person a paragraph opens
   with, whose words an uncued quotation after it, or opening the next paragraph, are;
   ``announced`` reads a sentence that announces the words after it ("X issued the
   following statement:", "The following is a statement from X"), and a heading that
   names the author of the release under it ("STATEMENT OF ..."); ``credits`` reads the
   cues with no speech verb of a subject ("according to", "quoted by", "in her view", a
   spokesperson's credit, a dash after a pull quote, "speaking to the AP"); ``cues``
   reads a sentence's speech verbs and hands each cue to the reading it needs.
6. ``quotations``: which stretches of each sentence are quoted and whether a quotation runs
   on; the sentences inside a multi-sentence quotation take the attribution of the sentence
   that carries its cue, and indirect speech runs on into the next sentence only where that
   sentence says it continues ("Another ...", a modal kept backshifted). A paragraph that
   ends on a cue and a colon gives the next paragraph, set off without quotation marks, to
   its speaker (and the paragraphs after it up to a heading, for "the following" words).
7. ``driver``: one pass over the sentences through the stages, sentence kinds and
   check-worthiness beside them, and each sentence's attributions with their roles (a
   speaker writing on social media, "tweeted", "on Facebook", is a social-media source); after
   it, a lead's "researchers say" takes the study the next sentences cite.

The result types live in ``claimcheck.core.analysis``, shared with the source registry.
"""

from __future__ import annotations

from claimcheck.core.analysis import Attribution, SentenceAnalysis
from claimcheck.core.attribution.driver import analyse_document, default_registry
from claimcheck.core.vocabulary import ROLES

__all__ = ["ROLES", "Attribution", "SentenceAnalysis", "analyse_document", "default_registry"]
