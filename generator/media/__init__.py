"""Pictures contributed with events: checked byte by byte, then published only as derivatives.

`check` refuses what could harm a reader or the build (polyglots, bombs,
mislabelled files, animation) and warns of GPS positions; `derive` writes the
resized, metadata-free WebP and JPEG files the pages show. The contributed
file itself is never published.
"""
