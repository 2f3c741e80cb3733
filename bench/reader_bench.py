"""What a reader's browser pays: the site against TimelineJS3 and against the site before this search.

    python bench/reader_bench.py [--events 1000 10000] [--runs 5] [--baseline REF] [--json out.json]

For each size, N synthetic events (bench/synthetic.py) are built three ways:
  - site: this checkout's `mkdocs build` (the Pagefind search, its dialog and the timeline);
  - before: the same events built by the checkout at git REF (`--baseline`, e.g. the commit before the
    Pagefind search), with mkdocs-material's own search (whole-site lunr index in a worker);
  - TimelineJS3: the npm package in node_modules drawing the site's own `data/timelinejs.json`
    (generator/export.py's to_timelinejs), as tests/test_exports.py loads it.
`--events 0` stands for the repository's own events instead of synthetic ones.

Each site is served on 127.0.0.1 by a small server that gzips text as GitHub Pages does (HTML, CSS,
JS, JSON, SVG, XML; Pagefind's files are gzip already and sent as they are) and counts the bytes it
sends. Debian's Chromium (headless, 1280x900, no cache: a new browser context per run) opens:
  - timeline: /timeline/ (past 400 events a page linking one page per year, a long year one per month)
    and the page of it that lists the event below (`year` in the tables: a year's or a month's page);
  - event: an event page in the middle of the data; for TimelineJS3, the timeline opened at that
    event's slide (`start_at_slide`), as it has no page per event;
  - search: the event page, '/' pressed as soon as it has loaded, then a query typed at 100 ms a key:
    'special forces' (every synthetic event has both words) and 'number N' (one event's title has N).
Figures, each the median of `--runs` runs:
  - fcp: first contentful paint; painted: the largest contentful paint, or for TimelineJS3 its
    `loaded` event plus one frame (its text is drawn by script after the page's own first paint);
  - heap: V8's used heap plus ArrayBuffer/WebAssembly memory (`Runtime.getHeapUsage`: usedSize +
    backingStorageSize) of the page and of every worker, after a garbage collection
    (`HeapProfiler.collectGarbage`); workers are reached by CDP auto-attach (`Target.setAutoAttach`)
    and addressed with `Target.sendMessageToTarget`. DOM objects (embedderHeapUsedSize) are not in it;
  - dom: elements in the document; bytes: what the server sent for the page and everything it loaded
    (for search: from the search being ready to the last result drawn);
  - ready: from the '/' keydown, made at the page's load event, to the search being usable (our dialog's
    data-ready; Material's "Initializing search" gone: its index loads with every page, so this is
    also how long after loading a page Material's search stays unusable); result: from the last keydown
    to the first result of the full query drawn (a MutationObserver in the page, so no protocol round
    trip is counted); init: bytes from the page request to ready, page included; query: bytes after that;
  - cls: the sum of layout-shift entries without recent input, for every page type, at 412x823 (mobile)
    and 1280x900, one run each (the sum is at least the CLS score, so 0 here means CLS 0).
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import http.server
import io
import json
import os
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import unquote, urlsplit

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.synthetic import _ident, write_tree  # noqa: E402

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
        "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1"]
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1735689600"}
TLJS = REPO / "node_modules" / "@knight-lab" / "timelinejs" / "dist"
# Two queries, typed at 100 ms a key: two words every synthetic event has (every event matches: the
# worst case for any engine), and two words of which one is in a single event's title.
QUERIES = {"every": "special forces", "one": "number {middle}"}
REAL_QUERIES = {"many": "North Korean troops", "one": "Ryabykh"}
DESKTOP = {"width": 1280, "height": 900}
MOBILE = {"width": 412, "height": 823}
GZIP_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")
PAGE_TYPES = {"home": "", "timeline": "timeline/", "year": None, "event": None, "actors": "actors/",
              "actor": "actors/south-korea-nis/", "tags": "tags/", "tag": "tags/troop-deployment/",
              "sources": "sources/", "source": "sources/003_52ce23f21a5653b0/", "figures": "figures/",
              "data": "data/", "corrections": "corrections/", "about": "about/"}


# -- building ----------------------------------------------------------------------------------------------

def real_tree(root: Path, source: Path) -> None:
    for name in ("events", "seeds", "docs", "schemas", "texts"):
        if (source / name).is_dir():  # an older checkout may not have them all
            shutil.copytree(source / name, root / name)
    shutil.copy(source / "mkdocs.yml", root / "mkdocs.yml")


def baseline_source(ref: str, target: Path) -> Path:
    """The checkout at `ref`, unpacked from git (nothing in any work tree is touched)."""
    archive = subprocess.run(["git", "-C", str(REPO), "archive", "--format=tar", ref], check=True, capture_output=True)
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(target, filter="data")
    return target


def build(count: int, out: Path, source: Path | None = None) -> tuple[Path, float, str]:
    """A site of `count` synthetic events (0: the real ones) built by the checkout at `source` (default: this one)."""
    source = source or REPO
    root = out / "tree"
    if count:
        write_tree(root, count, site=False)
        for name in ("docs", "texts"):
            if (source / name).is_dir():
                shutil.copytree(source / name, root / name)
        shutil.copy(source / "mkdocs.yml", root / "mkdocs.yml")
    else:
        real_tree(root, source)
    env = {**ENV, "PYTHONPATH": str(source)}  # `generator` (the plugin) is imported from that checkout
    start = time.perf_counter()
    run = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--site-dir", str(out / "site")], cwd=root, env=env,
                         capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if run.returncode != 0:
        raise SystemExit(f"build failed:\n{run.stderr[-3000:]}")
    index_line = next((line.split("generator: ", 1)[1] for line in run.stderr.splitlines() if "search index:" in line), "")
    return out / "site", seconds, index_line


def add_timelinejs(site: Path, slide: int | None) -> str:
    """A page drawing the site's timelinejs.json with TimelineJS3, served from the same site; returns its path."""
    folder = site / "tljs"
    if not folder.exists():
        shutil.copytree(TLJS, folder / "tl")
    name = "index.html" if slide is None else f"slide-{slide}.html"
    start = "" if slide is None else f", start_at_slide: {slide}"
    (folder / name).write_text(
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>TimelineJS</title><link rel="icon" href="data:,">'
        '<link rel="stylesheet" href="tl/css/timeline.css"><script src="tl/js/timeline.js"></script></head>'
        '<body><div id="timeline" style="width:100%;height:640px"></div><script>'
        'fetch("../data/timelinejs.json").then(r => r.json()).then(data => {'
        f' window.tl = new TL.Timeline("timeline", data,'
        f' {{script_path: new URL("tl/js/", location.href).href, language: "en", font: null{start}}});'
        ' window.tl.on("loaded", () => requestAnimationFrame(() =>'
        ' setTimeout(() => { window.tlPainted = performance.now(); }, 0)));'
        ' });</script></body></html>')
    return f"tljs/{name}"


