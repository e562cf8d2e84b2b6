"""Events: who did what to whom, when and where (:func:`find_events`, PLOVER types), and the ACLED-style
subtype of a snippet (:func:`acled_subtype`)."""

from newsloom.events.acled import acled_subtype
from newsloom.events.find import Event, Participant, find_events
from newsloom.events.quantities import Quantity

__all__ = ["Event", "Participant", "Quantity", "acled_subtype", "find_events"]
