-- The store's schema: the contract between the build and the app.
-- Tables and columns may be added; none of these may be renamed or dropped.
-- The version is PRAGMA user_version (see schema.py); raise it with any change here.

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE sources (
    id            TEXT PRIMARY KEY,
    kind          TEXT NOT NULL CHECK (kind IN ('news', 'court_order', 'filing', 'statement', 'other')),
    outlet        TEXT,
    title         TEXT NOT NULL,
    author        TEXT,
    published     TEXT,
    url           TEXT,
    seed_file     TEXT,
    via_source_id TEXT REFERENCES sources (id),
    note          TEXT,
    position      INTEGER NOT NULL
);

CREATE TABLE parties (
    id             TEXT PRIMARY KEY,
    name           TEXT NOT NULL,
    kind           TEXT NOT NULL CHECK (kind IN ('company', 'person', 'court', 'government', 'group', 'outlet')),
    side           TEXT NOT NULL CHECK (side IN ('parler', 'aws', 'court', 'other')),
    description    TEXT NOT NULL,
    affiliation_id TEXT REFERENCES parties (id),
    aliases        TEXT NOT NULL DEFAULT '[]',  -- a JSON array of other spellings
    position       INTEGER NOT NULL
);

CREATE TABLE events (
    id          TEXT PRIMARY KEY,
    occurred_at TEXT NOT NULL,                   -- ISO 8601, no more precise than the source
    precision   TEXT NOT NULL CHECK (precision IN ('year', 'month', 'day', 'time')),
    title       TEXT NOT NULL,
    summary     TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('context', 'platform', 'communication', 'filing', 'hearing',
                                              'ruling', 'statement', 'corporate')),
    sort_key    TEXT NOT NULL UNIQUE              -- true order: home-zone day, UTC instant, dataset order
);

CREATE TABLE event_parties (
    event_id TEXT NOT NULL REFERENCES events (id),
    party_id TEXT NOT NULL REFERENCES parties (id),
    role     TEXT NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (event_id, party_id)
);

CREATE TABLE event_sources (
    event_id  TEXT NOT NULL REFERENCES events (id),
    source_id TEXT NOT NULL REFERENCES sources (id),
    position  INTEGER NOT NULL,
    PRIMARY KEY (event_id, source_id)
);

CREATE TABLE quotes (
    id                TEXT PRIMARY KEY,
    text              TEXT NOT NULL CHECK (trim(text) <> ''),
    speaker_id        TEXT NOT NULL REFERENCES parties (id),
    source_id         TEXT NOT NULL REFERENCES sources (id),
    event_id          TEXT REFERENCES events (id),
    said_on           TEXT,
    said_on_precision TEXT CHECK (said_on_precision IN ('year', 'month', 'day', 'time')),
    context           TEXT,
    sort_key          TEXT NOT NULL UNIQUE        -- when it was said (else its event), then dataset order
);

CREATE TABLE topics (
    id       TEXT PRIMARY KEY,
    title    TEXT NOT NULL,
    question TEXT NOT NULL,
    outcome  TEXT,
    position INTEGER NOT NULL
);

CREATE TABLE arguments (
    id       TEXT PRIMARY KEY,
    topic_id TEXT NOT NULL REFERENCES topics (id),
    party_id TEXT NOT NULL REFERENCES parties (id),
    side     TEXT NOT NULL CHECK (side IN ('parler', 'aws', 'court', 'other')),
    summary  TEXT NOT NULL,
    position INTEGER NOT NULL
);

CREATE TABLE argument_quotes (
    argument_id TEXT NOT NULL REFERENCES arguments (id),
    quote_id    TEXT NOT NULL REFERENCES quotes (id),
    position    INTEGER NOT NULL,
    PRIMARY KEY (argument_id, quote_id)
);

CREATE TABLE argument_links (
    from_id  TEXT NOT NULL REFERENCES arguments (id),
    to_id    TEXT NOT NULL REFERENCES arguments (id),
    relation TEXT NOT NULL CHECK (relation IN ('rebuts', 'supports')),
    PRIMARY KEY (from_id, to_id)
);

-- Derived from the rows above by the build (and by synth): how many events and dated quotes each period holds,
-- by kind of event and set of sides, for the strip over the timeline and the quotes (store/counts.py). A store
-- without it is counted from its rows.
CREATE TABLE period_counts (
    what   TEXT NOT NULL CHECK (what IN ('events', 'quotes')),
    period TEXT NOT NULL,     -- a day, "2021-01-06"; or the month or year of an item dated no closer
    kind   TEXT NOT NULL,     -- the event's kind ('' for quotes)
    sides  INTEGER NOT NULL,  -- bit i: side i of parler, aws, court, other took part (a quote: its speaker's)
    count  INTEGER NOT NULL,
    PRIMARY KEY (what, period, kind, sides)
) WITHOUT ROWID;

-- Every lookup the app makes has an index (primary keys cover lookups by id and by the first key column).
CREATE INDEX events_by_time ON events (sort_key, id);
CREATE INDEX events_by_kind ON events (kind, sort_key);
CREATE INDEX event_parties_by_party ON event_parties (party_id, event_id);
CREATE INDEX event_sources_by_source ON event_sources (source_id, event_id);
CREATE INDEX quotes_by_event ON quotes (event_id, sort_key);
CREATE INDEX quotes_by_speaker ON quotes (speaker_id, sort_key);
CREATE INDEX quotes_by_source ON quotes (source_id, sort_key);
CREATE INDEX quotes_by_time ON quotes (sort_key, id);
CREATE INDEX parties_by_side ON parties (side, position);
CREATE INDEX parties_by_affiliation ON parties (affiliation_id);
CREATE INDEX sources_by_via ON sources (via_source_id);
CREATE INDEX sources_by_position ON sources (position);
CREATE INDEX topics_by_position ON topics (position);
CREATE INDEX arguments_by_topic ON arguments (topic_id, position);
CREATE INDEX arguments_by_party ON arguments (party_id);
CREATE INDEX argument_quotes_by_quote ON argument_quotes (quote_id, argument_id);
CREATE INDEX argument_links_by_target ON argument_links (to_id, relation);