# -- serving -----------------------------------------------------------------------------------------------

class Counter:
    def __init__(self):
        self.lock = threading.Lock()
        self.bytes = 0
        self.requests = 0

    def add(self, n: int) -> None:
        with self.lock:
            self.bytes += n
            self.requests += 1

    def read(self) -> tuple[int, int]:
        with self.lock:
            return self.bytes, self.requests


class Handler(http.server.SimpleHTTPRequestHandler):
    counter: Counter

    def log_message(self, format, *args):  # noqa: A002
        pass

    def do_GET(self):  # noqa: N802 - the base class's name
        path = Path(self.translate_path(unquote(urlsplit(self.path).path)))
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file():
            self.send_error(404)
            return
        body = path.read_bytes()
        kind = self.guess_type(str(path))
        headers = {"Content-Type": kind, "Cache-Control": "no-store"}
        if kind.startswith(GZIP_TYPES) and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = gzip.compress(body, compresslevel=6, mtime=0)
            headers["Content-Encoding"] = "gzip"
        headers["Content-Length"] = str(len(body))
        self.send_response(200)
        for key, value in headers.items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)
        self.counter.add(len(body) + 17 + sum(len(k) + len(v) + 4 for k, v in headers.items()))


@contextlib.contextmanager
def serve(site: Path):
    counter = Counter()
    handler = type("H", (Handler,), {"counter": counter,
                                     "extensions_map": {**Handler.extensions_map, ".js": "application/javascript"}})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), lambda *a: handler(*a, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", counter
    finally:
        server.shutdown()
        server.server_close()


# -- measuring ---------------------------------------------------------------------------------------------

class Probe:
    """A fresh browser context and page, with a CDP session reaching the page and its workers."""

    def __init__(self, browser, viewport=DESKTOP):
        self.context = browser.new_context(viewport=viewport)
        self.page = self.context.new_page()
        self.cdp = self.context.new_cdp_session(self.page)
        self.workers: dict[str, str] = {}
        self.replies: dict[tuple[str, int], dict] = {}
        self.errors: list[str] = []
        self._next = 1000
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.cdp.on("Target.attachedToTarget", self._attached)
        self.cdp.on("Target.detachedFromTarget", lambda e: self.workers.pop(e["sessionId"], None))
        self.cdp.on("Target.receivedMessageFromTarget", self._message)
        self.cdp.send("Target.setAutoAttach", {"autoAttach": True, "waitForDebuggerOnStart": False, "flatten": False})
        self.cdp.send("Network.enable")
        self.cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})

    def _attached(self, event):
        if event["targetInfo"]["type"] in ("worker", "shared_worker", "service_worker"):
            self.workers[event["sessionId"]] = event["targetInfo"]["url"]

    def _message(self, event):
        message = json.loads(event["message"])
        if "id" in message:
            self.replies[(event["sessionId"], message["id"])] = message

    def _worker_call(self, session: str, method: str, timeout: float = 60) -> dict:
        self._next += 1
        ident = self._next
        self.cdp.send("Target.sendMessageToTarget", {"sessionId": session,
                                                     "message": json.dumps({"id": ident, "method": method})})
        deadline = time.monotonic() + timeout
        while (session, ident) not in self.replies:
            if time.monotonic() > deadline or session not in self.workers:
                return {}
            self.page.wait_for_timeout(20)  # lets playwright deliver the CDP events
        return self.replies.pop((session, ident)).get("result", {})

    def heap(self) -> tuple[int, int]:
        """(bytes of JS heap + ArrayBuffer/Wasm memory over the page and its workers, number of workers)."""
        self.cdp.send("HeapProfiler.collectGarbage")
        usage = self.cdp.send("Runtime.getHeapUsage")
        total = usage["usedSize"] + usage.get("backingStorageSize", 0)
        for session in list(self.workers):
            self._worker_call(session, "HeapProfiler.collectGarbage")
            usage = self._worker_call(session, "Runtime.getHeapUsage")
            total += usage.get("usedSize", 0) + usage.get("backingStorageSize", 0)
        return total, len(self.workers)

    def close(self):
        self.context.close()


