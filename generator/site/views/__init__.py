"""One module per kind of page; each `build(site)` returns its pages."""
