"""Social cards: the picture a link preview shows, one per event and one for the site, drawn at build time.

An event's card says what its page says first: the title, the date as the site shows it and
the status as a word in the status's colour, under the site's name. It is drawn with Pillow in
a font shipped in the package (DejaVu Sans Bold, `generator/assets/fonts/`), with Pillow's
basic text layout whatever else is installed, and saved without a timestamp: the same input
gives the same bytes on any machine with the pinned Pillow, and nothing is ever fetched.

Drawing is cheap; compressing a full-colour 1200x630 PNG is not (about 20 ms, so 20 s for a
thousand events). A card only ever holds two inks on white, a neutral one and the status
colour, so it is drawn straight into a 256-colour palette image, one ramp of 128 shades per ink: it
looks the same, is a third of the size and takes a few milliseconds.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from functools import lru_cache
from importlib import resources

from PIL import Image, ImageDraw, ImageFont

from .. import routes
from ..config import SiteConfig
from ..model import Dataset, Event

WIDTH, HEIGHT = 1200, 630      # the size Open Graph and Twitter's large-image card expect
MARGIN = 72
WHITE = (255, 255, 255)
INK = (17, 17, 17)
SITE_COLOUR = (26, 79, 160)    # the site's link colour, timeline.css
# The light scheme's status colours, timeline.css: the card repeats the page's code and its word.
STATUS_COLOURS = {"confirmed": (27, 94, 32), "reported": (13, 71, 161), "alleged": (138, 75, 0),
                  "disputed": (183, 28, 28), "expected": (74, 20, 140)}
FULL = 127                     # the neutral ink at full strength, as a palette index
MUTED = 95                     # three quarters of it, for the site's name and description: a dark grey
TITLE_SIZES = ((60, 4), (52, 5), (44, 6))  # (font size, lines): the largest that holds the whole title


@lru_cache(maxsize=16)
def _font(size: int) -> ImageFont.FreeTypeFont:
    path = resources.files("generator") / "assets" / "fonts" / "DejaVuSans-Bold.ttf"
    return ImageFont.truetype(io.BytesIO(path.read_bytes()), size, layout_engine=ImageFont.Layout.BASIC)


def wrap(text: str, font: ImageFont.FreeTypeFont, width: int, lines: int) -> list[str] | None:
    """`text` in at most `lines` lines no wider than `width`, breaking between words; None when it does not fit."""
    out: list[str] = []
    for word in text.split():
        while font.getlength(word) > width:  # a word wider than a line is broken where it must be
            cut = max(1, next(i for i in range(len(word), 0, -1) if font.getlength(word[:i]) <= width))
            out.append(word[:cut])
            word = word[cut:]
        if out and font.getlength(f"{out[-1]} {word}") <= width:
            out[-1] = f"{out[-1]} {word}"
        else:
            out.append(word)
    return out if len(out) <= lines else None


def fit(text: str, width: int, sizes=TITLE_SIZES) -> tuple[ImageFont.FreeTypeFont, list[str]]:
    """The largest font size at which `text` fits; at the smallest, the last line ends with an ellipsis."""
    for size, lines in sizes:
        wrapped = wrap(text, _font(size), width, lines)
        if wrapped is not None:
            return _font(size), wrapped
    size, lines = sizes[-1]
    font = _font(size)
    wrapped = wrap(text, font, width, 10_000) or [""]
    kept, rest = wrapped[:lines], wrapped[lines:]
    last = kept[-1] + " " + " ".join(rest)
    while last and font.getlength(last + "…") > width:
        last = last[:-1]
    return font, kept[:-1] + [last.rstrip() + "…"]


@lru_cache(maxsize=8)
def _palette(colour: tuple[int, int, int]) -> tuple[int, ...]:
    """Indexes 0-127 run from white to the neutral ink, 128-255 from white to `colour`."""
    ramp: list[int] = []
    for ink in (INK, colour):
        for step in range(128):
            ramp += [round(w + (c - w) * step / 127) for w, c in zip(WHITE, ink, strict=True)]
    return tuple(ramp)


@lru_cache(maxsize=16)
def _base(label: str | None, above: str) -> Image.Image:
    """What cards with the same status and site share, as palette indexes: the coloured bar down the left
    edge, the status word in its frame, and the muted line above the heading.

    Neutral text drawn later with fill 127 over index 0 blends to 127 x its coverage, which is exactly
    its shade on the neutral ramp; the layout keeps it off the coloured parts.
    """
    mask = Image.new("L", (WIDTH, HEIGHT), 0)
    draw = ImageDraw.Draw(mask)
    draw.rectangle((0, 0, 23, HEIGHT), fill=255)
    if label:
        font = _font(34)
        width = font.getlength(label)
        draw.rounded_rectangle((MARGIN, 520, MARGIN + width + 32, 578), radius=29, outline=255, width=4)
        draw.text((MARGIN + 16, 530), label, font=font, fill=255)
    base = mask.point(lambda v: 128 + (v >> 1) if v else 0)
    if above:
        font, lines = fit(above, WIDTH - 2 * MARGIN, ((30, 1),))
        ImageDraw.Draw(base).text((MARGIN, 60), lines[0], font=font, fill=MUTED)
    return base


def _draw(colour: tuple[int, int, int], label: str | None, *, above: str, heading: str, below: str = "",
          footer: str = "", footer_x: int = MARGIN) -> bytes:
    """A card: a muted line `above` the `heading`, muted text `below` it, a `footer` line beside the `label`."""
    card = _base(label, above).copy()
    draw = ImageDraw.Draw(card)
    width = WIDTH - 2 * MARGIN
    font, lines = fit(heading, width)
    step = round(font.size * 1.27)
    for n, line in enumerate(lines):
        draw.text((MARGIN, 150 + n * step), line, font=font, fill=FULL)
    if below:
        top = 150 + len(lines) * step + 24
        small, body = fit(below, width, ((30, max(1, (HEIGHT - 40 - top) // 40)),))
        for n, line in enumerate(body):
            draw.text((MARGIN, top + n * 40), line, font=small, fill=MUTED)
    if footer:
        font, lines = fit(footer, WIDTH - MARGIN - footer_x, ((34, 1), (28, 1)))
        draw.text((footer_x, 530), lines[0], font=font, fill=FULL)
    card.putpalette(_palette(colour))
    out = io.BytesIO()
    card.save(out, "PNG", compress_level=6, compress_type=3)  # 3: zlib's Z_RLE, fast on runs of one shade
    return out.getvalue()


def event_card(event: Event, config: SiteConfig) -> bytes:
    """An event's card: its title, date and status word, under the site's name."""
    label = event.status.upper()
    after_label = MARGIN + round(_font(34).getlength(label)) + 32 + 28
    return _draw(STATUS_COLOURS[event.status], label, above=config.title, heading=event.title,
                 footer=event.date.display(), footer_x=after_label)


def site_card(config: SiteConfig) -> bytes:
    """The card of every page but an event's: the site's title and description."""
    return _draw(SITE_COLOUR, None, above="", heading=config.title, below=config.description)


def cards(data: Dataset, config: SiteConfig, only: frozenset[str] | None = None) -> Iterator[tuple[str, bytes]]:
    """Every card at its site path; with `only`, the cards of just those events (the site's card is drawn always)."""
    yield routes.SITE_CARD, site_card(config)
    for event in data.events:
        if only is None or event.id in only:
            yield routes.card(event.id), event_card(event, config)
