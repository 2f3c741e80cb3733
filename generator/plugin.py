"""MkDocs adapter: adds the generated pages, assets, schemas and data files to a build.

All the work happens in plain functions (model, pages, export); this only
connects them to MkDocs' events, so the same pages can feed another builder.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from .model import DataError, Dataset, load_dataset
from .outputs import site_files
from .pages import Settings
from .scan import scan_site


class TimelineConfig(Config):
    root = c.Type(str, default=".")            # folder holding events/ and seeds/, relative to mkdocs.yml
    edit_branch = c.Type(str, default="main")
    split_at = c.Type(int, default=400)
    strict_data = c.Type(bool, default=False)  # fail on checker warnings too


class TimelinePlugin(BasePlugin[TimelineConfig]):
    def __init__(self) -> None:
        self.data: Dataset | None = None
        self.root: Path | None = None

    def on_config(self, config):
        self.root = (Path(config.config_file_path).parent / self.config.root).resolve()
        try:
            self.data, _ = load_dataset(self.root, strict=self.config.strict_data)
        except DataError as exc:
            lines = "\n".join(str(f) for f in exc.result.sorted())
            raise PluginError(f"the timeline data has problems; fix them and build again:\n{lines}") from None
        for css in ("assets/timeline/timeline.css",):
            if css not in config.extra_css:
                config.extra_css.append(css)
        if "assets/timeline/timeline.js" not in [str(s) for s in config.extra_javascript]:
            config.extra_javascript.append("assets/timeline/timeline.js")
        return config

    def on_files(self, files: Files, config) -> Files:
        settings = Settings(site_name=config.site_name, site_url=config.site_url, repo_url=config.repo_url,
                            edit_branch=self.config.edit_branch, split_at=self.config.split_at)
        for src, content in site_files(self.data, settings, self.root, parallel=True):
            existing = files.get_file_from_path(src)
            if existing is not None:
                raise PluginError(f"docs/{src} would be overwritten by a generated page; rename or remove it")
            files.append(File.generated(config, src, content=content))
        return files

    def on_serve(self, server, config, builder):
        for folder in ("events", "seeds"):
            server.watch(str(self.root / folder))
        return server

    def on_post_template(self, output_content: str, template_name: str, config) -> str:
        return self.on_post_page(output_content, None, config)  # 404.html is rendered as a template

    def on_post_page(self, output: str, page, config) -> str:
        # Two fixes to the theme's markup, which no stylesheet can make.
        # Material puts autocomplete="off" on its two checkbox toggles, which HTML does not allow on
        # checkboxes (the Nu Html Checker rejects it); they sit outside any block a theme override could replace.
        for toggle in ("drawer", "search"):
            output = output.replace(
                f'data-md-toggle="{toggle}" type="checkbox" id="__{toggle}" autocomplete="off">',
                f'data-md-toggle="{toggle}" type="checkbox" id="__{toggle}">')
        # Its search dialog has no accessible name (axe: aria-dialog-name).
        return output.replace('<div class="md-search" data-md-component="search" role="dialog">',
                              '<div class="md-search" data-md-component="search" role="dialog" aria-label="Search">')

    def on_post_build(self, config) -> None:
        problems = scan_site(Path(config.site_dir))
        if problems:
            raise PluginError("the built site contains executable content:\n" + "\n".join(problems))
