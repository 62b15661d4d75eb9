"""The avoid-verbs ("stop", "cut down on", "don't") and what one keeps away: the substance it
governs ("stop drinking coffee": a cause) or the thing done ("Avoid carotid massage", "Skip the
massage if the area is swollen": a caution), read in the clause before a remedy.
claims.ingest.cues weighs what these find."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from claims.ingest.advice import ADVICE_AFTER, ADVICE_AFTER_ING, ORDER_AFTER_DASH
from claims.ingest.cuewords import ConditionWords, alternatives, any_of

if TYPE_CHECKING:
    from claims.ingest.cues import CueTable

# What stands between an avoid-verb and the thing done it keeps away: "Avoid carotid massage",
# "Avoid using a heat pack"; or the names before it in a list the verb governs ("Avoid: massage,
# ice and ", "Avoid stretching, massage and ").
_ITS_OBJECT = re.compile(
    r"\s*(?:from\s+)?(?:(?:the|any|all|a|an|hard|deep|vigorous|strong|carotid|intense|forceful|using|use|doing|do|"
    r"having|have|applying|apply|wearing|wear|putting|put)\s+){0,2}",
    re.IGNORECASE,
)
_LISTED_BEFORE = re.compile(
    r"\s*:?\s*(?:[\w'-]+(?: [\w'-]+){0,2},\s*)*(?:[\w'-]+(?: [\w'-]+){0,2},?\s+(?:and|or)\s+)?", re.IGNORECASE
)
_ORDER_AT = re.compile(
    r"[a-z]+\s+(?:your|the|a|an|it|them|gently|lightly|firmly|slowly|daily|down|up|back|flat|still)\b", re.IGNORECASE
)  # "..., stretch your neck", "... and lie down in a dark room"
_PURPOSE = re.compile(r"\b(?:to|in order to|so as to)\s+$", re.IGNORECASE)  # "To avoid headaches, stretch ..."
# "Stop using heat packs": a habit's verb ("Stop smoking" is a cause) keeps away what is used.
_STOPS_USING = re.compile(r"\s+(?:using|applying|wearing|putting|rubbing|massaging|pressing)\b", re.IGNORECASE)
# The avoid-verbs that keep away something done, not only something taken: "Skip the massage if
# the area is swollen", "Stay away from hot water bottles", "Refrain from rubbing the temples". Not
# "stop" or "give up" alone, said of habits ("Stop smoking": a cause) and of what is done for a
# while ("Do not stop stretching when the pain eases").
_KEEPS_AWAY = (
    "avoid", "do not", "don't", "never", "skip", "steer", "stay away", "keep away", "staying away", "refrain",
    "say no", "try not", "leave out", "lay off", "best not",
)  # fmt: skip
_NOT_BEFORE = re.compile(r"(?:\bnot|\bnever|n['’]t)\s+$", re.IGNORECASE)
_ANOTHER_ORDER = re.compile(r"\b(?:and|then|instead)\b|;", re.IGNORECASE)
_UNTIL = re.compile(r"\b(?:once|after|until|till|when|as soon as|before|if)\b", re.IGNORECASE)
_FROM_DIET = re.compile(r"\bfrom (?:your |the )?(?:diet|menu|meals?)\b", re.IGNORECASE)


def keeps_away(done: re.Match, before: str, table: CueTable, after: str = "") -> bool:
    """Whether the avoid-verb `done` keeps away the thing done that `before` ends at; `after` is
    the text from the remedy on, which may start an order of its own ("Avoid X, stretch your neck")."""
    verb, rest = done.group(0).lower(), before[done.end() :]
    stopped = _stopped_doing(done, before, after)
    if not (verb.startswith(_KEEPS_AWAY) or stopped):
        return False
    if _ITS_OBJECT.fullmatch(rest) or (stopped and _ITS_OBJECT.fullmatch(rest, stopped.end())):
        return True
    # a list it governs, not a purpose ("To avoid headaches, stretch"), the condition ("Avoid
    # headaches, ...") nor a new order ("Avoid sugar, stretch your neck daily")
    return (
        bool(_LISTED_BEFORE.fullmatch(rest))
        and not _PURPOSE.search(before, 0, done.start())
        and not table.named.search(rest)
        and not _ORDER_AT.match(after)
    )


def _stopped_doing(done: re.Match, before: str, after: str) -> re.Match | None:
    """The verb of doing that a "stop" or "quit" keeps away ("Stop using heat packs", "Stop rubbing
    your temples", the verb then the remedy's own words), or None: not "Don't stop massaging until
    ...", nor how long to go on ("Stop massaging after ten minutes"), nor a pause before the next
    step ("Stop massaging your temples and lie down")."""
    if not done.group(0).lower().startswith(("stop", "quit")):
        return None
    rest = before[done.end() :]
    using = _STOPS_USING.match(rest) or (None if rest.strip() else _STOPS_USING.match(f" {after}"))
    if using is None or _NOT_BEFORE.search(before, 0, done.start()) or _UNTIL.search(after.split(",")[0]):
        return None
    return None if not rest.strip() and _ANOTHER_ORDER.search(after) else using


_STOPPING = ("stop", "give up", "quit")


def kept_on(before: str, avoided: re.Match) -> bool:
    """Whether `avoided` (as avoided() found it in `before`) is a stopping said not to be done:
    "Never stop taking zolpidem on your own", "Don't stop your blood pressure tablets": what is
    taken already, to go on with."""
    said_not = _NOT_BEFORE.search(_own_part(before), 0, avoided.start())
    return avoided.group(0).lower().startswith(_STOPPING) and said_not is not None


def avoided(before: str, segment_text: str, table: CueTable) -> re.Match | None:
    """The avoid-verb that governs the remedy: the nearest one before it in its part (not "Avoid
    caffeine, but chamomile tea helps"), unless a new order follows it ("To reduce the risk of tooth
    decay, chew sugar-free gum": gum is advised) or it is "eliminate" said of anything but a diet
    ("Eliminate pain with a massage")."""
    own_part = _own_part(before)
    avoided = last_match(table.avoid.finditer(own_part))
    if avoided is None:
        return None
    verb = avoided.group(0).lower()
    if verb == "eliminate" and not _FROM_DIET.search(segment_text):
        return None
    if _NO_NEED.search(own_part, 0, avoided.start()):
        return None  # "You don't need to avoid paracetamol in pregnancy", "There's no reason to avoid ginger"
    in_ing = verb.split()[0].endswith("ing")  # "Avoiding coffee and taking magnesium helps"
    if ADVICE_AFTER.search(own_part, avoided.end()) or (in_ing and ADVICE_AFTER_ING.search(own_part, avoided.end())):
        return None
    return avoided


_NO_NEED = re.compile(
    r"\b(?:(?:do|does)(?:n['’]t|\s+not)\s+(?:need|have)\s+to|need(?:n['’]t|\s+not)|no\s+(?:need|reason)\s+to)\s+$",
    re.IGNORECASE,
)
_PART_START = re.compile(rf";|{ORDER_AFTER_DASH}|\b(?:but|however|whereas|although|though)\b", re.IGNORECASE)


def _own_part(before: str) -> str:
    """The part of `before` its last "but", "however" or semicolon leaves to the remedy."""
    return before[_last_end(_PART_START.finditer(before)) :]


def _last_end(matches) -> int:
    found = last_match(matches)
    return found.end() if found else 0


def last_match(matches):
    """The last of an iterator of matches, or None."""
    found = None
    for found in matches:  # noqa: B007 (the last one is what is wanted)
        pass
    return found


def avoid_verbs(words: ConditionWords) -> re.Pattern:
    """ "Stop drinking coffee", "reduce the intake of sugar", "do not abuse alcohol": a substance
    to avoid; stopping an episode ("stop an attack", "stop the headache") is relief."""
    episode = alternatives(r"attacks?|spasms?|seizures?|episodes?", words.head)
    return any_of(
        r"avoid",
        rf"stop(?:ping)?(?! (?:a|an|the)? ?(?:\w+ )?{episode})",
        r"(?<!not )(?<!n't )give up(?! on)",
        r"quit",
        r"ditch",
        r"bad for",
        r"(?<!never )(?<!not )(?<!n't )skip",  # not "never skip your magnesium"
        r"cut out(?! (?:a|an|one|two|three) )",  # not "cut out a slice of ginger"
        r"steer clear of",
        r"(?:stay|keep) away from",
        r"say no to",
        r"leave out",
        r"try not to",
        r"best not to",
        r"lay off",
        r"ease off(?! (?:the|your) (?:pain|symptoms)\b)",  # "Ease off alcohol"
        r"eliminate",  # only from a diet (claims.ingest.cues): not "eliminate pain"
        # the same in -ing: "Avoiding coffee after lunch helps you sleep" is no benefit of coffee
        r"avoiding",
        r"giving up",
        r"quitting",
        r"ditching",
        r"cutting (?:out|down|back)",
        r"(?:drinking|eating|having) less",
        r"go easy on",
        r"(?<!never )(?<!not )skipping",
        r"(?:going|go|a (?:day|week|month)|days?|weeks?) without",
        r"(?:^|[.;:!?]\s*)(?:less|fewer)(?=(?:\s+[\w-]+){0,2}\s*$)",  # "Try\nLess coffee", not "Less research exists"
        r"wean\w* (?:\w+ )?off",
        r"limiting",
        r"reducing",
        r"minimi[sz]ing",
        r"excluding",
        r"(?:^|[.;:!?]\s*)not to (?:take|drink|eat|use|consume|have)",  # "Try\nNot to drink coffee"
        r"steering clear of",
        r"staying away from",
        r"exclude",
        r"reduce",
        r"limit",
        r"minimi[sz]e",
        r"abandon",
        r"refuse",
        r"refrain",
        r"do not (?:take|drink|eat|use|abuse|consume)",
        # not "soft foods that don't need much chewing"
        r"don't(?! (?:skip|forget|miss|stop|hesitate|be afraid|underestimate|wait|give up|suffer|let))"
        r"(?! need (?:much|any|a lot of) \w+ing\b)",
        r"abuse",
        r"excess",
        r"too much",
        r"large (?:amounts?|quantit(?:y|ies)|doses?)",
        r"rejection of",
        r"get rid of",
        r"cut (?:down|back)",
        r"(?:drink|eat|consume|have) less",
        r"uncontrolled",
        r"overuse",
        r"overusing",
        whole=True,
    )
