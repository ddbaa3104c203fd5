"""Which ways in are open: with single sign-on, password login can be closed for everyone, or
kept for named break-glass accounts (for the day the identity provider is down)."""

from flask import current_app

from . import sso


def break_glass_accounts() -> set[str]:
    names = current_app.config["BREAK_GLASS_ACCOUNTS"]
    if isinstance(names, str):
        names = names.split(",")
    return {name.strip().lower() for name in names if name.strip()}


def passwords_for_everyone() -> bool:
    return not sso.configured() or bool(current_app.config["PASSWORD_LOGIN"])


def by_password(username: str) -> bool:
    """May this username log in with a password (or a one-time code)?"""
    return passwords_for_everyone() or username.strip().lower() in break_glass_accounts()


def any_password_login() -> bool:
    return passwords_for_everyone() or bool(break_glass_accounts())
