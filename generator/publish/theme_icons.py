"""The theme's icons as files of the site, so the Content-Security-Policy can keep `img-src 'self'`.

mkdocs-material draws its small icons (search, details, navigation arrows, admonitions) from
`data:` SVG URLs set as custom properties on `:root` in its stylesheet. A policy that allows
images from the site itself only blocks those, so each becomes an SVG file under
`assets/stylesheets/timeline-icons/` and a small stylesheet, loaded after the theme's, points the
same custom properties at the files. Both sit in the theme's stylesheet folder because a relative
URL in a custom property is resolved against the stylesheet that uses it, not the one that sets it.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from urllib.parse import unquote

FOLDER = "assets/stylesheets"
STYLESHEET = f"{FOLDER}/timeline-icons.css"
_ICON = re.compile(r"(--[\w-]+):url\((['\"]?)data:image/svg\+xml;charset=utf-8,(.*?)\2\)")


def icon_files(theme_css: str) -> dict[str, str]:
    """{site path: content} for the override stylesheet and one SVG file per distinct icon."""
    files: dict[str, str] = {}
    rules = []
    for prop, _, data in _ICON.findall(theme_css):
        svg = unquote(data)
        name = f"timeline-icons/{hashlib.sha256(svg.encode('utf-8')).hexdigest()[:16]}.svg"
        files[f"{FOLDER}/{name}"] = svg
        rules.append(f'{prop}:url("{name}")')
    if rules:
        files[STYLESHEET] = ":root{" + ";".join(dict.fromkeys(rules)) + "}\n"
    return files


def theme_stylesheet(theme_dirs: list[str]) -> str:
    """The theme's main stylesheet, from the first theme folder that has one."""
    for folder in theme_dirs:
        found = sorted(Path(folder).glob("assets/stylesheets/main.*.min.css"))
        if found:
            return found[0].read_text(encoding="utf-8")
    return ""
