"""The actors page, grouped by the kinds the site declares, and one page per actor."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from ... import routes
from ...vocab import ROLES, Term
from ..head import feed_meta

if TYPE_CHECKING:
    from .. import Page, Site


def build_index(site: Site) -> list[Page]:
    data = site.data
    kinds = []
    # The site's kinds in its own order; a kind no vocabulary declares (the checker refuses it) is never dropped.
    undeclared = sorted({a.kind for a in data.actors.values()} - set(data.kinds))
    terms = [*data.kinds.values(), *(Term(k, k.replace("-", " ").capitalize(), "") for k in undeclared)]
    for term in terms:
        members = sorted((a for a in data.actors.values() if a.kind == term.id), key=lambda a: a.name.casefold())
        if members:
            kinds.append((term, [(a, sum(len(v) for v in data.by_actor.get(a.id, {}).values())) for a in members]))
    return [site.page(routes.ACTORS, "actors.html", "Actors",
                      "Who the sources name, and what each did, claimed or denied.", kinds=kinds)]


def build(site: Site) -> list[Page]:
    data = site.data
    pages = []
    for actor_id in sorted(data.actors):
        actor = data.actors[actor_id]
        roles = data.by_actor.get(actor_id, {})
        figures = data.actor_figures(actor_id)
        named = list(dict.fromkeys(e for role in ROLES for e in roles.get(role, [])))
        common = dict(actor=actor, kind=data.kinds.get(actor.kind),
                      parent=data.actors.get(actor.parent) if actor.parent else None,
                      children=data.children(actor_id), figures=figures[-site.config.split_at:],
                      figures_total=len(figures), place_map=site.maps.region(named), credits=site.maps.credits())
        pages += site.split(partial(routes.actor, actor_id), "actor.html", actor.name,
                            actor.description, {role: roles.get(role, []) for role in ROLES}, common,
                            feed_meta(routes.actor_feed(actor_id), f"{site.config.title}: {actor.name}"))
    return pages
