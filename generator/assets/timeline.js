// Timeline filters: no framework, nothing fetched. Without this script the full list shows.
// Filters live in the query string (?actor=...&tag=...&status=...) so a filtered view can be shared.
(function () {
  "use strict";
  var form = document.querySelector("[data-filters]");
  var timeline = document.querySelector("[data-timeline]");
  if (!form || !timeline) return;
  var fields = ["actor", "tag", "status"];
  var items = Array.prototype.slice.call(timeline.querySelectorAll("[data-event]"));
  var groups = Array.prototype.slice.call(timeline.querySelectorAll("[data-group]")).reverse();
  var count = form.querySelector("[data-count]");
  var empty = document.querySelector("[data-empty]");

  function words(element, name) {
    return (element.getAttribute("data-" + name) || "").split(" ");
  }

  function current() {
    var chosen = {};
    fields.forEach(function (name) { chosen[name] = form.elements[name].value; });
    return chosen;
  }

  function apply(chosen) {
    var shown = 0;
    items.forEach(function (item) {
      var match = (!chosen.actor || words(item, "actors").indexOf(chosen.actor) >= 0) &&
                  (!chosen.tag || words(item, "tags").indexOf(chosen.tag) >= 0) &&
                  (!chosen.status || item.getAttribute("data-status") === chosen.status);
      item.hidden = !match;
      if (match) shown += 1;
    });
    groups.forEach(function (group) {
      group.hidden = !group.querySelector("[data-event]:not([hidden])");
    });
    count.textContent = shown + " of " + items.length + " events";
    if (empty) empty.hidden = shown !== 0;
  }

  function toUrl(chosen) {
    var params = new URLSearchParams(window.location.search);
    fields.forEach(function (name) {
      if (chosen[name]) params.set(name, chosen[name]); else params.delete(name);
    });
    var query = params.toString();
    window.history.replaceState(null, "", window.location.pathname + (query ? "?" + query : "") + window.location.hash);
  }

  function fromUrl() {
    var params = new URLSearchParams(window.location.search);
    fields.forEach(function (name) {
      var value = params.get(name) || "";
      var select = form.elements[name];
      var known = Array.prototype.some.call(select.options, function (o) { return o.value === value; });
      select.value = known ? value : "";
    });
  }

  form.addEventListener("change", function () {
    var chosen = current();
    apply(chosen);
    toUrl(chosen);
  });
  form.addEventListener("reset", function () {
    window.setTimeout(function () {
      var chosen = current();
      apply(chosen);
      toUrl(chosen);
    }, 0);
  });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.hidden = false;
  fromUrl();
  apply(current());
})();
