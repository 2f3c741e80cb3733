// What a reader does besides reading: move with j/k, go on within the list they came from, copy a link, a
// citation or embed code, print with link targets. No framework, nothing fetched, no contributor text ever
// parsed as HTML (text goes in through textContent and value only). Without this script every page still reads,
// links and prints; only copying by button, keys and list-aware previous/next need it.
(function () {
  "use strict";
  var pager = document.querySelector("[data-pager]");
  var here = window.location.origin + window.location.pathname;

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  // -- Previous and next within the actor's or topic's list the reader came from (?from=actor:<id>) ----------
  function pagerLink(direction, entry) {
    var link = element("a", "tl-pager__link");
    link.setAttribute("rel", direction);
    link.setAttribute("href", entry.url);
    var time = element("time", null, entry.date);
    time.setAttribute("datetime", entry.datetime);
    link.append(element("span", "tl-pager__dir", direction === "prev" ? "Previous" : "Next"), " ",
                element("span", "tl-pager__event", entry.title), " ", time);
    return link;
  }

  function followList() {
    var from = new URLSearchParams(window.location.search).get("from");
    var block = document.getElementById("tl-neighbours");
    if (!pager || !from || !block) return;
    var lists = JSON.parse(block.textContent);
    if (!Object.prototype.hasOwnProperty.call(lists, from)) return;
    var list = lists[from];
    var scope = pager.querySelector("[data-pager-scope]");
    var back = element("a", null, list.label);
    back.setAttribute("href", list.list);
    scope.textContent = "in ";
    scope.appendChild(back);
    ["prev", "next"].forEach(function (direction) {
      var slot = pager.querySelector('[data-pager-slot="' + direction + '"]');
      slot.replaceChildren(list[direction] ? pagerLink(direction, list[direction]) :
        element("span", "tl-pager__none", (direction === "prev" ? "The first event of " : "The last event of ") + list.label));
    });
  }

  // -- Keys: j and k ------------------------------------------------------------------------------------------
  // On an event page they follow the next and previous links; on a list they move the focus between events.
  // Arrow keys, and Material's own keys (/, s, f, n, p, comma, period), are left alone.
  function typing(node) {
    return !!node && node.nodeType === 1 &&
      (node.isContentEditable || !!node.closest("input, textarea, select, [contenteditable]"));
  }

  function eventLinks() {
    return Array.prototype.filter.call(document.querySelectorAll("a[data-event-link]"), function (link) {
      return link.getClientRects().length > 0;  // not in a filtered-out item
    });
  }

  function moveFocus(forward) {
    var links = eventLinks();
    if (!links.length) return false;
    var at = links.indexOf(document.activeElement);
    if (at < 0) {  // start from the first event on screen
      var first = links.findIndex(function (link) { return link.getBoundingClientRect().bottom > 0; });
      at = first < 0 ? links.length - 1 : (forward ? first : Math.max(first - 1, 0));
    } else {
      at = Math.min(Math.max(at + (forward ? 1 : -1), 0), links.length - 1);
    }
    links[at].focus({ preventScroll: true });
    links[at].scrollIntoView({ block: "center" });
    return true;
  }

  document.addEventListener("keydown", function (event) {
    if (event.key !== "j" && event.key !== "k") return;
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
    if (typing(event.target) || typing(document.activeElement)) return;
    var forward = event.key === "j";
    if (pager) {
      var link = pager.querySelector(forward ? "a[rel=next]" : "a[rel=prev]");
      if (link) {
        event.preventDefault();
        window.location.href = link.href;
      }
      return;
    }
    if (moveFocus(forward)) event.preventDefault();
  });

  // -- The page's own address, where the site's address is not configured ------------------------------------
  function fillAddress() {
    document.querySelectorAll("[data-page-address]").forEach(function (node) {
      var path = node.getAttribute("data-page-address");
      if ("value" in node && node.tagName === "INPUT") node.value = node.value.split(path).join(here);
      else node.textContent = node.textContent.split(path).join(here);
    });
  }

  // -- Embed code: a full address, and on the timeline the filters chosen there -------------------------------
  function attribute(value) {
    return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
  }

  function embedAddress(box) {
    var address = new URL(box.getAttribute("data-embed"), window.location.href);
    var form = document.querySelector("[data-filters]");
    if (!box.hasAttribute("data-embed-filters") || !form || form.hidden) return address;
    var actor = form.elements.actor.value, tag = form.elements.tag.value, status = form.elements.status.value;
    // A chosen actor or topic has an embed page of its own, which lists its latest events, not the latest that match.
    if (actor) address = new URL("actors/" + encodeURIComponent(actor) + "/", address);
    else if (tag) address = new URL("tags/" + encodeURIComponent(tag) + "/", address);
    if (actor && tag) address.searchParams.set("tag", tag);
    if (status) address.searchParams.set("status", status);
    return address;
  }

  function updateEmbeds() {
    document.querySelectorAll("textarea[data-embed]").forEach(function (box) {
      box.value = '<iframe src="' + attribute(embedAddress(box).href) + '" title="' +
        attribute(box.getAttribute("data-embed-title")) + '" width="100%" height="' +
        attribute(box.getAttribute("data-embed-height")) + '" loading="lazy"></iframe>';
    });
  }

  // -- Copy buttons -------------------------------------------------------------------------------------------
  function copied(id, ok) {
    var status = document.querySelector('output[for="' + id + '"]');
    if (status) status.textContent = ok ? "Copied." : "Select the text and copy it.";
  }

  function selectText(node) {
    if (node.select) {
      node.select();
    } else {
      var range = document.createRange();
      range.selectNodeContents(node);
      var selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
    }
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("button[data-copy]") : null;
    if (!button) return;
    var id = button.getAttribute("data-copy");
    var node = document.getElementById(id);
    if (!node) return;
    var text = node.tagName === "INPUT" || node.tagName === "TEXTAREA" ? node.value : node.textContent;
    function fallback() {
      selectText(node);
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      copied(id, ok);
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(function () { copied(id, true); }, fallback);
    } else {
      fallback();
    }
  });

  // -- Print: where each link in the text goes, as a full address ---------------------------------------------
  function markLinksForPrint() {
    document.querySelectorAll(".md-content a[href]").forEach(function (link) {
      var href = link.getAttribute("href");
      if (href.charAt(0) !== "#" && !link.classList.contains("headerlink")) link.setAttribute("data-print-url", link.href);
    });
  }

  window.addEventListener("beforeprint", markLinksForPrint);
  var printing = window.matchMedia ? window.matchMedia("print") : null;
  if (printing && printing.addEventListener) {
    printing.addEventListener("change", function (change) { if (change.matches) markLinksForPrint(); });
  }

  followList();
  fillAddress();
  updateEmbeds();
  var filters = document.querySelector("[data-filters]");
  if (filters) {
    filters.addEventListener("change", updateEmbeds);
    filters.addEventListener("reset", function () { window.setTimeout(updateEmbeds, 0); });
  }
  document.querySelectorAll("button[data-copy]").forEach(function (button) { button.hidden = false; });
})();
