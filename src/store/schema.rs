//! The schema, as numbered migrations. `PRAGMA user_version` holds how many
//! have run; `PRAGMA application_id` marks the file as a gavel meeting.

/// "gavl" in ASCII: tells a gavel meeting from any other SQLite file.
pub const APPLICATION_ID: i32 = 0x6761_766C;

/// Each entry upgrades the schema by one version; never edit one that has
/// shipped, add a new one.
pub const MIGRATIONS: &[&str] = &[
    // 1: the journal, the projections of the record, and drafts.
    r#"
    CREATE TABLE journal (
        seq       INTEGER PRIMARY KEY,
        at        TEXT NOT NULL,      -- UTC, RFC 3339 with milliseconds
        actor     TEXT NOT NULL,
        role      TEXT NOT NULL,
        kind      TEXT NOT NULL,
        payload   TEXT NOT NULL,      -- the event, JSON
        before    TEXT NOT NULL,      -- JSON images of what it touched, for undo
        undoes    INTEGER,            -- for an undo: the entry it undoes
        prev_hash TEXT NOT NULL,
        hash      TEXT NOT NULL
    );
    CREATE INDEX journal_by_actor ON journal (actor, seq);
    CREATE INDEX journal_undoes ON journal (undoes) WHERE undoes IS NOT NULL;

    CREATE TABLE meeting (
        id                  INTEGER PRIMARY KEY CHECK (id = 1),
        title               TEXT NOT NULL,
        superior_agency     TEXT NOT NULL,
        agency              TEXT NOT NULL,
        chair               TEXT NOT NULL,
        secretary           TEXT NOT NULL,
        venue               TEXT NOT NULL,
        place               TEXT NOT NULL,
        planned_start       TEXT,
        legal_basis         TEXT NOT NULL,
        doc_number          TEXT NOT NULL,
        utc_offset_minutes  INTEGER NOT NULL,
        speaking_seconds    INTEGER NOT NULL,
        reply_working_days  INTEGER NOT NULL,
        holidays            TEXT NOT NULL,  -- JSON array of dates
        status              TEXT NOT NULL,
        actual_start        TEXT,
        actual_end          TEXT,
        minutes             TEXT NOT NULL,
        approved_at         TEXT,
        approved_by         TEXT,
        approved_seq        INTEGER,
        queue_closed        INTEGER NOT NULL,
        rev                 INTEGER NOT NULL
    );

    CREATE TABLE participants (
        id           INTEGER PRIMARY KEY,
        name         TEXT NOT NULL,
        organization TEXT NOT NULL,
        role         TEXT NOT NULL,
        contact      TEXT NOT NULL,
        attendance   TEXT NOT NULL,
        rev          INTEGER NOT NULL
    );

    CREATE TABLE agenda_items (
        id              INTEGER PRIMARY KEY,
        position        INTEGER NOT NULL,
        title           TEXT NOT NULL,
        planned_minutes INTEGER NOT NULL,
        presenter       TEXT NOT NULL,
        status          TEXT NOT NULL,
        started_at      TEXT,
        ended_at        TEXT,
        queue_closed    INTEGER NOT NULL,
        rev             INTEGER NOT NULL
    );

    CREATE TABLE speaker_requests (
        id             INTEGER PRIMARY KEY,
        participant_id INTEGER NOT NULL,
        agenda_item_id INTEGER,
        requested_at   TEXT NOT NULL,
        kind           TEXT NOT NULL,
        status         TEXT NOT NULL,
        topic          TEXT NOT NULL,
        limit_seconds  INTEGER NOT NULL,
        added_seconds  INTEGER NOT NULL,
        started_at     TEXT,
        ended_at       TEXT,
        pauses         TEXT NOT NULL,  -- JSON array of {from, to}
        rev            INTEGER NOT NULL
    );

    CREATE TABLE issues (
        id             INTEGER PRIMARY KEY,
        number         INTEGER NOT NULL,
        raised_by      INTEGER,
        agenda_item_id INTEGER,
        raised_at      TEXT NOT NULL,
        source         TEXT NOT NULL,
        category       TEXT NOT NULL,
        field          TEXT NOT NULL,
        procedure      TEXT NOT NULL,
        text           TEXT NOT NULL,
        answer         TEXT NOT NULL,
        disposition    TEXT NOT NULL,
        reply_due      TEXT,
        escalated_to   TEXT NOT NULL,
        closing_ref    TEXT NOT NULL,
        closed_on      TEXT,
        rev            INTEGER NOT NULL
    );

    CREATE TABLE actions (
        id             INTEGER PRIMARY KEY,
        title          TEXT NOT NULL,
        owner          TEXT NOT NULL,
        issue_id       INTEGER,
        due            TEXT,
        status         TEXT NOT NULL,
        completion_ref TEXT NOT NULL,
        rev            INTEGER NOT NULL
    );

    -- What a person is typing, saved on every keystroke.
    CREATE TABLE drafts (
        actor      TEXT NOT NULL,
        form       TEXT NOT NULL,
        field      TEXT NOT NULL,
        text       TEXT NOT NULL,
        cursor     INTEGER NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (actor, form, field)
    ) WITHOUT ROWID;
    "#,
    // 2: who has the meeting open (a heartbeat per console).
    r#"
    CREATE TABLE presence (
        session TEXT PRIMARY KEY,
        actor   TEXT NOT NULL,
        role    TEXT NOT NULL,
        pid     INTEGER NOT NULL,
        host    TEXT NOT NULL,
        seen_at TEXT NOT NULL
    ) WITHOUT ROWID;
    "#,
    // 3: drafts and presence per console, so that two consoles under one
    // name never share (and overwrite) an unfinished form. Drafts written
    // before are the first console's.
    r#"
    CREATE TABLE drafts_by_console (
        actor      TEXT NOT NULL,
        console    INTEGER NOT NULL,   -- 1, 2, ...: which of this person's consoles
        form       TEXT NOT NULL,
        field      TEXT NOT NULL,
        text       TEXT NOT NULL,
        cursor     INTEGER NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (actor, console, form, field)
    ) WITHOUT ROWID;
    INSERT INTO drafts_by_console
        SELECT actor, 1, form, field, text, cursor, updated_at FROM drafts;
    DROP TABLE drafts;
    ALTER TABLE drafts_by_console RENAME TO drafts;
    ALTER TABLE presence ADD COLUMN console INTEGER NOT NULL DEFAULT 1;
    "#,
    // 4: what recovery files have put in the file, so that applying one
    // twice changes nothing.
    r#"
    CREATE TABLE recovered (
        digest TEXT PRIMARY KEY,   -- SHA-256 of a change or a draft row of a recovery file
        seq    INTEGER              -- the journal entry a change became (NULL for a draft)
    ) WITHOUT ROWID;
    "#,
    // 5: every column of the journal under the hash chain. `undoes` was an
    // index of what an undo entry's payload says (which the chain covers);
    // an edited one changed what `u` found to undo. What is undone is read
    // from the payloads now, and the column goes.
    r#"
    DROP INDEX journal_undoes;
    ALTER TABLE journal DROP COLUMN undoes;
    "#,
    // 6: the record's missing half (issue 16): participants as people
    // (position, honorific, a group's members and representatives), the
    // chair and secretary chosen from them, the chair's conclusion, notes
    // per agenda item, who answered an issue and a written submission's
    // letter. "chair" stops being a delegate group: it reads as the
    // leadership, in the journal as in the table.
    r#"
    ALTER TABLE meeting ADD COLUMN chair_id INTEGER;
    ALTER TABLE meeting ADD COLUMN secretary_id INTEGER;
    ALTER TABLE meeting ADD COLUMN conclusion TEXT NOT NULL DEFAULT '';
    ALTER TABLE meeting ADD COLUMN conclusion_rev INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE participants ADD COLUMN position TEXT NOT NULL DEFAULT '';
    ALTER TABLE participants ADD COLUMN honorific TEXT;
    ALTER TABLE participants ADD COLUMN members INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE participants ADD COLUMN representatives TEXT NOT NULL DEFAULT '';
    UPDATE participants SET role = 'leadership' WHERE role = 'chair';
    ALTER TABLE agenda_items ADD COLUMN notes TEXT NOT NULL DEFAULT '';
    ALTER TABLE agenda_items ADD COLUMN notes_rev INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE issues ADD COLUMN letter_number TEXT NOT NULL DEFAULT '';
    ALTER TABLE issues ADD COLUMN letter_date TEXT;
    ALTER TABLE issues ADD COLUMN answered_by INTEGER;
    "#,
    // 7: working days as the law counts them (issue 17): a forwarding
    // period beside the reply period, make-up working days beside the days
    // off, and the forwarding deadline of escalated and redirected issues
    // (none for those answered before).
    r#"
    ALTER TABLE meeting ADD COLUMN forward_working_days INTEGER NOT NULL DEFAULT 5;
    ALTER TABLE meeting ADD COLUMN make_up_days TEXT NOT NULL DEFAULT '[]';  -- JSON array of dates
    ALTER TABLE issues ADD COLUMN forward_due TEXT;
    "#,
    // 8: drafts in a table with row ids, their key a unique index. A table
    // WITHOUT ROWID keeps its rows in an index's b-tree, whose rows spill
    // to overflow pages past about 1 KB: a keystroke in a longer draft
    // wrote four pages. In a table's b-tree a row stays in its page up to
    // about 4 KB, and a keystroke writes that page alone (the index holds
    // only the key, which typing does not change).
    r#"
    CREATE TABLE drafts_in_rows (
        actor      TEXT NOT NULL,
        console    INTEGER NOT NULL,
        form       TEXT NOT NULL,
        field      TEXT NOT NULL,
        text       TEXT NOT NULL,
        cursor     INTEGER NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (actor, console, form, field)
    );
    INSERT INTO drafts_in_rows
        SELECT actor, console, form, field, text, cursor, updated_at FROM drafts;
    DROP TABLE drafts;
    ALTER TABLE drafts_in_rows RENAME TO drafts;
    "#,
];

/// The version since which the record's tables are as this gavel reads
/// them: the migrations after it changed only what is not the record (the
/// drafts). A reader, which does not upgrade, reads the tables of a file
/// at this version or later, and replays the journal of an older one.
pub const RECORD_TABLES_SINCE: i64 = 7;

pub fn latest_version() -> i64 {
    MIGRATIONS.len() as i64
}
