"""How well `generator seeds extract` recovers the curated events from their seeds.

    python bench/extract_bench.py [--root DIR] [--details]

Runs the extraction on every seed of the repository, with each seed's own `published` date and
`chrome` list, and scores the candidates against the curated events in events/<year>/ as the
answer key. The curated data is not exhaustive (editors leave sentences out), so a candidate is
judged only where the answer key says something about it. Matching rules:

Alignment. A candidate and a curated event align when the event cites the candidate's seed with
  a quote whose place in the seed text (found with the checker's quote normalisation, every
  occurrence) overlaps the candidate's quote.

Date phrases (the phrase table). The key is every (event, seed) pair where the event cites the
  seed and its `date_text` occurs in that seed's text. The pair is answered by the candidate
  date phrase whose words overlap that occurrence (when several do, the one sharing most words
  with date_text, then the one with fewest other words). Precision = agreeing answers /
  answered pairs; recall = agreeing answers / all pairs. Pairs no phrase answers are the ones
  the table leaves unresolved.

Candidate dates. Precision = aligned candidates whose `date` agrees with the date of an event
  it aligns with / aligned candidates; recall = curated (event, quote) seed sources with an
  aligned candidate whose date agrees / all seed sources.

  Agreement is shown at three strengths: exact (the same EDTF), covers (the candidate's span
  contains the curated span: never narrower) and overlaps (the two can mean the same time).

Figures. Key: every curated figure, with the seeds its event cites. A curated figure is found
  when a candidate from one of those seeds has the same value (or the same range). A candidate
  figure is right when an event citing its seed has a figure with that value or range.
  Precision is given for all numbers found and for those given a suggested metric (the ones a
  draft proposes as figures of the dataset); metric and qualifier agreement on found figures
  are shown too.

Claimants. Key: every (event, actor) in an event's actors.claimant. A suggested claimant of a
  candidate is right when the actor is a claimant of an event the candidate aligns with;
  suggestions on candidates aligned with no event are not judged (their number is shown).
  Recall = key pairs suggested by a candidate aligned with that event / all key pairs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import unicodedata
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from generator import dates, quotes  # noqa: E402
from generator.intake.extract import extract  # noqa: E402
from generator.intake.registry import load_registry  # noqa: E402
from generator.load import load  # noqa: E402

LEVELS = ("exact", "covers", "overlaps")


def span(text: str) -> tuple[dt.date, dt.date]:
    value = dates.parse(text)
    return (value.start.lower() if value.start else dt.date.min, value.end.upper() if value.end else dt.date.max)


def agreement(mine: str, theirs: str) -> set[str]:
    (a, b), (c, d) = span(mine), span(theirs)
    found = set()
    if mine == theirs:
        found.add("exact")
    if a <= c and d <= b:
        found.add("covers")
    if a <= d and c <= b:
        found.add("overlaps")
    return found


def closeness(phrase: str, date_text: str) -> tuple[int, int]:
    """Words shared with the curated date_text, then fewest words it does not have."""
    mine, theirs = set(phrase.lower().split()), set(date_text.lower().split())
    return len(mine & theirs), -len(mine - theirs)


def ratio(hits: int, total: int) -> str:
    return f"{hits / total:6.1%} ({hits}/{total})" if total else "     - (0/0)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--root", type=Path, default=REPO)
    parser.add_argument("--details", action="store_true", help="List every disagreement.")
    args = parser.parse_args()
    root = args.root
    registry = load_registry(root)
    texts = {p.stem: p.read_text(encoding="utf-8") for p in sorted((root / "seeds").glob("*.txt"))}
    found = {}
    for seed, text in texts.items():
        info = registry.seeds.get(seed)
        found[seed], _ = extract(seed, text, info.published if info else None, info.chrome if info else None, registry)
    events = [load(p, p.relative_to(root).as_posix()).data for p in sorted((root / "events").glob("20*/*.yaml"))]
    events = [e for e in events if isinstance(e, dict)]
    notes: list[str] = []

    # -- alignment ---------------------------------------------------------------------------
    aligned: dict[tuple[str, int], list[dict]] = {}   # (seed, candidate index) -> events
    source_hits: list[tuple[dict, dict, list[tuple[str, int]]]] = []  # (event, source, aligned candidates)
    for event in events:
        for source in event.get("sources", []):
            seed = source.get("seed")
            if seed not in texts or not isinstance(source.get("quote"), str):
                continue
            places = quotes.find_spans(source["quote"], unicodedata.normalize("NFC", texts[seed]))
            hits = [(seed, i) for i, c in enumerate(found[seed])
                    if any(s < c["end"] and c["start"] < e for s, e in places)]
            for hit in hits:
                aligned.setdefault(hit, [])
                if event not in aligned[hit]:
                    aligned[hit].append(event)
            source_hits.append((event, source, hits))

    # -- date phrases --------------------------------------------------------------------------
    pairs, answered, agree_phrase = 0, 0, dict.fromkeys(LEVELS, 0)
    for event in events:
        words = event.get("date_text")
        for seed in dict.fromkeys(s.get("seed") for s in event.get("sources", []) if s.get("seed") in texts):
            if not words or words not in texts[seed]:
                continue
            pairs += 1
            at = texts[seed].index(words)
            options = []
            for c in found[seed]:
                for d in c["dates"]:
                    where = c["quote"].find(d["text"])
                    if where >= 0 and c["start"] + where < at + len(words) and at < c["start"] + where + len(d["text"]):
                        options.append(d)
            if not options:
                notes.append(f"date phrase unanswered: {seed[:3]} '{words}' (curated {event['date']})")
                continue
            answered += 1
            best = max(options, key=lambda d: closeness(d["text"], words))
            levels = agreement(best["resolves_to"], event["date"])
            for level in levels:
                agree_phrase[level] += 1
            if "exact" not in levels:
                notes.append(f"date phrase: {seed[:3]} '{words}' -> {best['resolves_to']} (curated {event['date']}; "
                             f"{', '.join(sorted(levels)) or 'disjoint'})")

    # -- candidate dates -----------------------------------------------------------------------
    cand_agree = dict.fromkeys(LEVELS, 0)
    for (seed, index), evs in aligned.items():
        date = found[seed][index]["date"]
        levels = set().union(*(agreement(date, e["date"]) for e in evs)) if date else set()
        for level in levels:
            cand_agree[level] += 1
    source_agree = dict.fromkeys(LEVELS, 0)
    for event, _, hits in source_hits:
        levels = set()
        for seed, index in hits:
            if found[seed][index]["date"]:
                levels |= agreement(found[seed][index]["date"], event["date"])
        for level in levels:
            source_agree[level] += 1

    # -- figures -------------------------------------------------------------------------------
    def number(f: dict):
        rng = f.get("range")
        return tuple(int(v) for v in rng) if rng else int(f["value"])

    curated_figs = [(e, f) for e in events for f in e.get("figures", []) or []]
    cited = {id(e): {s.get("seed") for s in e.get("sources", []) if s.get("seed")} for e in events}
    mine_figs = [(seed, f) for seed in found for c in found[seed] for f in c["figures"]]

    def mine_number(f: dict):
        return tuple(f["range"]) if f["range"] else f["value"]

    fig_found, metric_right, qualifier_right = 0, 0, 0
    for event, figure in curated_figs:
        matches = [f for seed, f in mine_figs if seed in cited[id(event)] and mine_number(f) == number(figure)]
        if matches:
            fig_found += 1
            metric_right += any(f["metric"] == figure["metric"] for f in matches)
            qualifier_right += any(f["qualifier"] == figure["qualifier"] for f in matches)
        else:
            notes.append(f"figure not found: {figure['metric']} {number(figure)} ({event['id']})")
    numbers_by_seed = {}
    for event, figure in curated_figs:
        for seed in cited[id(event)]:
            numbers_by_seed.setdefault(seed, set()).add(number(figure))
    right_all = sum(mine_number(f) in numbers_by_seed.get(seed, set()) for seed, f in mine_figs)
    with_metric = [(seed, f) for seed, f in mine_figs if f["metric"]]
    right_metric = sum(mine_number(f) in numbers_by_seed.get(seed, set()) for seed, f in with_metric)

    # -- claimants -----------------------------------------------------------------------------
    suggested, right, unjudged = 0, 0, 0
    found_keys = set()
    for seed in found:
        for index, c in enumerate(found[seed]):
            evs = aligned.get((seed, index))
            for actor in c["actors"]["claimant"]:
                if not evs:
                    unjudged += 1
                    continue
                suggested += 1
                owners = [e for e in evs if actor in (e.get("actors", {}).get("claimant") or [])]
                right += bool(owners)
                found_keys |= {(e["id"], actor) for e in owners}
                if not owners:
                    notes.append(f"claimant not curated: {seed[:3]} line {c['line']} {actor}")
    keys = {(e["id"], a) for e in events for a in (e.get("actors", {}).get("claimant") or [])
            if any(s.get("seed") in texts for s in e.get("sources", []))}

    print(f"seeds: {len(texts)}, candidates: {sum(len(v) for v in found.values())}, "
          f"curated events: {len(events)}, aligned candidates: {len(aligned)}")
    print()
    print(f"{'':34} {'precision':>18} {'recall':>18}")
    for level in LEVELS:
        print(f"{'date phrases, ' + level:34} {ratio(agree_phrase[level], answered):>18} "
              f"{ratio(agree_phrase[level], pairs):>18}")
    for level in LEVELS:
        print(f"{'candidate dates, ' + level:34} {ratio(cand_agree[level], len(aligned)):>18} "
              f"{ratio(source_agree[level], len(source_hits)):>18}")
    print(f"{'figures, all numbers':34} {ratio(right_all, len(mine_figs)):>18} "
          f"{ratio(fig_found, len(curated_figs)):>18}")
    print(f"{'figures with a metric suggested':34} {ratio(right_metric, len(with_metric)):>18} {'':>18}")
    print(f"{'claimants':34} {ratio(right, suggested):>18} {ratio(len(found_keys & keys), len(keys)):>18}")
    print()
    print(f"date phrase pairs unanswered (left unresolved by the table): {pairs - answered} of {pairs}")
    print(f"found figures with the curated metric suggested: {metric_right} of {fig_found}; "
          f"with the curated qualifier: {qualifier_right} of {fig_found}")
    print(f"claimant suggestions on candidates no curated event covers (not judged): {unjudged}")
    if args.details:
        print()
        print("\n".join(notes))


if __name__ == "__main__":
    main()
