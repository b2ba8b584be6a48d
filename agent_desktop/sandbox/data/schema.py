"""The SQLite schema of the sandbox database (one file per seed and data version).

Full-text tables use ``unicode61 remove_diacritics 2`` so that «facture» finds «Facturé».
Timestamps are stored as integer seconds relative to the data anchor (see ``generate``),
so the file is identical from one day to the next; the store shifts them when serving.
"""

from __future__ import annotations

FTS_TOKENIZE = "unicode61 remove_diacritics 2"

DDL = f"""
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE customers (
    id TEXT PRIMARY KEY,
    first_name TEXT NOT NULL,
    last_name TEXT NOT NULL,
    segment TEXT NOT NULL,
    language TEXT NOT NULL,
    vip INTEGER NOT NULL,
    email TEXT,
    street TEXT, postcode TEXT, city TEXT, country TEXT,
    customer_since TEXT,
    search TEXT NOT NULL  -- lower-case, accent-free "first last email id phones"
);

CREATE TABLE customer_phones (
    customer_id TEXT NOT NULL REFERENCES customers(id),
    e164 TEXT NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (customer_id, e164)
);
CREATE INDEX customer_phones_e164 ON customer_phones (e164);

CREATE TABLE unknown_numbers (e164 TEXT PRIMARY KEY);

CREATE TABLE products (
    customer_id TEXT NOT NULL REFERENCES customers(id),
    id TEXT NOT NULL,
    name_fr TEXT NOT NULL,
    name_en TEXT NOT NULL,
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    since TEXT
);
CREATE INDEX products_customer ON products (customer_id);

CREATE TABLE history (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    customer_id TEXT NOT NULL,
    channel TEXT NOT NULL,
    direction TEXT NOT NULL,
    at INTEGER NOT NULL,
    queue TEXT, agent TEXT, reason TEXT, outcome TEXT,
    summary TEXT NOT NULL,
    body TEXT
);
CREATE INDEX history_customer_at ON history (customer_id, at DESC, id DESC);
CREATE INDEX history_customer_channel_at ON history (customer_id, channel, at DESC, id DESC);
CREATE VIRTUAL TABLE history_fts USING fts5 (
    summary, body, reason, content='history', content_rowid='rowid',
    tokenize="{FTS_TOKENIZE}"
);

CREATE TABLE articles (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    language TEXT NOT NULL,
    intent TEXT,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    tags TEXT NOT NULL,       -- JSON list
    questions TEXT NOT NULL,  -- JSON list
    updated_at INTEGER NOT NULL
);
CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title, body, tags, questions, content='articles', content_rowid='rowid',
    tokenize="{FTS_TOKENIZE}"
);

CREATE TABLE intents (
    code TEXT PRIMARY KEY, family TEXT NOT NULL, queue_id TEXT NOT NULL,
    label_fr TEXT NOT NULL, label_en TEXT NOT NULL
);

CREATE TABLE experts (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, department TEXT NOT NULL,
    skills TEXT NOT NULL, presence TEXT NOT NULL, phone TEXT
);

CREATE TABLE queues (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, skills TEXT NOT NULL,
    service_level_target_seconds INTEGER NOT NULL, acw_limit_seconds INTEGER NOT NULL
);

CREATE TABLE codes (
    kind TEXT NOT NULL, code TEXT NOT NULL, label_fr TEXT NOT NULL, label_en TEXT NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (kind, code)
);
"""
