// The embeddable timeline's filters: ?status=, ?actor= and ?tag= in the address show only the listed events that
// match. Nothing is fetched; without this script every listed event shows.
(function () {
  "use strict";
  var items = Array.prototype.slice.call(document.querySelectorAll(".e-item"));
  var count = document.querySelector("[data-count]");
  if (!items.length || !count) return;
  var params = new URLSearchParams(window.location.search);
  var chosen = { status: params.get("status") || "", actors: params.get("actor") || "", tags: params.get("tag") || "" };
  if (!chosen.status && !chosen.actors && !chosen.tags) return;

  function has(item, name, value) {
    return !value || (item.getAttribute("data-" + name) || "").split(" ").indexOf(value) >= 0;
  }

  var shown = 0;
  items.forEach(function (item) {
    var match = has(item, "status", chosen.status) && has(item, "actors", chosen.actors) && has(item, "tags", chosen.tags);
    item.hidden = !match;
    if (match) shown += 1;
  });
  var total = Number(count.getAttribute("data-total"));
  count.textContent = shown + " of the " + (total > items.length ? "latest " + items.length : items.length) +
    " events match: " + [chosen.status, chosen.actors, chosen.tags].filter(Boolean).join(", ") + ".";
  var empty = document.querySelector("[data-empty]");
  if (empty) empty.hidden = shown !== 0;
  // The link back opens the site's timeline with the same filters.
  var full = document.querySelector("[data-full]");
  if (full && /\/timeline\/$/.test(full.pathname)) {
    var query = new URLSearchParams();
    if (chosen.actors) query.set("actor", chosen.actors);
    if (chosen.tags) query.set("tag", chosen.tags);
    if (chosen.status) query.set("status", chosen.status);
    full.search = "?" + query.toString();
  }
})();
