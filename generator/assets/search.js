// Site search: a dialog over the chunked Pagefind index in pagefind/ at the site's root. Nothing is
// loaded until a reader reaches for the search (hover, focus, / or s), then only the index chunks of
// the words typed and the fragments of the results shown. No framework, no inline script, nothing
// from another host. Without this script the header's search button stays a link to the timeline.
(function () {
  "use strict";
  var trigger = document.querySelector("[data-tl-search]");
  var script = document.currentScript;
  if (!trigger || !script || typeof HTMLDialogElement !== "function") return;
  // This file is assets/timeline/search.js; the index sits two folders up, wherever the site is published.
  var bundle = new URL("../../pagefind/pagefind.js", script.src).href;
  var PAGE = 10;  // results drawn at once; each costs one small fragment request
  var STATUS_ORDER = ["confirmed", "reported", "alleged", "disputed", "expected"];
  var FILTERS = [["status", "Status", "Any status"], ["actor", "Actor", "Any actor"], ["tag", "Topic", "Any topic"]];

  var engine = null;     // Promise of a ready Pagefind instance
  var preparing = null;  // Promise of the dialog being ready: index loaded, filters filled
  var dialog, input, status, list, more, selects = {};
  var results = [], shown = 0, generation = 0;
  var searching = false, waiting = false;  // one search at a time in the worker; the newest words wait

  function load() {
    if (!engine) {
      engine = import(bundle).then(function (pagefind) {
        var instance = pagefind.createInstance({ excerptLength: 24 });
        return instance.init().then(function () { return instance; });
      });
      engine.catch(function () { engine = null; });  // a later attempt may succeed (e.g. back online)
    }
    return engine;
  }

  function element(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    if (text) node.textContent = text;
    return node;
  }

  function build() {
    dialog = element("dialog", { "class": "tl-search", "aria-labelledby": "tl-search-title" });
    var bar = element("div", { "class": "tl-search__bar", role: "search" });
    bar.appendChild(element("label", { "for": "tl-search-input", id: "tl-search-title", "class": "tl-search__title" },
                            "Search events, actors and sources"));
    var row = element("div", { "class": "tl-search__row" });
    input = element("input", { id: "tl-search-input", type: "search", "class": "tl-search__input", autocomplete: "off",
                               spellcheck: "false", "aria-describedby": "tl-search-help", "aria-controls": "tl-search-results" });
    var close = element("button", { type: "button", "class": "md-button tl-search__close" }, "Close");
    close.addEventListener("click", function () { dialog.close(); });
    row.appendChild(input);
    row.appendChild(close);
    bar.appendChild(row);
    dialog.appendChild(bar);

    var filters = element("fieldset", { "class": "tl-search__filters" });
    filters.appendChild(element("legend", { "class": "tl-search__legend" }, "Only show"));
    FILTERS.forEach(function (spec) {
      var field = element("div", { "class": "tl-search__field" });
      field.appendChild(element("label", { "for": "tl-search-" + spec[0] }, spec[1]));
      var select = element("select", { id: "tl-search-" + spec[0], name: spec[0] });
      select.appendChild(element("option", { value: "" }, spec[2]));
      select.addEventListener("change", run);
      selects[spec[0]] = select;
      field.appendChild(select);
      filters.appendChild(field);
    });
    dialog.appendChild(filters);

    status = element("p", { "class": "tl-search__status", role: "status" }, "Loading the search index…");
    dialog.appendChild(status);
    list = element("ol", { id: "tl-search-results", "class": "tl-search__results", "aria-label": "Results" });
    dialog.appendChild(list);
    more = element("button", { type: "button", "class": "md-button tl-search__more", hidden: "" }, "Show more results");
    more.addEventListener("click", function () { draw(generation, true); });
    dialog.appendChild(more);
    dialog.appendChild(element("p", { id: "tl-search-help", "class": "tl-search__help" },
                               "↓ and ↑ move through the results, Enter opens one, Esc closes the search."));

    input.addEventListener("input", run);
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown") { event.preventDefault(); focusResult(0); }
      if (event.key === "Enter") {
        event.preventDefault();
        var first = list.querySelector("a");
        if (first) first.click();
      }
    });
    list.addEventListener("keydown", function (event) {
      var links = Array.prototype.slice.call(list.querySelectorAll("a"));
      var at = links.indexOf(document.activeElement);
      if (at < 0) return;
      if (event.key === "ArrowDown") { event.preventDefault(); focusResult(at + 1); }
      if (event.key === "ArrowUp") { event.preventDefault(); if (at === 0) input.focus(); else focusResult(at - 1); }
    });
    // Esc closes at once, as in Material; a search box would otherwise spend the first Esc clearing itself.
    dialog.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { event.preventDefault(); dialog.close(); }
    });
    dialog.addEventListener("close", function () { trigger.focus(); });
    document.body.appendChild(dialog);
  }

  function focusResult(index) {
    var links = list.querySelectorAll("a");
    if (links.length) links[Math.min(index, links.length - 1)].focus();
  }

  function fillFilters(instance) {
    return instance.filters().then(function (available) {
      FILTERS.forEach(function (spec) {
        var counts = available[spec[0]] || {};
        var names = Object.keys(counts).sort(function (a, b) {
          if (spec[0] === "status") {
            var ia = STATUS_ORDER.indexOf(a), ib = STATUS_ORDER.indexOf(b);
            if (ia !== ib) return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib);
          }
          return a.localeCompare(b, "en", { sensitivity: "base" });
        });
        var select = selects[spec[0]];
        names.forEach(function (name) {
          select.appendChild(element("option", { value: name }, name + " (" + counts[name] + ")"));
        });
      });
    });
  }

  function prepare() {
    if (preparing) return;
    status.textContent = "Loading the search index…";
    preparing = load().then(function (instance) {
      return fillFilters(instance).then(function () {
        status.textContent = "Type a word, a name or a phrase in quotes, or choose a filter.";
        dialog.setAttribute("data-ready", "");
        if (input.value.trim()) run();
      });
    }).catch(function () {
      preparing = null;  // opening the search again tries again
      status.textContent = "";
      status.appendChild(document.createTextNode("The search could not load. "));
      status.appendChild(element("a", { href: trigger.getAttribute("href") }, "Browse the timeline instead."));
    });
  }

  function open() {
    if (!dialog) build();
    prepare();
    if (!dialog.open) dialog.showModal();
    input.focus();
    input.select();
  }

  function chosen() {
    var filters = {};
    FILTERS.forEach(function (spec) {
      if (selects[spec[0]].value) filters[spec[0]] = selects[spec[0]].value;
    });
    return filters;
  }

  // A word found on every page costs Pagefind time in proportion to the pages (about a second at
  // 10,000 events), and its worker answers in order: searching on every keystroke would queue one
  // such search per key. So one search runs at a time, and when it ends only the newest words are
  // searched, however many keys were pressed meanwhile.
  function run() {
    if (searching) { waiting = true; return; }
    var mine = ++generation;
    var term = input.value.trim();
    var filters = chosen();
    if ((!term || term.length < 2) && !Object.keys(filters).length) {  // one letter matches nearly every page
      results = [];
      list.textContent = "";
      more.hidden = true;
      if (dialog.hasAttribute("data-ready")) status.textContent = "Type a word, a name or a phrase in quotes, or choose a filter.";
      return;
    }
    searching = true;
    load().then(function (instance) {
      // Without words, every page the filters allow, in date order (events carry a date sort key).
      return instance.search(term || null, term ? { filters: filters } : { filters: filters, sort: { date: "asc" } });
    }).then(function (found) {
      searching = false;
      if (waiting) { waiting = false; run(); return; }  // the words changed meanwhile: search the newest
      if (mine !== generation || !found) return;
      results = found.results;
      shown = 0;
      return draw(mine, false);
    }, function () {
      searching = false;
      if (waiting) { waiting = false; run(); }
    });
  }

  function draw(mine, append) {
    var batch = results.slice(shown, shown + PAGE);
    return Promise.all(batch.map(function (result) { return result.data(); })).then(function (pages) {
      if (mine !== generation) return;
      if (!append) list.textContent = "";
      var first = list.children.length;
      pages.forEach(function (page) { list.appendChild(item(page)); });
      shown += batch.length;
      more.hidden = shown >= results.length;
      var n = results.length;
      // Says which words and filters the list answers, while typing goes on.
      var term = input.value.trim();
      var filters = chosen();
      var what = (term ? " for “" + term + "”" : "") + (Object.keys(filters).length ? " with " + FILTERS.filter(function (spec) {
        return filters[spec[0]];
      }).map(function (spec) { return spec[1].toLowerCase() + " " + filters[spec[0]]; }).join(", ") : "");
      status.textContent = n === 0 ? "No results" + what + "." : n + (n === 1 ? " result" : " results") + what +
        (shown < n ? ", showing the first " + shown + "." : ".");
      if (append) focusResult(first);
    });
  }

  function item(page) {
    var meta = page.meta || {};
    var li = element("li", { "class": "tl-search__result" });
    var link = element("a", { href: page.url, "class": "tl-search__link" });
    var line = element("span", { "class": "tl-search__meta" });
    line.appendChild(element("span", { "class": "tl-search__kind" }, meta.kind || "Page"));
    if (meta.date) line.appendChild(element("span", {}, meta.date));
    var statusName = page.filters && page.filters.status && page.filters.status[0];
    if (statusName) line.appendChild(element("span", { "class": "tl-badge tl-badge--" + statusName }, statusName));
    link.appendChild(line);
    link.appendChild(element("span", { "class": "tl-search__name" }, meta.title || page.url));
    link.appendChild(excerpt(page.excerpt || ""));
    li.appendChild(link);
    return li;
  }

  // Pagefind's excerpt is the page's own text with <mark> around the words found. The text is not
  // escaped, so it is never parsed as HTML: only the <mark> pairs become elements, the rest stays text.
  function excerpt(text) {
    var span = element("span", { "class": "tl-search__excerpt" });
    text.split("<mark>").forEach(function (part, index) {
      var closing = part.indexOf("</mark>");
      if (index > 0 && closing >= 0) {
        span.appendChild(element("mark", {}, part.slice(0, closing)));
        part = part.slice(closing + "</mark>".length);
      }
      if (part) span.appendChild(document.createTextNode(part));
    });
    return span;
  }

  function typing(target) {
    return target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  }

  trigger.setAttribute("role", "button");
  trigger.setAttribute("aria-haspopup", "dialog");
  trigger.setAttribute("aria-keyshortcuts", "/ s");
  trigger.addEventListener("click", function (event) { event.preventDefault(); open(); });
  trigger.addEventListener("keydown", function (event) {
    if (event.key === " ") { event.preventDefault(); open(); }  // a button opens on Space too
  });
  ["pointerenter", "focus"].forEach(function (name) {
    trigger.addEventListener(name, function () { load().catch(function () {}); }, { once: true });
  });
  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
    if ((event.key === "/" || event.key === "s") && !(dialog && dialog.open)) {
      event.preventDefault();
      open();
    }
  });
})();
