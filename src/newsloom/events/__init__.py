"""Events. So far: the ACLED-style subtype of a snippet (:func:`acled_subtype`)."""

from newsloom.events.acled import acled_subtype

__all__ = ["acled_subtype"]
