"""Content-Security-Policy and referrer policy on every page (returnsite.csp):
overrides/main.html writes them first in <head> with content_security_policy()."""

from __future__ import annotations

from jinja2 import pass_context
from markupsafe import Markup

from returnsite.csp import REFERRER_POLICY, policy, serving, set_serving, template_script_hashes


def on_startup(command, dirty):
    set_serving(command == "serve")  # live reload is an inline script: no policy


def on_env(env, config, files):
    policies: dict[str, str] = {}  # by base_url: Material's first script names it

    @pass_context
    def content_security_policy(context):
        if serving():
            return ""
        base_url = context.get("base_url", "")
        if base_url not in policies:
            values = {**context.get_all(), "features": config.theme.get("features") or []}
            policies[base_url] = Markup(policy(template_script_hashes(env, values)))
        return policies[base_url]

    env.globals["content_security_policy"] = content_security_policy
    env.globals["referrer_policy"] = REFERRER_POLICY
    return env
