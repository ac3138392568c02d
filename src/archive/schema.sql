-- The province's archive of dialogue meetings (docs/archive.md), version 1.
-- Created by `gavel archive push` on first use; every table is in the
-- schema `gavel`. A meeting is known by its identity: the hash of its first
-- journal entry, the same in every copy of its file.

CREATE SCHEMA IF NOT EXISTS gavel;

CREATE TABLE IF NOT EXISTS gavel.schema_version (
    version integer NOT NULL
);

CREATE TABLE IF NOT EXISTS gavel.meetings (
    meeting_id      text PRIMARY KEY,
    title           text NOT NULL,
    agency          text NOT NULL,
    superior_agency text NOT NULL,
    venue           text NOT NULL,
    -- The day the meeting was held (its planned start, else its first entry),
    -- in the meeting's own time zone.
    meeting_date    date NOT NULL,
    status          text NOT NULL,
    minutes         text NOT NULL,
    approved_at     timestamptz,
    conclusion      text NOT NULL,
    -- The journal as pushed: its length and its last entry's hash.
    entries         bigint NOT NULL,
    last_hash       text NOT NULL,
    -- The whole record as gavel's JSON export writes it (docs/json-format.md).
    record          jsonb NOT NULL,
    source_file     text NOT NULL,
    pushed_at       timestamptz NOT NULL,
    pushed_by       text NOT NULL
);

-- Every journal entry, column for column as in the meeting file: `at`,
-- `payload` and `before` are the exact texts the hashes are computed over.
CREATE TABLE IF NOT EXISTS gavel.journal (
    meeting_id text NOT NULL REFERENCES gavel.meetings ON DELETE CASCADE,
    seq        bigint NOT NULL,
    at         text NOT NULL,
    actor      text NOT NULL,
    role       text NOT NULL,
    kind       text NOT NULL,
    payload    text NOT NULL,
    before     text NOT NULL,
    prev_hash  text NOT NULL,
    hash       text NOT NULL,
    PRIMARY KEY (meeting_id, seq)
);

CREATE TABLE IF NOT EXISTS gavel.participants (
    meeting_id   text NOT NULL REFERENCES gavel.meetings ON DELETE CASCADE,
    id           bigint NOT NULL,
    name         text NOT NULL,
    organization text NOT NULL,
    position     text NOT NULL,
    role         text NOT NULL,
    attendance   text NOT NULL,
    PRIMARY KEY (meeting_id, id)
);

CREATE TABLE IF NOT EXISTS gavel.agenda_items (
    meeting_id      text NOT NULL REFERENCES gavel.meetings ON DELETE CASCADE,
    id              bigint NOT NULL,
    position        integer NOT NULL,
    title           text NOT NULL,
    presenter       text NOT NULL,
    planned_minutes integer NOT NULL,
    status          text NOT NULL,
    started_at      timestamptz,
    ended_at        timestamptz,
    PRIMARY KEY (meeting_id, id)
);

-- The petitions (phản ánh, kiến nghị): one row per issue raised.
CREATE TABLE IF NOT EXISTS gavel.issues (
    meeting_id    text NOT NULL REFERENCES gavel.meetings ON DELETE CASCADE,
    id            bigint NOT NULL,
    number        integer NOT NULL,
    raised_by     bigint,
    raised_by_name text NOT NULL,
    organization  text NOT NULL,
    agenda_item   bigint,
    raised_at     timestamptz NOT NULL,
    source        text NOT NULL,
    category      text NOT NULL,
    field         text NOT NULL,
    procedure     text NOT NULL,
    text          text NOT NULL,
    letter_number text NOT NULL,
    letter_date   date,
    answer        text NOT NULL,
    disposition   text NOT NULL,
    reply_due     date,
    forward_due   date,
    escalated_to  text NOT NULL,
    closing_ref   text NOT NULL,
    closed_on     date,
    PRIMARY KEY (meeting_id, id)
);

CREATE TABLE IF NOT EXISTS gavel.actions (
    meeting_id     text NOT NULL REFERENCES gavel.meetings ON DELETE CASCADE,
    id             bigint NOT NULL,
    title          text NOT NULL,
    owner          text NOT NULL,
    issue          bigint,
    due            date,
    status         text NOT NULL,
    completion_ref text NOT NULL,
    -- The day it was marked done (from the journal), if it is done.
    done_on        date,
    PRIMARY KEY (meeting_id, id)
);
