"""Core: finding toezeggingen, sentences in which the cabinet commits towards the Kamer.

Rules over each answer sentence (questions are the members' words, never commitments):

* an explicit promise ("zeg ik toe", "ik zeg u toe", "kan ik toezeggen"), or
* a communicating verb (informeren, sturen, delen, rapporteren, ontvangen, terugkomen op ...)
  aimed at the Kamer ("uw Kamer", "de Kamer", "u", "het parlement") — "rapporteren", "ingaan op"
  and "terugkomen op" need no addressee — that looks forward: a future auxiliary ("zal", "gaat",
  "ben bereid", "verwacht ... te"), a forward time term ("voor het einde van 2023", "na de zomer"),
  or an active present tense ("Ik informeer uw Kamer na de zomer", "Het kabinet stuurt de Kamer
  ... toe").

Rejected: questions, past descriptions ("heeft de Kamer geïnformeerd", "zoals uw Kamer is
geïnformeerd"), habits ("informeert uw Kamer met regelmaat", "dat ik uw Kamer ieder jaar toestuur"),
conditionals ("Indien ...", "Mocht ..."), hypotheticals ("zou ... kunnen"), members' requests and
motions quoted in an answer, the letter describing itself ("Via deze brief informeer ik u",
"Vervolgens informeert het kabinet de Kamer over ...", "Ik zal hieronder ingaan op ...") and
weighing the Kamer's wishes ("Daarbij zullen we de wensen van de Kamer meenemen").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from briefer.suggest.dates import find_terms, mentions_past, resolve_due
from briefer.suggest.text import ItemLike, Sentence, match_form, quote_of, sentences

_PROMISE = re.compile(
    r"\b(zeg(?:t|gen)?\s+(?:ik\s+|wij\s+|het\s+kabinet\s+|de\s+minister\s+)?(?:u\s+|uw\s+kamer\s+|de\s+kamer\s+)?(?:hierbij\s+|bij\s+deze\s+|graag\s+)?toe\b|"
    r"(?:zal|zullen|kan|kunnen|wil|willen)\s+(?:ik|wij|we|het\s+kabinet)\s+(?:u\s+|uw\s+kamer\s+)?toezeggen|"
    r"toe\s+te\s+zeggen|(?:ik|wij|we|kabinet|minister|staatssecretaris)\s+(?:\w+\s+){0,3}toezeggen|"
    r"doe\s+(?:ik\s+)?(?:hierbij\s+)?de\s+toezegging)",
    re.I,
)
_PROMISE_NEGATED = re.compile(r"\b(niet|geen)\b[^.]{0,40}toe(?:zeggen|\s+te\s+zeggen)|\bzeg\s+\w+\s+niet\s+toe", re.I)

# Forms of verbs that carry information to the Kamer; infinitive/present (future-capable) vs
# past forms (participles are neutral: their auxiliary decides).
_COMM_STEMS = (
    r"informe(?:ren|er|ert|erd|erden|erde)|geïnformeerd|geinformeerd|"
    r"(?:toe)?stu(?:ren|ur|urt|urd|urde|urden)|(?:toe)?gestuurd|toesturen|stuur\w*\s+\w+\s+toe|"
    r"(?:toe)?zend(?:en|t)?|(?:toe)?gezonden|verzonden|verzend(?:en|t)?|verstu(?:ren|ur|urt)|verstuurd|"
    r"de(?:len|el|elt|elde|elden)|gedeeld|rapporte(?:ren|er|ert|erde|erden)|gerapporteerd|"
    r"ontvang(?:en|t)|ontving(?:en)?|aan\s*(?:te\s+)?bieden|aangeboden|bied\w*\s+\w+\s+aan|"
    r"voor\s*(?:te\s+)?leggen|voorgelegd|leg\w*\s+\w+\s+voor|toekomen|komt\s+\w+\s+toe|"
    r"op\s+de\s+hoogte\s+(?:stellen|houden|brengen|gesteld|gehouden|gebracht|stel|stelt|houd|houdt|breng|brengt)|"
    r"terug\s*(?:te\s+)?komen|terugkom\w*|kom(?:t|en)?\s+(?:\w+\s+){0,8}terug|"
    r"(?:houd|houdt|houden|stel|stelt|stellen|breng|brengt)\s+(?:\w+\s+){0,4}op\s+de\s+hoogte|"
    r"(?:hier|daar|er)op\s+terug|ingaan|ingegaan|ga(?:at|an)?\s+(?:\w+\s+){0,6}in\s+op|"
    r"in\s+(?:te\s+)?gaan\s+op|briefing|brief\s+sturen|doorgeleid|doorgeleiden|zenden|"
    r"(?:zal|zullen|ga|gaat|gaan)\s+(?:\w+\s+){0,6}berichten|te\s+berichten|"
    r"indienen|ingediend|dien(?:t|en)?\s+(?:\w+\s+){0,6}in\b|"
    r"meenemen|meegenomen|neem(?:t|en)?\s+(?:\w+\s+){0,6}mee\b"
)
_COMM = re.compile(r"\b(" + _COMM_STEMS + r")\b", re.I)
_SELF_ADDRESSED = re.compile(
    r"\b(rapporte(?:ren|er|ert)|gerapporteerd|(?:hier|daar|er)op\s+terug|terug\s*(?:te\s+)?komen|terugkom\w*|"
    r"kom(?:t|en)?\s+(?:\w+\s+){0,8}terug)",
    re.I,
)
# "ingaan op" is about a text: only a commitment with a time ahead or a letter/report named.
_ADDRESSING = re.compile(
    r"\b(ingaan|ingegaan|in\s+op|in\s+(?:te\s+)?gaan\s+op|meenemen|meegenomen|neem(?:t|en)?\s+(?:\w+\s+){0,6}mee)\b",
    re.I,
)
_REPORT_NOUN = re.compile(
    r"\b(\w*brief|\w*rapportage|\w*verslag|\w*fiche|\w*nota|evaluatie|monitor|kamerbrief|voortgangsbrief)\b",
    re.I,
)
_KAMER = re.compile(
    r"\b(uw\s+kamer|de\s+kamer|tweede\s+kamer|eerste\s+kamer|beide\s+kamers|de\s+kamers|het\s+parlement|"
    r"de\s+staten-generaal|kamerleden|de\s+vaste\s+commissie)\b|\bu\b",
    re.I,
)
_FUTURE_AUX = re.compile(
    r"\b(zal|zullen|zult|ga|gaat|gaan|bereid|voornemens|van\s+plan|streef|streeft|streven|beoog|beoogt|"
    r"verwacht(?:en)?\s+(?:\w+\s+){0,10}te|wil\s+ik|zeg\s+toe|het\s+voornemen)\b",
    re.I,
)
_PERFECT = re.compile(r"\b(heb|hebt|heeft|hebben|had|hadden|ben|is|zijn|was|waren|werd|werden)\b", re.I)
_PARTICIPLE = re.compile(
    r"\b(geïnformeerd|geinformeerd|(?:toe)?gestuurd|gedeeld|gerapporteerd|(?:toe)?gezonden|verzonden|verstuurd|"
    r"ontvangen|aangeboden|voorgelegd|ingegaan|teruggekomen|doorgeleid|ingediend|meegenomen)\b",
    re.I,
)
_PAST_FORM = re.compile(
    r"\b(informeerde|informeerden|stuurde|stuurden|deelde|deelden|zond|zonden|ontving|ontvingen|"
    r"rapporteerde|rapporteerden|bood|boden|legde|legden|kwam|kwamen|verstuurde|verstuurden)\b",
    re.I,
)
_PRESENT_ACTIVE = re.compile(
    r"\b(informeer|informeert|stuur|stuurt|deel|deelt|zend|zendt|verzend|verzendt|ontvangt|rapporteer|"
    r"rapporteert|bied|biedt|leg|legt|kom|komt|stel|stelt|houd|houdt|ga|gaat|neem|neemt|dien|dient)\b",
    re.I,
)
_HABITUAL = re.compile(
    r"\b(met\s+regelmaat|regelmatig|doorgaans|gebruikelijk|telkens|steeds|uiteraard|standaard|altijd|"
    r"(?:ieder|elk|elke)\s+(?:half\s+)?(?:jaar|kwartaal|maand|week)|(?:half)?jaarlijkse?|periodieke?|reguliere?)\b",
    re.I,
)
_CONDITIONAL = re.compile(
    r"^(indien|mocht|mochten|ingeval|in\s+het\s+geval|mits|tenzij)\b|,\s*(indien|mits|tenzij|mocht)\b", re.I
)
_HYPOTHETICAL = re.compile(r"\b(zou|zouden|wellicht|eventueel|mogelijk(?:erwijs)?)\b", re.I)
# Members' requests quoted in an answer ("De leden vragen of ...", "De motie verzoekt de regering ...");
# "De regering deelt de opvatting van de leden en zal ..." is not one.
_REPORTED = re.compile(
    r"\b(?:de\s+leden|het\s+lid|deze\s+leden|de\s+vragensteller|de\s+motie|het\s+amendement)\b[^.;]{0,80}?"
    r"\b(?:vragen|vraagt|verzoeken|verzoekt|willen\s+weten|wil\s+weten|wensen|wenst|pleiten|pleit|roept|roepen)\b|"
    r"\b(?:u\s+vraagt|vraagt\s+u|vragen\s+of|vraagt\s+of|verzoek(?:t|en)?\s+(?:de\s+regering|het\s+kabinet))\b",
    re.I,
)
# The letter itself is the act: "Hierbij informeer ik u over ...", "Met deze brief stuur ik u ...".
_HERE_AND_NOW = re.compile(
    r"\b(hierbij|bij\s+deze|(?:deze|bijgaande|onderstaande)\s+(?:\w+\s+)?(?:brief|kamerbrief|beantwoording)|"
    r"(?:met|in|via|middels|bij)\s+(?:deze|bijgaande|onderstaande)\s+(?:\w+\s+)?(?:antwoorden|nota|rapportage)|hieronder|hierna|onderstaand|in\s+dit\s+antwoord)\b",
    re.I,
)
# Words that open the next step of a letter: a present tense after them describes the letter itself.
_LETTER_STEP = re.compile(
    r"^(vervolgens|daarnaast|allereerst|ten\s+slotte|tot\s+slot|tevens|verder|eerst|ten\s+eerste|ten\s+tweede|"
    r"ten\s+derde|voorts|aansluitend)\b",
    re.I,
)
_PASSIVE_PRESENT = re.compile(
    r"\b(?:wordt|worden)\b(?:\s+\w+){0,10}?\s+(?:geïnformeerd|geinformeerd|(?:toe)?gestuurd|(?:toe)?gezonden|"
    r"aangeboden|gedeeld|verstuurd)\b",
    re.I,
)
_RELATIVE_PAST = re.compile(r"^(zoals|waarover|waarin|conform)\b", re.I)


@dataclass(frozen=True)
class ToezeggingHit:
    """Core: a commitment sentence in an item's answer, with the due date the text allows."""

    item: int
    sentence: Sentence
    due: date | None


