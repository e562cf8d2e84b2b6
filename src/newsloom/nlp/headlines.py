"""Attributions in headlines: "US mission in Afghanistan failed: Russia", "Will remain focused on ISIS-K,
says US". Headlines drop the verb or put the source last; two patterns cover the common shapes. Offsets
index into the title, not the body."""

from __future__ import annotations

import re

from newsloom.nlp.quotes import Quote, Speaker, TextSpan

_SAYS_LAST = re.compile(
    r"^(?P<content>.{8,}?),\s*(?P<cue>says|said|warns|claims|tells|insists|admits|vows|urges)\s+"
    r"(?P<speaker>[A-Z][\w.'’&-]*(?:\s+[\w.'’&-]+){0,4})\s*$"
)
# "…: Russia" — a short capitalised source after a colon, no verb in it
_COLON_LAST = re.compile(r"^(?P<content>.{12,}?):\s*(?P<speaker>[A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*){0,3})\s*$")


def headline_quotes(title: str | None) -> list[Quote]:
    if not title:
        return []
    for pattern in (_SAYS_LAST, _COLON_LAST):
        match = pattern.match(title.strip())
        if not match:
            continue
        offset = len(title) - len(title.lstrip())
        speaker = match.group("speaker")
        s_start = match.start("speaker") + offset
        content = match.group("content").strip(" '\"‘’“”")
        c_start = title.find(content)
        cue = (TextSpan(match.group("cue"), match.start("cue") + offset, match.end("cue") + offset)
               if "cue" in match.groupdict() else None)
        mention = TextSpan(speaker, s_start, s_start + len(speaker))
        return [Quote(content, c_start, c_start + len(content), "indirect", cue,
                      Speaker(speaker, mention), source=mention)]
    return []
