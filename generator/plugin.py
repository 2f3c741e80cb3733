"""MkDocs adapter: adds the generated pages, assets, schemas and data files to a build.

All the work happens in plain functions (model, pages, export); this only
connects them to MkDocs' events, so the same pages can feed another builder.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files

from .model import DataError, Dataset, load_dataset
from .outputs import site_files
from .pages import Settings
from .csp import INLINE_SCRIPT, add_policy, theme_scripts
from .docs_guard import docs_problems
from .pages import front_matter
from .scan import scan_site, script_hash
from .search.index import SearchIndexError, build_index
from .theme_icons import STYLESHEET, icon_files, theme_stylesheet


THEME_OVERRIDES = Path(__file__).parent / "theme"  # partials replacing Material's: the header's search button
log = get_plugin_logger(__name__)


class TimelineConfig(Config):
    root = c.Type(str, default=".")            # folder holding events/ and seeds/, relative to mkdocs.yml
    edit_branch = c.Type(str, default="main")
    split_at = c.Type(int, default=400)
    strict_data = c.Type(bool, default=False)  # fail on checker warnings too


class TimelinePlugin(BasePlugin[TimelineConfig]):
    def __init__(self) -> None:
        self.data: Dataset | None = None
        self.root: Path | None = None
        self.generated_meta: dict[str, dict] = {}   # src -> the front matter each generated page must read back
        self.trusted: dict[str, set[str]] = {}       # page src or template name -> theme script hashes
        self._scripts_by_base: dict[str, set[str]] = {}
        self.env = None

    def on_config(self, config):
        self.root = (Path(config.config_file_path).parent / self.config.root).resolve()
        problems = docs_problems(Path(config.docs_dir))
        if problems:
            raise PluginError("docs/ holds files the site will not publish:\n" + "\n".join(problems))
        try:
            self.data, _ = load_dataset(self.root, strict=self.config.strict_data)
        except DataError as exc:
            lines = "\n".join(str(f) for f in exc.result.sorted())
            raise PluginError(f"the timeline data has problems; fix them and build again:\n{lines}") from None
        for css in ("assets/timeline/timeline.css", STYLESHEET, "assets/timeline/search.css"):
            if css not in config.extra_css:
                config.extra_css.append(css)
        for js in ("assets/timeline/timeline.js", "assets/timeline/search.js"):
            if js not in [str(s) for s in config.extra_javascript]:
                config.extra_javascript.append(js)
        if str(THEME_OVERRIDES) not in config.theme.dirs:
            config.theme.dirs.insert(0, str(THEME_OVERRIDES))
        return config

    def on_files(self, files: Files, config) -> Files:
        settings = Settings(site_name=config.site_name, site_url=config.site_url, repo_url=config.repo_url,
                            edit_branch=self.config.edit_branch, split_at=self.config.split_at)
        self.generated_meta = {}
        for src, content in site_files(self.data, settings, self.root, parallel=True):
            existing = files.get_file_from_path(src)
            if existing is not None:
                raise PluginError(f"docs/{src} would be overwritten by a generated page; rename or remove it")
            if src.endswith(".md"):
                self.generated_meta[src] = front_matter(content)
            files.append(File.generated(config, src, content=content))
        for src, content in icon_files(theme_stylesheet(config.theme.dirs)).items():
            files.append(File.generated(config, src, content=content))
        return files

    def on_env(self, env, config, files):
        self.env = env
        self._scripts_by_base = {}
        return env

    def on_page_markdown(self, markdown: str, page, config, files) -> str:
        # A generated page's title and description must come back exactly as written; if MkDocs could
        # not read the front matter, it would publish it as Markdown instead.
        expected = self.generated_meta.get(page.file.src_uri)
        if expected is not None and {k: page.meta.get(k) for k in expected} != expected:
            raise PluginError(f"the metadata of generated page {page.file.src_uri} did not read back as written")
        return markdown

    def _trust(self, key: str, context: dict) -> dict:
        base = context.get("base_url", "")
        if base not in self._scripts_by_base:
            self._scripts_by_base[base] = {script_hash(s) for s in theme_scripts(self.env, context)}
        self.trusted[key] = self._scripts_by_base[base]
        return context

    def on_page_context(self, context, page, config, nav):
        return self._trust(page.file.src_uri, context)

    def on_template_context(self, context, template_name, config):
        return self._trust(template_name, context)

    def on_serve(self, server, config, builder):
        for folder in ("events", "seeds"):
            server.watch(str(self.root / folder))
        return server

    def on_post_template(self, output_content: str, template_name: str, config) -> str:
        if not template_name.endswith(".html"):
            return output_content  # sitemap.xml and the like
        return self._finish(output_content, self.trusted.pop(template_name, set()))

    def on_post_page(self, output: str, page, config) -> str:
        return self._finish(output, self.trusted.pop(page.file.src_uri, set()))

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

    def on_post_build(self, config) -> None:
        problems = scan_site(Path(config.site_dir))
        if problems:
            raise PluginError("the built site contains executable or foreign content:\n" + "\n".join(problems))
        # After the scan: Pagefind writes no HTML, and indexes only pages the scan has passed.
        searchable = len(self.data.events) + len(self.data.actors) + len(self.data.seeds)
        try:
            log.info(build_index(Path(config.site_dir), expect=searchable).summary())
        except SearchIndexError as exc:
            raise PluginError(str(exc)) from None
