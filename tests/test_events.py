"""ACLED-style subtypes of snippets."""

from __future__ import annotations

import pytest

from newsloom import acled_subtype


@pytest.mark.parametrize(
    ("snippet", "subtype"),
    [
        ("A suicide bomber blew himself up at a checkpoint, killing 13 soldiers.", "SUIC_BOMB"),
        ("Warplanes carried out an airstrike on the village, killing six civilians.", "AIR_STRIKE"),
        ("Police fired tear gas and water cannon to disperse the protesters in the capital.",
         "FORCE_AGAINST_PROTEST"),
        ("A grenade was hurled at a police station in the market town, injuring two officers.", "GRENADE"),
        ("Gunmen abducted three aid workers on the road to the border town.", "ABDUCT_DISSAP"),
    ],
)
def test_clear_cases(snippet, subtype):
    assert acled_subtype(snippet) == subtype


def test_no_event_is_none():
    # Everyday news with no cue word of any subtype stays under the probability gate.
    for sentence in ("The company reported higher quarterly profits and raised its forecast.",
                     "The senator said she would vote for the bill next week.",
                     "Fans celebrated the team's victory in the final on Sunday."):
        assert acled_subtype(sentence) is None, sentence
    assert acled_subtype("") is None
