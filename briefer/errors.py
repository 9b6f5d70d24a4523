"""Core: the base of every error whose message is meant for the user (in Dutch)."""

from __future__ import annotations


class BrieferError(Exception):
    """Core: an expected failure; str(exc) is one Dutch sentence saying what happened and what to do."""


def is_user_facing(exc: BaseException) -> bool:
    """True for errors whose message may be shown to the user as it is (store errors included)."""
    return isinstance(exc, BrieferError)