_WHO = r"(?:ik|wij|we|het\s+kabinet|de\s+minister|de\s+staatssecretaris|de\s+regering)"
_COMES_WITH = re.compile(
    r"\b(?:" + _WHO + r"\b[^.;]{0,40}?\b(?:kom|komt|komen|zal|zullen)|(?:kom|komt|komen|zal|zullen)\s+" + _WHO + r")"
    r"\b[^.;]{0,80}?\bmet\s+(?:een|de|het|mijn|onze|zijn)\s+(?:\w+\s+){0,2}?"
    r"(?:kabinets)?(?:reactie|standpunt|brief|kamerbrief|visie|plan|actieplan|uitwerking|appreciatie|nota|"
    r"strategie|voorstellen|voorstel|wetsvoorstel|beleidsreactie)\b",
    re.I,
)
# A negation bound to the communicating verb: "Ik zal uw Kamer niet separaat informeren",
# "Er is geen aanleiding de Kamer nader te informeren".
_NO_NEED = re.compile(
    r"\b(?:geen\s+(?:aanleiding|reden|noodzaak|behoefte)|niet\s+(?:nodig|noodzakelijk|opportuun|mogelijk|wenselijk))\b",
    re.I,
)


def _negated_verb(plain: str) -> bool:
    if _NO_NEED.search(plain):
        return True
    for m in _COMM.finditer(plain):
        window = plain[max(0, m.start() - 45): m.start()]
        clause = re.split(r"[,;:]", window)[-1]
        if re.search(r"\b(niet|geen|nooit)\b", clause) or re.match(r"\w*\s+(?:\w+\s+){0,2}niet\b", plain[m.end():]):
            return True
    return False


