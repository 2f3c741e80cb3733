"""Static timeline microsite generator: checked YAML events in, MkDocs pages and open data out."""

__version__ = "0.2.0"
