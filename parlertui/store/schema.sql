-- The store's schema: the contract between the build and the app.
-- Tables and columns may be added; none of these may be renamed or dropped.
-- The version is PRAGMA user_version (see schema.py); raise it with any change here.
-- The comment block just above each table describes it, then each column (`--   column: what it holds`); it is
-- kept outside the CREATE statement, so stores do not change with it. `parlertui datasette-metadata` reads it.

-- Facts about the dispute itself, one per row: id, title, short_title, court, case_number, related_cases (a JSON
-- array), timezone (its home zone, which dates are read in) and summary.
--   key: the name of the fact
--   value: the fact, as text
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- The sides of the dispute, in the order they are shown: the marks, the filters, the debate's columns. One of them
-- may be the deciding body (a court, an arbiter, a regulator).
--   id: the side's id, a readable slug
--   name: its name, as the marks' legend, the filters and the debate's columns give it
--   mark: the one letter or digit that marks it in the lists
--   heading: the heading of its parties in the Parties view
--   aliases: other names a topic may give it (a JSON array), for the rule that each side named has its say
--   deciding: 1 for the deciding body
--   colour_dark: its colour on a dark theme (#rrggbb), where the dataset gives one
--   colour_light: its colour on a light theme (#rrggbb), where the dataset gives one
--   position: its place in the order sides are shown
CREATE TABLE sides (
    id           TEXT PRIMARY KEY CONSTRAINT side_id_is_a_slug CHECK (id GLOB '[a-z0-9]*' AND id NOT GLOB '*[^a-z0-9-]*' AND id NOT GLOB '*--*' AND id NOT GLOB '*-'),
    name         TEXT NOT NULL,
    mark         TEXT NOT NULL UNIQUE CHECK (length(mark) = 1 AND trim(mark) = mark),
    heading      TEXT NOT NULL,
    aliases      TEXT NOT NULL DEFAULT '[]',
    deciding     INTEGER NOT NULL DEFAULT 0 CHECK (deciding IN (0, 1)),
    colour_dark  TEXT CONSTRAINT colour_dark_is_rrggbb CHECK (colour_dark IS NULL OR colour_dark GLOB '#[0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F]'),
    colour_light TEXT CONSTRAINT colour_light_is_rrggbb CHECK (colour_light IS NULL OR colour_light GLOB '#[0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F]'),
    position     INTEGER NOT NULL UNIQUE
);

-- Every report, court document and statement the record draws on; each event and quote names its sources.
--   id: the source's id, a readable slug
--   kind: news, court_order, filing, statement or other
--   outlet: who published it, where the text names them
--   title: its headline or title (in our words where the text gives none)
--   author: who wrote it, where the text names them
--   published: when it was published, no more precise than the source says (YYYY, YYYY-MM, YYYY-MM-DD or a time
--     with its zone)
--   url: its address, where known
--   seed_file: the file of its text among the team's source texts
--   via_source_id: the source this one is known through (a court order read only as quoted in a report)
--   note: what the source does not say about itself, and where sources disagree
--   position: its place in the dataset's order
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
    position      INTEGER NOT NULL,
    title_ours    INTEGER NOT NULL DEFAULT 0 CHECK (title_ours IN (0, 1))  -- 1: the title is our description
);

-- Everyone who acts or speaks: companies, people, the court, governments, groups and outlets.
--   id: the party's id, a readable slug
--   name: the party's name
--   kind: company, person, court, government, group or outlet
--   side: the party's side (sides)
--   description: who the party is, in our words
--   affiliation_id: the party a person or group belongs to
--   position: its place in the dataset's order
CREATE TABLE parties (
    id             TEXT PRIMARY KEY,
    name           TEXT NOT NULL,
    kind           TEXT NOT NULL CHECK (kind IN ('company', 'person', 'court', 'government', 'group', 'outlet')),
    side           TEXT NOT NULL REFERENCES sides (id),
    description    TEXT NOT NULL,
    affiliation_id TEXT REFERENCES parties (id),
    aliases        TEXT NOT NULL DEFAULT '[]',  -- a JSON array of other spellings
    position       INTEGER NOT NULL
);

-- What happened, when: the timeline.
--   id: the event's id, a readable slug
--   occurred_at: when it happened
--   precision: how precise occurred_at is: year, month, day or time
--   title: what happened, in a line
--   summary: what happened, in our words; where sources disagree, both
--   kind: context, platform, communication, filing, hearing, ruling, statement or corporate
--   sort_key: the event's place in time
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

-- Who took part in each event, and in what role.
--   event_id: the event
--   party_id: the party taking part
--   role: the party's role in the event (plaintiff, sender, subject...)
--   position: its place among the event's parties
CREATE TABLE event_parties (
    event_id TEXT NOT NULL REFERENCES events (id),
    party_id TEXT NOT NULL REFERENCES parties (id),
    role     TEXT NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (event_id, party_id)
);

-- The sources each event is drawn from.
--   event_id: the event
--   source_id: a source it is drawn from
--   position: its place among the event's sources
CREATE TABLE event_sources (
    event_id  TEXT NOT NULL REFERENCES events (id),
    source_id TEXT NOT NULL REFERENCES sources (id),
    position  INTEGER NOT NULL,
    PRIMARY KEY (event_id, source_id)
);

-- Words said or written, verbatim as in the source, with who said them and where we read them.
--   id: the quote's id, a readable slug
--   text: the words, character for character as in the source
--   speaker_id: who said or wrote them (not who reported them)
--   source_id: where we read them
--   event_id: the event they belong to
--   said_on: when they were said, no more precise than the source says
--   said_on_precision: how precise said_on is: year, month, day or time
--   context: who they were said to, in what document, and the words around them a fragment needs
--   sort_key: the quote's place in time
CREATE TABLE quotes (
    id                TEXT PRIMARY KEY,
    text              TEXT NOT NULL CHECK (trim(text) <> ''),
    speaker_id        TEXT NOT NULL REFERENCES parties (id),
    source_id         TEXT NOT NULL REFERENCES sources (id),
    event_id          TEXT REFERENCES events (id),
    said_on           TEXT,
    said_on_precision TEXT CHECK (said_on_precision IN ('year', 'month', 'day', 'time')),
    context           TEXT,
    sort_key          TEXT NOT NULL UNIQUE,       -- when it was said (else its event), then dataset order
    frame             TEXT CHECK (frame IS NULL OR frame LIKE '%{quote}%'),  -- the source's words around it
    pin               TEXT                        -- where in the source: "Dkt. 34 at 2:4–6"
);

-- The points in dispute, each argued by the sides in arguments.
--   id: the topic's id, a readable slug
--   title: the point, in a line
--   question: the question in dispute
--   outcome: what became of the point, in our words
--   position: its place in the dataset's order
CREATE TABLE topics (
    id       TEXT PRIMARY KEY,
    title    TEXT NOT NULL,
    question TEXT NOT NULL,
    outcome  TEXT,
    position INTEGER NOT NULL
);

-- What each side argued on a topic (the court's arguments are its findings).
--   id: the argument's id, a readable slug
--   topic_id: the topic argued
--   party_id: the party that made it
--   side: the party's side (sides)
--   summary: the argument, as its own side would put it, in our words
--   position: its place among the topic's arguments
CREATE TABLE arguments (
    id       TEXT PRIMARY KEY,
    topic_id TEXT NOT NULL REFERENCES topics (id),
    party_id TEXT NOT NULL REFERENCES parties (id),
    side     TEXT NOT NULL REFERENCES sides (id),
    summary  TEXT NOT NULL,
    position INTEGER NOT NULL,
    reported_in TEXT REFERENCES sources (id)     -- the report whose account of the side's case the summary follows
);

-- The quotes each argument rests on.
--   argument_id: the argument
--   quote_id: a quote it rests on
--   position: its place among the argument's quotes
CREATE TABLE argument_quotes (
    argument_id TEXT NOT NULL REFERENCES arguments (id),
    quote_id    TEXT NOT NULL REFERENCES quotes (id),
    position    INTEGER NOT NULL,
    PRIMARY KEY (argument_id, quote_id)
);

-- How arguments answer each other.
--   from_id: the argument that answers
--   to_id: the argument answered
--   relation: rebuts or supports
CREATE TABLE argument_links (
    from_id  TEXT NOT NULL REFERENCES arguments (id),
    to_id    TEXT NOT NULL REFERENCES arguments (id),
    relation TEXT NOT NULL CHECK (relation IN ('rebuts', 'supports')),
    PRIMARY KEY (from_id, to_id)
);

-- Derived from the rows above by the build (and by synth): how many events and dated quotes each period holds,
-- by kind of event and set of sides, for the strip over the timeline and the quotes (store/counts.py). A store
-- without it is counted from its rows.
--   what: what is counted, events or quotes
--   period: a day, "2021-01-06"; or the month or year of an item dated no closer
--   kind: the event's kind ('' for quotes)
--   sides: bit i set where the side at place i of sides (by position) took part (a quote: its speaker's side)
--   count: how many there are
CREATE TABLE period_counts (
    what   TEXT NOT NULL CHECK (what IN ('events', 'quotes')),
    period TEXT NOT NULL,
    kind   TEXT NOT NULL,
    sides  INTEGER NOT NULL,
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
CREATE UNIQUE INDEX sides_one_deciding ON sides (deciding) WHERE deciding = 1;  -- one deciding body at most
CREATE INDEX parties_by_affiliation ON parties (affiliation_id);
CREATE INDEX sources_by_via ON sources (via_source_id);
CREATE INDEX sources_by_position ON sources (position);
CREATE INDEX topics_by_position ON topics (position);
CREATE INDEX arguments_by_topic ON arguments (topic_id, position);
CREATE INDEX arguments_by_party ON arguments (party_id);
CREATE INDEX arguments_by_report ON arguments (reported_in);
CREATE INDEX argument_quotes_by_quote ON argument_quotes (quote_id, argument_id);
CREATE INDEX argument_links_by_target ON argument_links (to_id, relation);
