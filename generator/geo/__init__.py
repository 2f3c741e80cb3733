"""Places and maps drawn at build time: a gazetteer of the site's places, Natural Earth boundaries
shipped with the package, projections fitted to the data, and plain data for SVG templates.

Nothing here reaches the network: the boundaries are package data and the gazetteer is an
offline data package used only by the `gazetteer` command.
"""