PAINT_JS = """() => {
  const fcp = performance.getEntriesByName('first-contentful-paint')[0];
  return {fcp: fcp ? fcp.startTime : null, lcp: window.__lcp, cls: window.__cls,
          dom: document.getElementsByTagName('*').length};
}"""
# Largest contentful paint and layout shifts are reported to observers only: one is set up before the page runs.
OBSERVE_JS = """window.__lcp = null; window.__cls = 0;
new PerformanceObserver(list => { for (const e of list.getEntries()) window.__lcp = e.renderTime || e.startTime; })
  .observe({type: 'largest-contentful-paint', buffered: true});
new PerformanceObserver(list => { for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value; })
  .observe({type: 'layout-shift', buffered: true});"""


MATERIAL_READY = """() => { const m = document.querySelector('.md-search-result__meta');
  return !m || !m.textContent.includes('Initializing'); }"""


def measure_page(browser, url: str, counter: Counter, *, tljs: bool = False, viewport=DESKTOP, heap: bool = True) -> dict:
    probe = Probe(browser, viewport)
    try:
        probe.page.add_init_script(OBSERVE_JS)
        before = counter.read()
        probe.page.goto(url, wait_until="load", timeout=600_000)
        if tljs:
            probe.page.wait_for_function("window.tlPainted !== undefined", timeout=600_000, polling=100)
        probe.page.wait_for_load_state("networkidle", timeout=600_000)
        probe.page.wait_for_timeout(500)  # late shifts and paints
        figures = probe.page.evaluate(PAINT_JS)
        figures["painted"] = figures.pop("lcp")
        if tljs:  # its text is drawn by script: painted once it says it has loaded and drawn a frame
            figures["painted"] = max(figures["painted"] or 0, probe.page.evaluate("window.tlPainted"))
        after = counter.read()
        figures["bytes"], figures["requests"] = after[0] - before[0], after[1] - before[1]
        if heap:
            # Material's search worker indexes the whole site after every page load: the tab's memory
            # is what it holds once that is done (capped at 10 minutes).
            deadline = time.monotonic() + 600
            while not probe.page.evaluate(MATERIAL_READY) and time.monotonic() < deadline:
                probe.page.wait_for_timeout(100)
            figures["heap"], figures["workers"] = probe.heap()
        figures["errors"] = probe.errors
        return figures
    finally:
        probe.close()


