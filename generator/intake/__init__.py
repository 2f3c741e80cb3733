"""From a saved article to draft events: `generator seeds add` and `generator seeds extract`.

One stage per module, in the order the commands run them:

    source     read a .txt or saved .html page, refusing hostile input; extract an HTML page's main text
    chrome     page furniture and repeated paragraphs, by documented line rules
    sentences  paragraphs to sentences and clauses; tense of a clause
    table      the date phrase table: each rule's words, resolution and meaning, in order
    phrases    date phrases found in a sentence and resolved against a publication date (or interval)
    resolve    the calendar arithmetic the rules use, and the hull over an interval
    evidence   publication-date evidence in a new text, and the suggested `published`
    figures    numbers with their nouns and qualifiers, and the metric they suggest
    attribution  actors named, who a claim is attributed to, status hints
    extract    sentences to candidate events
    drafts     YAML for seed metadata and draft events
    files      all-or-nothing writes inside seeds/ and drafts/
    registry   actors, metrics and seed metadata, read straight from the data files
    checkdrafts  drafts/ files handed to the checker when asked for
    cli        the `seeds` command group

Nothing here imports trafilatura or htmldate until an HTML page is read, so other commands start fast.
"""
