"""Site search that scales: a chunked static index (Pagefind) and a small dialog that queries it.

mkdocs-material's search made every page download and index the whole site in a worker (32 MB of
index and a 635 MB worker at 10,000 events). Pagefind splits the index into chunks by word, so a
query loads only the chunks of its words and the fragments of the results it shows.

- `index.build_index(site_dir)` runs the Pagefind binary (from the `pagefind-bin` wheel, nothing
  downloaded) over the built site and returns what it wrote;
- `generator/assets/search.js` and `search.css` are the reader's side: a dialog opened from the
  header (`generator/theme/partials/header.html`), keyboard first, with status, actor and topic filters.

Which pages are indexed, and with which filters, is said by `data-pagefind-*` attributes in the page
templates: event pages (summary, place, people with their other names as a link title, sources and
quotes; filters status, actor and tag), actor pages (description and aliases) and source pages (the
text without page chrome or repeats). The post-build hook passes how many that is, and a different
count stops the build.
"""