WATCH_JS = """([listSelector, readySelector]) => {
  window.__bench = {keys: [], ready: null, results: []};
  document.addEventListener('keydown', e => window.__bench.keys.push(performance.now()), true);
  const seen = () => {
    if (window.__bench.ready === null && readySelector && document.querySelector(readySelector)) {
      window.__bench.ready = performance.now();
    }
  };
  new MutationObserver(() => {
    seen();
    const list = document.querySelector(listSelector);
    if (list && list.children.length) window.__bench.results.push(performance.now());
  }).observe(document.body, {childList: true, subtree: true, attributes: true, characterData: true});
}"""
SYSTEMS = {
    # our dialog: ready when it has loaded the index and filled its filters
    "site": {"list": "#tl-search-results", "ready": "dialog.tl-search[data-ready]", "open": "/",
             "input": "#tl-search-input"},
    # Material: ready when its worker has loaded the index and the "Initializing search" line is replaced
    "before": {"list": ".md-search-result__list", "ready": None, "open": "/",
               "input": "input[data-md-component='search-query']"},
}


def measure_search(browser, url: str, counter: Counter, system: str, query: str, timeout_ms: int) -> dict:
    """A reader arrives on a page and presses '/' as soon as it has loaded: when can they search, and at what cost.

    Material fetches and indexes the whole site on every page load, ours only once asked, so the bytes
    counted start with the page itself (`init`: page and search setup until ready; `query`: the rest).
    """
    spec = SYSTEMS[system]
    probe = Probe(browser)
    try:
        start = counter.read()
        probe.page.goto(url, wait_until="load")
        probe.page.evaluate(WATCH_JS, [spec["list"], spec["ready"]])
        probe.page.keyboard.press(spec["open"])
        if system == "site":
            probe.page.wait_for_selector(spec["ready"], state="attached", timeout=timeout_ms)
            ready = probe.page.evaluate("window.__bench.ready - window.__bench.keys[0]")
        else:
            meta = probe.page.locator(".md-search-result__meta")
            deadline = time.monotonic() + timeout_ms / 1000
            while "Initializing" in meta.inner_text() and time.monotonic() < deadline:
                probe.page.wait_for_timeout(20)
            ready = probe.page.evaluate("performance.now() - window.__bench.keys[0]")  # polled: within 20 ms
        init_bytes = counter.read()[0] - start[0]
        start = counter.read()
        probe.page.keyboard.type(query, delay=100)
        last = probe.page.evaluate("window.__bench.keys[window.__bench.keys.length - 1]")
        deadline = time.monotonic() + timeout_ms / 1000
        result = None
        while time.monotonic() < deadline:  # only results drawn after the last key count
            stamps = [t for t in probe.page.evaluate("window.__bench.results") if t > last]
            if stamps:
                result = stamps[0] - last
                break
            probe.page.wait_for_timeout(20)
        probe.page.wait_for_load_state("networkidle")
        query_bytes = counter.read()[0] - start[0]
        heap, workers = probe.heap()
        return {"ready": ready, "result": result, "init_bytes": init_bytes, "query_bytes": query_bytes,
                "heap": heap, "workers": workers, "errors": probe.errors}
    finally:
        probe.close()


def median(runs: list[dict], key: str):
    values = [r[key] for r in runs if r.get(key) is not None]
    return statistics.median(values) if values else None


def repeat(n: int, measure, *args, **kwargs) -> dict:
    runs = [measure(*args, **kwargs) for _ in range(n)]
    keys = [k for k in runs[0] if k != "errors"]
    out = {k: median(runs, k) for k in keys}
    out["runs"] = len(runs)
    out["errors"] = sorted({e for r in runs for e in r.get("errors", [])})
    out["missing"] = {k: sum(1 for r in runs if r.get(k) is None) for k in keys if any(r.get(k) is None for r in runs)}
    return out


# -- the run -----------------------------------------------------------------------------------------------

