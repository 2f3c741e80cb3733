"""Who a sentence names, who it attributes its claim to, and how sure it sounds.

Actors are found by their registry name, short name and aliases: whole words, capitalised as
written (a name written in lower case, like "the council", may also start a sentence), curly
apostrophes read as straight ones, the longest name winning where names overlap.

An actor is a claimant when a cue attributes the claim to it:
  "according to / as per / citing / sourced to / quoting X" (every actor up to the end of the
      clause, except one that only owns the next: in "the council's planning committee"
      the claimant is the committee);
  "X's figures / assessment / estimate / report / reporting / data / intelligence / claims /
      revelation / statement / findings";
  "X said / says / stated / announced / reported / claimed / told / added / noted / revealed /
      warned / alleged / estimated / assessed / believes / suspects / expects / confirmed /
      corroborates / insisted / elaborated / explained / argued / asserted / indicated", also with
      a title in parentheses, an appositive between commas or an adverb between ("Pat Ryder,
      spokesperson for ..., recently stated"), unless X follows a preposition ("seen by CNN says");
  ", said / says / told X" ending a clause, and "report / assessment / statement / affirmation
      ... by or from X".
Names are matched also without a trailing qualifier in parentheses ("Joint Chiefs of Staff").
A status hint comes from hedges and tense: allegedly, alleged, purportedly, is believed, suspects,
is assumed, claims -> alleged; will, expected to, plans to, may, set to, is to be -> expected;
reportedly, according to, is said to, reports indicate -> reported. The first of those three that
has a cue wins; every cue found is listed for the editor.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .registry import Actor

_SAME_LENGTH = str.maketrans("’‘`´", "''''")
VERBS = ("said|says|stated|states|announced|announces|reported|reports|claimed|claims|told|tells|added|adds"
         "|noted|notes|revealed|reveals|warned|warns|alleged|alleges|estimated|estimates|assessed|assesses"
         "|believes|suspects|expects|confirmed|confirms|corroborates|corroborated|insisted|insists|elaborated"
         "|explained|argued|asserted|indicated")
_AFTER = re.compile(r"\)?(?:\s*\([^)]{1,40}\))?(?:\s*,[^,;]{1,80},)?\s+"
                    r"(?:(?:also|recently|previously|earlier|later|reportedly|repeatedly|publicly|officially|then"
                    r"|now|again|first|already|has|have|had)\s+){0,2}"
                    rf"(?P<cue>{VERBS})\b")
_POSSESSIVE = re.compile(r"'s?\s+(?:own\s+)?(?P<cue>figures|assessments?|estimates?|reports?|reporting|data"
                         r"|intelligence|claims?|revelation|statement|findings|analysis)\b")
_LEADS = re.compile(r"\b(?P<cue>according to|as per|citing|sourced to|quoting)\s+", re.IGNORECASE)
_BEFORE = re.compile(r"\b(?P<cue>(?:said|says|told)(?=\s+(?:the\s+)?$)|(?:report|reports|reporting|assessments?"
                     r"|analysis|affirmation|statement|estimate|announcement|claims?|figures|intelligence),?\s+"
                     r"(?:by|from|of))\s+(?:the\s+)?$", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[,;:.!?\"“”]|\bthat\b")
_OBJECT = re.compile(r"\b(?:by|from|of|to|for|with|in|at|on|about|against|seen by)\s+(?:the\s+)?$", re.IGNORECASE)
_ENDS_CLAUSE = re.compile(r"\s*(?:[,.;:!?]|$)")
HINTS = (
    ("alleged", r"allegedly|alleged|purportedly|(?:is|are|was|were) believed|believed to|suspects|suspected"
                r"|(?:is|was) assumed|claims|claimed"),
    ("expected", r"will|shall|expected to|expects|plans to|planning to|(?:is|are) set (?:\w+ly )?to|set to"
                 r"|(?:is|are) to be|(?-i:may)|might"),
    ("reported", r"reportedly|according to|(?:is|are|was|were) said to|reports indicate|sources say"),
)
_HINTS = [(status, re.compile(rf"\b(?:{words})\b", re.IGNORECASE)) for status, words in HINTS]


@dataclass(frozen=True)
class Mention:
    actor: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Claim:
    actor: str
    cue: str
    text: str  # the words that attribute it, as in the sentence


def _name_pattern(name: str) -> str:
    escaped = re.escape(name.translate(_SAME_LENGTH))
    if name[:1].islower():
        escaped = f"[{name[0].upper()}{name[0]}]" + re.escape(name[1:].translate(_SAME_LENGTH))
    return escaped


def mention_pattern(actors: list[Actor]) -> tuple[re.Pattern | None, dict[str, str]]:
    """One pattern for every name, longest first, and the actor each name belongs to."""
    owner: dict[str, str] = {}
    for actor in actors:
        for name in actor.names:
            # "National Intelligence Service (South Korea)" is written without its qualifier in running text
            for variant in (name, re.sub(r"\s*\([^)]*\)$", "", name)):
                if variant:
                    owner.setdefault(variant.translate(_SAME_LENGTH), actor.id)
    if not owner:
        return None, owner
    names = sorted(owner, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(_name_pattern(n) for n in names) + r")(?![\w-])"), owner


def find_mentions(text: str, pattern: re.Pattern | None, owner: dict[str, str]) -> list[Mention]:
    if pattern is None:
        return []
    plain = text.translate(_SAME_LENGTH)
    found = []
    for match in pattern.finditer(plain):
        name = match.group()
        actor = owner.get(name) or owner.get(name[0].lower() + name[1:])
        if actor is not None:
            found.append(Mention(actor, match.start(), match.end(), text[match.start():match.end()]))
    return found


def find_claims(text: str, mentions: list[Mention]) -> list[Claim]:
    plain = text.translate(_SAME_LENGTH)
    claims: list[Claim] = []
    for index, mention in enumerate(mentions):
        after = plain[mention.end:]
        nxt = mentions[index + 1] if index + 1 < len(mentions) else None
        owns_next = nxt is not None and re.fullmatch(r"'s?\s+", plain[mention.end:nxt.start]) is not None
        is_object = _OBJECT.search(plain, 0, mention.start) is not None  # "the assessment seen by CNN says"
        if (match := _POSSESSIVE.match(after)) or (not is_object and (match := _AFTER.match(after))):
            claims.append(Claim(mention.actor, match["cue"].lower(),
                                text[mention.start:mention.end + match.end()]))
        elif ((match := _BEFORE.search(plain, 0, mention.start)) is not None
              and (not match["cue"].lower().startswith(("said", "says", "told")) or _ENDS_CLAUSE.match(after))):
            claims.append(Claim(mention.actor, " ".join(match["cue"].lower().split()),
                                text[match.start():mention.end]))
        elif not owns_next:
            for lead in _LEADS.finditer(plain, 0, mention.start):
                if _CLAUSE_END.search(plain, lead.end(), mention.start) is None:
                    claims.append(Claim(mention.actor, lead["cue"].lower(), text[lead.start():mention.end]))
                    break
    unique: dict[str, Claim] = {}
    for claim in claims:
        unique.setdefault(claim.actor, claim)
    return list(unique.values())


def status_hint(text: str) -> tuple[str | None, list[str]]:
    """(alleged | expected | reported | None, the cue words found, in order)."""
    status, cues = None, []
    for name, pattern in _HINTS:
        found = [m.group() for m in pattern.finditer(text)]
        if found and status is None:
            status = name
        cues += found
    return status, list(dict.fromkeys(cues))
