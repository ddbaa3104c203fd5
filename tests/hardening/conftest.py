"""The access matrix's world (Anna, Bea, their staff and records) for the hardening tests."""

from tests.test_access import world  # noqa: F401
