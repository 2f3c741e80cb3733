"""MkDocs adapter: adds the generated pages, pictures, assets, schemas and data files to a build, and guards the result.

All the work happens in plain functions (check, model, site, export, publish); this only
connects them to MkDocs' events, so the same pages can feed another builder. What MkDocs
alone gets from here: the site's configuration read from mkdocs.yml, the guard on docs/,
the read-back check of every generated page's metadata, the link-preview and feed tags in
every page's <head>, the Content-Security-Policy on every page and the post-build scan.
"""

from __future__ import annotations

import hashlib
import html
import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files

from .config import SPLIT_AT, ConfigError, SiteConfig, from_options
from .media.check import MediaError
from .model import DataError, Dataset, load_dataset
from .publish.card_job import CardJob
from .publish.csp import INLINE_SCRIPT, add_policy, theme_scripts
from .publish.docs_guard import docs_problems
from .publish.outputs import site_files
from .publish.scan import scan_site, script_hash
from .publish.theme_icons import STYLESHEET, icon_files, theme_stylesheet
from .search.index import SearchIndexError, build_index
from .site import front_matter
from .site.cache import PageCache
from .site.env import environment
from .site.head import META_KEYS, head_html

ANCHOR_ID = re.compile(r'\sid="([^"]+)"')


THEME_OVERRIDES = Path(__file__).parent / "theme"  # partials replacing Material's: the header's search button
log = get_plugin_logger(__name__)


class TimelineConfig(Config):
    root = c.Type(str, default=".")            # folder holding events/ and seeds/, relative to mkdocs.yml
    edit_branch = c.Type(str, default="main")
    split_at = c.Type(int, default=SPLIT_AT)
    strict_data = c.Type(bool, default=False)  # fail on checker warnings too
    id = c.Optional(c.Type(str))               # stable id for feed and calendar ids; the site's address if unset
    licence = c.Optional(c.Type(str))          # the data's licence, e.g. "CC BY 4.0"
    licence_url = c.Optional(c.Type(str))
    author = c.Optional(c.Type(str))           # feed author; the site's name if unset
    calendar_name = c.Optional(c.Type(str))    # iCalendar name; the site's name if unset
    texts = c.Optional(c.Type(str))            # folder of the site's own introductions (home.md, figures.md)
    overrides = c.Optional(c.Type(str))        # folder of templates, timeline.css and timeline.js replacing the package's