_SHARE_WITH = re.compile(r"\bmet\s+(uw\s+kamer|de\s+kamer|de\s+tweede\s+kamer|u|het\s+parlement)\b", re.I)


# A cheap first look: every commitment holds one of these stems (a superset of the rules below).
_QUICK = re.compile(
    r"bericht|informe|geïnformeerd|geinformeerd|stu[ru]|zend|zond|deel|del|rapport|ontv|bied|leg|toekom|komt|"
    r"hoogte|terug|ingaan|ingegaan|in op|gaan op|briefing|doorgeleid|zeg|toezeg|verstu|aangeboden|"
    r"voorgelegd|gezonden|dien|mee"
)


_TARGET_QUICK = re.compile(r"kamer|parlement|staten-generaal|\bu\b|rapport|terug|ingaan|ingegaan|in op|gaan op|mee")
# The same look as substring tests (much cheaper than a regex alternation tried at every
# character): _QUICK's stems ("stu[ru]" written out), and _TARGET_QUICK's except the word "u".
_QUICK_STEMS = tuple(_QUICK.pattern.replace("stu[ru]", "stur|stuu").split("|"))
_TARGET_STEMS = tuple(w for w in _TARGET_QUICK.pattern.split("|") if w != r"\bu\b")
_LONE_U = re.compile(r"\bu\b")
# _COMES_WITH names one of these letters or plans; without one of them it cannot match.
_COMES_WITH_NOUNS = ("reactie", "standpunt", "brief", "visie", "plan", "uitwerking", "appreciatie", "nota",
                     "strategie", "voorstel")


