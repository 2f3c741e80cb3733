"""The Content-Security-Policy every page carries, as a <meta> first in its <head>.

GitHub Pages cannot send headers, so the policy travels in the page. Scripts, styles, images,
fonts, workers and connections may come from the site itself only; no inline script runs unless
it is one of the theme's own, allowed by its hash. Those hashes are worked out from the theme's
templates (its `partials/javascripts/`), rendered for the page at hand, never from the page
itself: a script that contributor text smuggled into a page is not the theme's, so it is not
allowed, and the post-build scan fails the build on it.
"""

from __future__ import annotations

import re

from jinja2 import Environment, TemplateNotFound

CSP_META_START = '<meta http-equiv="Content-Security-Policy" content="'
INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)
DIRECTIVES = (
    ("default-src", "'none'"),
    ("script-src", "'self' 'wasm-unsafe-eval'"),  # Pagefind's search runs as WebAssembly
    ("style-src", "'self'"),
    ("img-src", "'self'"),
    ("font-src", "'self'"),
    ("connect-src", "'self'"),
    ("worker-src", "'self'"),
    ("manifest-src", "'self'"),
    ("media-src", "'self'"),
    ("frame-src", "'none'"),
    ("object-src", "'none'"),
    ("base-uri", "'none'"),
    ("form-action", "'none'"),
)


def policy(script_hashes: set[str]) -> str:
    """The policy text, with the given 'sha256-...' sources added to script-src."""
    parts = []
    for name, value in DIRECTIVES:
        if name == "script-src":
            value = " ".join([value, *(f"'{h}'" for h in sorted(script_hashes))])
        parts.append(f"{name} {value}")
    return "; ".join(parts)


def theme_scripts(env: Environment, context: dict) -> list[str]:
    """The inline scripts the theme writes into a page rendered with `context`."""
    features = (context.get("config") or {}).get("theme", {}).get("features") or []
    scripts: list[str] = []
    for name in env.list_templates(filter_func=lambda n: n.startswith("partials/javascripts/") and n.endswith(".html")):
        try:
            rendered = env.get_template(name).render({**context, "features": features})
        except TemplateNotFound:  # pragma: no cover - listed a moment ago
            continue
        scripts += INLINE_SCRIPT.findall(rendered)
    return scripts


def add_policy(html: str, script_hashes: set[str]) -> str:
    """The page with the policy as the first element of its <head>."""
    head = html.find("<head>")
    if head == -1:
        raise ValueError("the page has no <head>")
    at = head + len("<head>")
    return f'{html[:at]}{CSP_META_START}{policy(script_hashes)}">{html[at:]}'
