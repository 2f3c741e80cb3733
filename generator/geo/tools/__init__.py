"""Maintainer tools that rebuild the package data; the build never runs them."""