def _quick_look(plain: str) -> bool:
    """`"zeg" in plain or (_QUICK and _TARGET_QUICK match)`, by substring tests."""
    if "zeg" in plain:
        return True
    if not any(stem in plain for stem in _QUICK_STEMS):
        return False
    return any(stem in plain for stem in _TARGET_STEMS) or bool(_LONE_U.search(plain))


def _carries(form: str, plain: str) -> bool:
    """A verb form counts as informing the Kamer; "delen" only when shared *with* the Kamer."""
    if form.startswith(("del", "deel", "gedeeld")):
        return bool(_SHARE_WITH.search(plain))
    return True


def _comes_with(plain: str, ref: date | None) -> bool:
    """ "Het kabinet komt voor de zomer met een reactie op het advies": a letter to the Kamer, announced."""
    if not _COMES_WITH.search(plain):
        return False
    if re.search(r"\b(niet|geen|nooit)\b", plain) or _PAST_FORM.search(plain) or mentions_past(plain):
        return False
    return any(t.future for t in find_terms(plain, ref))


def is_toezegging(sentence: str, ref: date | None) -> bool:
    """Whether one answer sentence is a commitment towards the Kamer (see the module doc)."""
    plain = match_form(sentence).strip()
    if not plain or plain.endswith("?"):
        return False
    # The cheap look first (the rules below need it), then the costly ones in their old order.
    quick = _quick_look(plain)
    comes_with = "met" in plain and any(noun in plain for noun in _COMES_WITH_NOUNS)
    if not (quick or comes_with):
        return False
    if _REPORTED.search(plain):
        return False
    if comes_with and _comes_with(plain, ref):
        return True
    if not quick:
        return False
    if _PROMISE.search(plain) and not _PROMISE_NEGATED.search(plain):
        return not _CONDITIONAL.search(plain)
    comm = [m.group(1) for m in _COMM.finditer(plain)]
    if not any(_carries(form, plain) for form in comm):
        return False
    if _CONDITIONAL.search(plain):
        return False
    terms = find_terms(plain, ref)
    forward = [t for t in terms if t.future]
    backward = [t for t in terms if t.due is not None and not t.future]
    aux = bool(_FUTURE_AUX.search(plain))
    if _HYPOTHETICAL.search(plain) and not forward and not re.search(r"\b(zal|zullen)\b", plain):
        return False
    addressed = bool(_KAMER.search(plain))
    self_addressed = bool(_SELF_ADDRESSED.search(plain))
    report = bool(_REPORT_NOUN.search(plain))
    addressing = bool(_ADDRESSING.search(plain))
    if all(_ADDRESSING.search(form) for form in comm) and not (forward or report):
        # "meenemen" / "ingaan op" say what is weighed or discussed, not what the Kamer gets: only a
        # letter or report named, or a time ahead, makes them a commitment ("wensen van de Kamer meenemen").
        return False
    if not (addressed or (self_addressed and (forward or report or aux))
            or (addressing and (forward or report))):
        return False
    if re.search(r"\b(niet|geen)\b", plain) and not forward and not re.search(r"\bwel\b", plain):
        return False
    if _negated_verb(plain):
        return False
    if (_PERFECT.search(plain) and _PARTICIPLE.search(plain) and not aux
            and not re.search(r"\b(wordt|worden)\b", plain)):
        return False  # "Later is de Kamer geïnformeerd", "waarover uw Kamer geïnformeerd is"
    if _HERE_AND_NOW.search(plain):
        # The letter itself: "Met deze brief informeer ik u over de planning voor het najaar",
        # "Middels deze brief wil ik uw Kamer op de hoogte stellen", "Ik zal hieronder ingaan op ..."
        return False
    if forward and not _PAST_FORM.search(plain):
        # A forward term is enough unless the only time said is past ("in december 2022")
        return True
    if aux:
        if _RELATIVE_PAST.search(plain) and not forward:
            return False
        return not (backward and not forward and _PERFECT.search(plain))
    if _PAST_FORM.search(plain) or backward:
        return False
    if _RELATIVE_PAST.search(plain) or _HABITUAL.search(plain):
        return False
    if mentions_past(plain) or _HERE_AND_NOW.search(plain):
        return False
    if _LETTER_STEP.search(plain):
        return False  # "Vervolgens informeert het kabinet de Kamer over ...": a step of this letter
    # Passive present with the Kamer addressed: "De Kamer wordt over de uitkomsten geïnformeerd."
    if addressed and _PASSIVE_PRESENT.search(plain):
        return True
    # Active present tense with the Kamer addressed: "Ik informeer uw Kamer hierover."
    if _PRESENT_ACTIVE.search(plain) and not re.search(
        r"\b(geïnformeerd|geinformeerd|gestuurd|gedeeld|gerapporteerd|verzonden|aangeboden|ontvangen)\b", plain
    ):
        return bool(re.search(r"\b(ik|wij|we|het\s+kabinet|de\s+minister|de\s+staatssecretaris|de\s+regering)\b", plain))
    return False


def find_toezeggingen(items: list[ItemLike], ref: date | None) -> list[ToezeggingHit]:
    """Commitment sentences of every item's answer, in document order."""
    hits: list[ToezeggingHit] = []
    for item in items:
        for sentence in sentences(item.answer, "answer"):
            if is_toezegging(sentence.text, ref):
                quoted = quote_of(sentence)
                hits.append(ToezeggingHit(item.number, quoted, resolve_due(match_form(quoted.text), ref)))
    return hits