class TimelinePlugin(BasePlugin[TimelineConfig]):
    def __init__(self) -> None:
        self.data: Dataset | None = None
        self.root: Path | None = None
        self.site_config = SiteConfig()
        self.generated_meta: dict[str, dict] = {}   # src -> the front matter each generated page must read back
        self.trusted: dict[str, set[str]] = {}       # page src or template name -> theme script hashes
        self._scripts_by_base: dict[str, set[str]] = {}
        self.cards: CardJob | None = None  # the social cards, drawn while MkDocs builds
        self.theme_env = None  # the theme's Jinja environment, whose inline scripts the policy allows
        self.env = None        # the generator's, which writes the link-preview and feed tags into <head>
        self._bodies: dict[str, str] = {}  # generated pages' HTML, between on_page_markdown and on_page_content
        # `mkdocs serve` keeps this instance across rebuilds (it has on_startup), and with these what the
        # last build made: pages by their inputs, and every generated file's digest.
        self.page_cache: PageCache | None = None
        self.dirty = False          # `mkdocs serve --dirty`: only what changed is written again
        self.digests: dict[str, bytes] = {}
        self.rewritten: list[Path] = []  # this build's new or changed HTML, which the scan reads
        self.search: ThreadPoolExecutor | None = None  # serve: the search index is rebuilt beside the server

    def on_startup(self, *, command: str, dirty: bool) -> None:
        if command == "serve":
            self.page_cache = PageCache()
            self.dirty = dirty
            self.search = ThreadPoolExecutor(max_workers=1)

    def on_shutdown(self) -> None:
        if self.search is not None:
            self.search.shutdown(wait=True)

    def on_config(self, config):
        base = Path(config.config_file_path).parent
        self.root = (base / self.config.root).resolve()
        problems = docs_problems(Path(config.docs_dir))
        if problems:
            raise PluginError("docs/ holds files the site will not publish:\n" + "\n".join(problems))
        theme = config.theme
        try:
            self.site_config = from_options(
                {"site_name": config.site_name, "site_description": config.site_description,
                 "site_url": config.site_url, "repo_url": config.repo_url,
                 "theme": {"language": theme.get("language") if hasattr(theme, "get") else None}},
                {key: value for key, value in self.config.items() if key != "strict_data"}, base)
        except ConfigError as exc:
            raise PluginError(f"timeline plugin: {exc}") from None
        try:
            self.data, _ = load_dataset(self.root, strict=self.config.strict_data)
        except DataError as exc:
            lines = "\n".join(str(f) for f in exc.result.sorted())
            raise PluginError(f"the timeline data has problems; fix them and build again:\n{lines}") from None
        for css in ("assets/timeline/timeline.css", STYLESHEET, "assets/timeline/search.css"):
            if css not in config.extra_css:
                config.extra_css.append(css)
        scripts = [str(s) for s in config.extra_javascript]
        for script in ("assets/timeline/timeline.js", "assets/timeline/reader.js", "assets/timeline/search.js"):
            if script not in scripts:
                config.extra_javascript.append(script)
        if "search" in config.plugins or "material/search" in config.plugins:
            log.warning("Material's search plugin is listed in mkdocs.yml: the site has its own search, "
                        "so that plugin only publishes an index no page loads; remove it from `plugins`")
        if str(THEME_OVERRIDES) not in config.theme.dirs:
            # After the site's own custom_dir, if it has one, so a site can still replace the header.
            config.theme.dirs.insert(1 if config.theme.custom_dir else 0, str(THEME_OVERRIDES))
        self.env = environment(self.site_config.overrides)  # for the <head> tags of every page
        return config

    def on_files(self, files: Files, config) -> Files:
        previous_meta, self.generated_meta = self.generated_meta, {}
        self.rewritten = []
        digests: dict[str, bytes] = {}
        changed_events: set[str] = set()
        try:
            for src, content in site_files(self.data, self.site_config, parallel=True, with_cards=False,
                                           cache=self.page_cache):
                existing = files.get_file_from_path(src)
                if existing is not None:
                    raise PluginError(f"docs/{src} would be overwritten by a generated page; rename or remove it")
                file = File.generated(config, src, content=content)
                same = False
                if self.dirty:
                    digests[src] = hashlib.blake2b(content.encode() if isinstance(content, str) else content,
                                                   digest_size=16).digest()
                    same = self.digests.get(src) == digests[src]
                    if same:
                        file.is_modified = _unmodified  # type: ignore[method-assign]  # written last build
                    elif src.startswith("events/") and src.endswith(".md"):
                        changed_events.add(src[len("events/"):-len(".md")])
                    elif src.endswith(".html"):
                        self.rewritten.append(Path(file.abs_dest_path))
                if isinstance(content, str) and src.endswith(".md"):
                    kept = previous_meta.get(src) if same else None  # unchanged page: its metadata read last build
                    self.generated_meta[src] = kept if kept is not None else front_matter(content)
                files.append(file)
        except MediaError as exc:  # a picture changed after the check: the same finding the check would give
            raise PluginError(f"the timeline data has problems; fix them and build again:\n{exc}") from None
        for src, content in icon_files(theme_stylesheet(config.theme.dirs)).items():
            files.append(File.generated(config, src, content=content))
        self._cancel_cards()
        first = not self.digests
        self.digests = digests
        # Drawn while MkDocs writes the pages; a dirty rebuild draws only the cards of events that changed.
        self.cards = CardJob(self.data, self.site_config, None if first or not self.dirty else frozenset(changed_events))
        return files

    def on_env(self, env, config, files):
        self.theme_env = env
        self._scripts_by_base = {}
        return env

    def on_page_markdown(self, markdown: str, page, config, files) -> str:
        # A generated page's title and description must come back exactly as written; if MkDocs could
        # not read the front matter, it would publish it as Markdown instead.
        expected = self.generated_meta.get(page.file.src_uri)
        if expected is None:
            return markdown
        if {k: page.meta.get(k) for k in expected} != expected:
            raise PluginError(f"the metadata of generated page {page.file.src_uri} did not read back as written")
        # Its body is finished HTML: Markdown would only parse it to pass it through (the slowest step
        # of a build), so it skips Markdown and is put back as the page's content.
        self._bodies[page.file.src_uri] = markdown
        return ""

    def on_page_content(self, html_content: str, page, config, files) -> str:
        body = self._bodies.pop(page.file.src_uri, None)
        if body is None:
            return html_content
        page.present_anchor_ids = set(ANCHOR_ID.findall(body))  # for MkDocs' check of links to anchors
        return body.strip("\n")

    def _trust(self, key: str, context: dict) -> dict:
        base = context.get("base_url", "")
        if base not in self._scripts_by_base:
            self._scripts_by_base[base] = {script_hash(s) for s in theme_scripts(self.theme_env, context)}
        self.trusted[key] = self._scripts_by_base[base]
        return context

    def on_page_context(self, context, page, config, nav):
        return self._trust(page.file.src_uri, context)

    def on_template_context(self, context, template_name, config):
        return self._trust(template_name, context)

    def on_serve(self, server, config, builder):
        for folder in ("events", "seeds"):
            server.watch(str(self.root / folder))
        base = Path(config.config_file_path).parent
        for folder in (self.config.overrides, self.config.texts):
            if folder and (base / folder).is_dir():
                server.watch(str(base / folder))
        return server

    def on_post_template(self, output_content: str, template_name: str, config) -> str:
        if not template_name.endswith(".html"):
            return output_content  # sitemap.xml and the like
        return self._finish(output_content, self.trusted.pop(template_name, set()))

    def on_post_page(self, output: str, page, config) -> str:
        if self.dirty:
            self.rewritten.append(Path(page.file.abs_dest_path))
        return self._finish(self._head(output, page), self.trusted.pop(page.file.src_uri, set()))

    def _head(self, output: str, page) -> str:
        """Open Graph, Twitter card and feed tags at the end of <head>, from what the page's front matter says.

        A generated page's title and description are written HTML-escaped for the theme (see make_page),
        so they are unescaped here before the template escapes them once; a hand-written page's come
        from its heading and the site's description.
        """
        meta = page.meta or {}
        if page.file.src_uri in self.generated_meta:
            title, description = html.unescape(meta["title"]), html.unescape(meta["description"])
        else:
            title, description = page.title or self.site_config.title, ""
        tags = head_html(self.env, self.site_config, url=page.url, title=title, description=description,
                         meta={key: meta[key] for key in META_KEYS if isinstance(meta.get(key), str)})
        return output.replace("</head>", tags + "</head>", 1)

    def _finish(self, output: str, hashes: set[str]) -> str:
        # Two fixes to the theme's markup, which no stylesheet can make.
        # Material puts autocomplete="off" on its two checkbox toggles, which HTML does not allow on
        # checkboxes (the Nu Html Checker rejects it); they sit outside any block a theme override could replace.
        for toggle in ("drawer", "search"):
            output = output.replace(
                f'data-md-toggle="{toggle}" type="checkbox" id="__{toggle}" autocomplete="off">',
                f'data-md-toggle="{toggle}" type="checkbox" id="__{toggle}">')
        # Its search dialog has no accessible name (axe: aria-dialog-name).
        output = output.replace('<div class="md-search" data-md-component="search" role="dialog">',
                                '<div class="md-search" data-md-component="search" role="dialog" aria-label="Search">')
        present = {script_hash(body) for body in INLINE_SCRIPT.findall(output)}
        return add_policy(output, hashes & present)

    def _cancel_cards(self) -> None:
        if self.cards is not None:
            self.cards.cancel()
            self.cards = None

    def on_build_error(self, error) -> None:
        self._cancel_cards()

    def on_post_build(self, config) -> None:
        site_dir = Path(config.site_dir)
        if self.cards is not None:
            for rel, content in self.cards.files():  # paths made of checked ids: always inside the site
                (site_dir / rel).parent.mkdir(parents=True, exist_ok=True)
                (site_dir / rel).write_bytes(content)
            self.cards = None
        base_path = urlsplit(config.site_url).path or "/" if config.site_url else "/"
        # A dirty rebuild scans what it wrote; every other file was scanned by the build that wrote it.
        problems = scan_site(site_dir, base_path, self.rewritten if self.dirty else None)
        if problems:
            raise PluginError("the built site contains executable or foreign content:\n" + "\n".join(problems))
        # After the scan: Pagefind writes no HTML, and indexes only pages the scan has passed.
        searchable = len(self.data.events) + len(self.data.actors) + len(self.data.seeds)
        if self.search is not None:  # serving: the pages are ready now, the search follows in a few seconds
            if not self.dirty or self.rewritten or not (site_dir / "pagefind").is_dir():
                self.search.submit(_index_beside, site_dir, searchable)
            return
        try:
            log.info(build_index(site_dir, expect=searchable).summary())
        except SearchIndexError as exc:
            raise PluginError(str(exc)) from None


def _unmodified() -> bool:
    return False


def _index_beside(site_dir: Path, searchable: int) -> None:
    """The search index of a served site, rebuilt while the server already shows the new pages."""
    try:
        log.info(build_index(site_dir, expect=searchable).summary())
    except SearchIndexError as exc:
        log.error(f"search index not rebuilt: {exc}")