def page_paths(count: int, site: Path) -> dict[str, str]:
    paths = dict(PAGE_TYPES)
    if count:
        _, _, ident = _ident(count // 2)
        paths["event"] = f"events/{ident}/"
    else:
        ident = "2024-10-08-first-special-forces-reach-vladivostok"
        paths["event"] = f"events/{ident}/"
    # The timeline's page listing that event: its year's, or past `split_at` its month's (or a part of it).
    holding = sorted(page.parent.relative_to(site).as_posix() + "/" for page in (site / "timeline").rglob("index.html")
                     if page.parent != site / "timeline" and f"events/{ident}/" in page.read_text(encoding="utf-8"))
    paths["year"] = holding[0] if holding else None
    return paths


def slide_of(site: Path, event_path: str) -> int:
    events = json.loads((site / "data" / "timelinejs.json").read_text())["events"]
    ident = event_path.split("/")[1]
    for n, event in enumerate(events):
        if ident in json.dumps(event):
            return n + 1  # slide 0 is the title slide
    return 1


def run_size(browser, count: int, args, workdir: Path) -> dict:
    label = f"{count:,} events" if count else "the real events"
    result: dict = {"events": count, "pages": {}, "search": {}, "cls": {}, "builds": {}, "load": [os.getloadavg()[0]]}
    systems = {"site": None}
    if args.baseline:
        systems["before"] = baseline_source(args.baseline, workdir / "baseline-src")
    sites = {}
    for system, source in systems.items():
        print(f"[{label}] building {system} ...", file=sys.stderr, flush=True)
        sites[system], seconds, index_line = build(count, workdir / f"{system}-{count}", source)
        result["builds"][system] = {"seconds": seconds, "index": index_line}
        if system == "before":
            index = sites[system] / "search" / "search_index.json"
            result["builds"][system]["index_bytes"] = index.stat().st_size if index.exists() else None
    paths = page_paths(count, sites["site"])
    queries = {k: q.format(middle=count // 2) for k, q in QUERIES.items()} if count else REAL_QUERIES
    for system, site in sites.items():
        with serve(site) as (url, counter):
            for kind in ("timeline", "year", "event"):
                if paths[kind]:
                    print(f"[{label}] {system} {kind} ...", file=sys.stderr, flush=True)
                    result["pages"][f"{system}:{kind}"] = repeat(args.runs, measure_page, browser, url + paths[kind], counter)
            for name, query in queries.items():
                print(f"[{label}] {system} search '{query}' ...", file=sys.stderr, flush=True)
                result["search"][f"{system}:{name}"] = repeat(args.runs, measure_search, browser, url + paths["event"],
                                                              counter, system, query, args.search_timeout * 1000)
                result["search"][f"{system}:{name}"]["query"] = query
            for kind, path in paths.items():
                if path is None:
                    continue
                for name, viewport in (("mobile", MOBILE), ("desktop", DESKTOP)):
                    figures = measure_page(browser, url + path, counter, viewport=viewport, heap=False)
                    result["cls"][f"{system}:{kind}:{name}"] = figures["cls"]
    if not args.no_timelinejs:
        site = sites["site"]
        pages = {"timeline": add_timelinejs(site, None), "event": add_timelinejs(site, slide_of(site, paths["event"]))}
        with serve(site) as (url, counter):
            for kind, path in pages.items():
                print(f"[{label}] TimelineJS3 {kind} ...", file=sys.stderr, flush=True)
                result["pages"][f"timelinejs:{kind}"] = repeat(args.tljs_runs or args.runs, measure_page, browser,
                                                               url + path, counter, tljs=True)
    result["load"].append(os.getloadavg()[0])  # other work on the machine slows every figure alike
    return result


def fmt(value, unit: str) -> str:
    if value is None:
        return "-"
    if unit == "ms":
        return f"{value / 1000:.2f} s" if value >= 1000 else f"{value:.0f} ms"
    if unit == "bytes":
        return f"{value / 1048576:.1f} MB" if value >= 1048576 else f"{value / 1024:.0f} KB"
    return f"{value:,.0f}"


def ratio(a, b) -> str:
    return f"{a / b:.1f}x" if a and b else "-"


def report(results: list[dict]) -> str:
    lines = []
    for r in results:
        label = f"{r['events']:,} events" if r["events"] else "the real events"
        lines.append(f"\n## {label}\n")
        lines.append(f"load average (1 min) at start and end: {r['load'][0]:.1f}, {r['load'][-1]:.1f}")
        for system, build_info in r["builds"].items():
            extra = f"; {build_info['index']}" if build_info.get("index") else ""
            if build_info.get("index_bytes"):
                extra += f"; search_index.json {fmt(build_info['index_bytes'], 'bytes')}"
            lines.append(f"build {system}: {build_info['seconds']:.0f} s{extra}")
        lines.append("")
        lines.append(f"{'page':<22}{'fcp':>9}{'painted':>10}{'heap':>10}{'dom':>8}{'bytes':>10}{'requests':>9}")
        for key, f in r["pages"].items():
            lines.append(f"{key:<22}{fmt(f['fcp'], 'ms'):>9}{fmt(f['painted'], 'ms'):>10}{fmt(f['heap'], 'bytes'):>10}"
                         f"{fmt(f['dom'], ''):>8}{fmt(f['bytes'], 'bytes'):>10}{fmt(f['requests'], ''):>9}"
                         + (f"   runs {f['runs']}" if f["runs"] else "")
                         + (f"  errors: {f['errors'][:2]}" if f["errors"] else ""))
        lines.append("")
        lines.append(f"{'search':<36}{'ready':>9}{'result':>10}{'init':>10}{'query':>10}{'heap':>10}{'workers':>9}")
        for key, f in r["search"].items():
            missing = f" (no result within the time limit in {f['missing']['result']} runs)" if f["missing"].get("result") else ""
            name = f"{key.split(':')[0]} '{f['query']}'"
            lines.append(f"{name:<36}{fmt(f['ready'], 'ms'):>9}{fmt(f['result'], 'ms'):>10}{fmt(f['init_bytes'], 'bytes'):>10}"
                         f"{fmt(f['query_bytes'], 'bytes'):>10}{fmt(f['heap'], 'bytes'):>10}{fmt(f['workers'], ''):>9}{missing}")
        lines.append("")
        pages, search = r["pages"], r["search"]
        for kind in ("timeline", "event"):
            ours, peer = pages.get(f"site:{kind}"), pages.get(f"timelinejs:{kind}")
            if ours and peer:
                lines.append(f"TimelineJS3 / site, {kind}: painted {ratio(peer['painted'], ours['painted'])}, "
                             f"heap {ratio(peer['heap'], ours['heap'])}, dom {ratio(peer['dom'], ours['dom'])}, "
                             f"bytes {ratio(peer['bytes'], ours['bytes'])}")
        for name in sorted({k.split(":")[1] for k in search}):
            s, b = search.get(f"site:{name}"), search.get(f"before:{name}")
            if not (s and b):
                continue
            before_bytes = (b['init_bytes'] or 0) + (b['query_bytes'] or 0)
            site_bytes = (s['init_bytes'] or 0) + (s['query_bytes'] or 0)
            lines.append(f"before / site, search '{s['query']}': ready {ratio(b['ready'], s['ready'])}, "
                         f"result {ratio(b['result'], s['result'])}, bytes to search {ratio(before_bytes, site_bytes)}, "
                         f"heap {ratio(b['heap'], s['heap'])}")
        shifted = {k: v for k, v in r["cls"].items() if v}
        lines.append(f"layout shift: {len(r['cls']) - len(shifted)} of {len(r['cls'])} page loads shift nothing"
                     + ("; " + ", ".join(f"{k} {v:.3f}" for k, v in shifted.items()) if shifted else ""))
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, nargs="+", default=[1000, 10000], help="sizes; 0 = the real events")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--tljs-runs", type=int, default=None, help="runs for TimelineJS3 (default: --runs)")
    parser.add_argument("--baseline", help="git ref of the checkout to compare with (Material's search)")
    parser.add_argument("--search-timeout", type=int, default=120, help="seconds to wait for search ready or a result")
    parser.add_argument("--no-timelinejs", action="store_true")
    parser.add_argument("--json", type=Path, help="also write every figure here")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright
    results = []
    with tempfile.TemporaryDirectory(prefix="reader-bench-") as tmp, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            for count in args.events:
                workdir = Path(tmp) / str(count)
                workdir.mkdir()
                results.append(run_size(browser, count, args, workdir))
                if args.json:
                    args.json.write_text(json.dumps(results, indent=1))
                shutil.rmtree(workdir, ignore_errors=True)
        finally:
            browser.close()
    print(f"Chromium {subprocess.run([CHROMIUM, '--version'], capture_output=True, text=True).stdout.strip()}; "
          f"median of {args.runs} runs; {os.cpu_count()} cores")
    print(report(results))


if __name__ == "__main__":
    main()
