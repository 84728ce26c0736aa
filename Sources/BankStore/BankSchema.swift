import Foundation
import GRDB

/// The bank's schema and its named migrations.
///
/// Conventions: times are unix seconds as REAL (exact for imported Python timestamps); JSON columns
/// hold minimal JSON; nothing that records memory is ever deleted (triggers refuse it).
enum BankSchema {
    /// `meta.application`, the row that identifies an rbank bank.
    static let applicationName = "rbank"
    /// `PRAGMA application_id` of a bank: the ASCII bytes "RBNK".
    static let applicationID: Int32 = 0x5242_4E4B
    /// The migrations this build knows, oldest first.
    static let migrationIdentifiers = ["v1", "v2", "v3", "v4", "v5", "v6", "v7"]

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in try createVersion1(db) }
        migrator.registerMigration("v2") { db in try createVersion2(db) }
        migrator.registerMigration("v3") { db in try createVersion3(db) }
        migrator.registerMigration("v4") { db in try createVersion4(db) }
        migrator.registerMigration("v5") { db in try createVersion5(db) }
        migrator.registerMigration("v6") { db in try createVersion6(db) }
        migrator.registerMigration("v7") { db in try createVersion7(db) }
        return migrator
    }

    /// v7: each live query embedding's 8-bit form (`query_code`: scale, L1 norm, one code per number; see
    /// `QueryCode`), so opening a bank reads a quarter of the bytes and codes nothing; the exact vectors
    /// stay in `query_vector` for re-ranking the few rows the codes shortlist. Triggers keep one row per
    /// `query_vector` row, with the code NULL whenever the vector is new or changed; rbank codes those
    /// before each write transaction commits (`Bank.codeUncodedQueryVectors`), here all existing ones.
    /// Derived data only: dropping the table loses nothing.
    private static func createVersion7(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE query_code (
                    experience_pk INTEGER PRIMARY KEY,
                    model TEXT,
                    code BLOB                          -- NULL until coded; empty when the vector is unusable
                );
                INSERT INTO query_code (experience_pk, model) SELECT experience_pk, model FROM query_vector ORDER BY experience_pk;
                CREATE INDEX query_code_uncoded ON query_code(experience_pk) WHERE code IS NULL;
                CREATE TRIGGER query_code_on_insert AFTER INSERT ON query_vector
                BEGIN
                    INSERT OR REPLACE INTO query_code (experience_pk, model) VALUES (NEW.experience_pk, NEW.model);
                END;
                CREATE TRIGGER query_code_on_update AFTER UPDATE OF experience_pk, model, vector ON query_vector
                BEGIN
                    DELETE FROM query_code WHERE experience_pk = OLD.experience_pk;
                    INSERT OR REPLACE INTO query_code (experience_pk, model) VALUES (NEW.experience_pk, NEW.model);
                END;
                CREATE TRIGGER query_code_on_delete AFTER DELETE ON query_vector
                BEGIN
                    DELETE FROM query_code WHERE experience_pk = OLD.experience_pk;
                END;
                """)
        try Bank.codeUncodedQueryVectors(db)
    }

    /// v6: retrieval reads a narrow copy of each live experience's query embedding (`query_vector`, kept
    /// by triggers, filled from the experiences already there) instead of whole experience rows, and a
    /// counter in `meta` (`retrieval_generation`) that every change to it moves on, so a cached index knows
    /// when it is out of date. Queries get an index, for the leakage guard's same-query lookup. Nothing is
    /// removed: `query_vector` is derived data, and `experience.query_embedding` stays the record.
    private static func createVersion6(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE query_vector (
                    experience_pk INTEGER PRIMARY KEY REFERENCES experience(pk),
                    model TEXT,
                    vector BLOB                        -- Float32 little-endian, as experience.query_embedding
                );
                INSERT INTO query_vector (experience_pk, model, vector)
                    SELECT pk, embedding_model, query_embedding FROM experience WHERE retracted_at IS NULL ORDER BY pk;
                INSERT INTO meta (key, value) VALUES ('retrieval_generation', '0');
                CREATE INDEX experience_query ON experience(query);
                CREATE TRIGGER query_vector_on_insert AFTER INSERT ON experience WHEN NEW.retracted_at IS NULL
                BEGIN
                    INSERT INTO query_vector (experience_pk, model, vector)
                        VALUES (NEW.pk, NEW.embedding_model, NEW.query_embedding);
                    UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'retrieval_generation';
                END;
                CREATE TRIGGER query_vector_on_update
                AFTER UPDATE OF query_embedding, embedding_model, retracted_at ON experience
                BEGIN
                    DELETE FROM query_vector WHERE experience_pk = NEW.pk;
                    INSERT INTO query_vector (experience_pk, model, vector)
                        SELECT NEW.pk, NEW.embedding_model, NEW.query_embedding WHERE NEW.retracted_at IS NULL;
                    UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'retrieval_generation';
                END;
                """)
    }

    /// v5: MaTTS runs are labelled in the run history (`matts-parallel k=5`; NULL for plain runs), filled
    /// in for runs already recorded from their records.
    private static func createVersion5(_ db: Database) throws {
        try db.execute(
            sql: """
                ALTER TABLE run ADD COLUMN scaling TEXT;
                UPDATE run SET scaling = 'matts-' || json_extract(record, '$.scaling.mode') || ' k='
                    || json_extract(record, '$.scaling.k')
                    WHERE json_valid(record) AND json_extract(record, '$.scaling.mode') IS NOT NULL;
                """)
    }

    /// v4: the change log also records merges. SQLite cannot alter a CHECK constraint, so the table is
    /// rebuilt with every row kept (same `seq`s, so the autoincrement continues) and its guard trigger restored.
    private static func createVersion4(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE change_log_v4 (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT,
                    operation TEXT NOT NULL
                        CHECK (operation IN ('add', 'edit', 'archive', 'restore', 'pin', 'unpin', 'import', 'merge')),
                    item_id TEXT REFERENCES memory_item(id),
                    import_id INTEGER REFERENCES import_batch(id),
                    at REAL NOT NULL,
                    payload TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(payload)),
                    summary TEXT NOT NULL,
                    undone_at REAL
                );
                INSERT INTO change_log_v4 (seq, operation, item_id, import_id, at, payload, summary, undone_at)
                    SELECT seq, operation, item_id, import_id, at, payload, summary, undone_at FROM change_log;
                DROP TRIGGER change_log_never_deleted;
                DROP TABLE change_log;
                ALTER TABLE change_log_v4 RENAME TO change_log;
                CREATE TRIGGER change_log_never_deleted BEFORE DELETE ON change_log
                BEGIN SELECT RAISE(ABORT, 'the change log is never deleted'); END;
                """)
    }

    /// v3: the cost of each run, priced from the price table when it ran, and how many of its calls
    /// had no price. Runs recorded before v3 read as $0 with no unpriced calls (their records carry no cost).
    private static func createVersion3(_ db: Database) throws {
        try db.execute(
            sql: """
                ALTER TABLE run ADD COLUMN cost_usd REAL NOT NULL DEFAULT 0;
                ALTER TABLE run ADD COLUMN unpriced_calls INTEGER NOT NULL DEFAULT 0;
                """)
    }

    /// v2: bench results, so a bench can be reopened from the run history.
    private static func createVersion2(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE bench (
                    id TEXT PRIMARY KEY NOT NULL,
                    environment TEXT NOT NULL,
                    modes TEXT NOT NULL,               -- comma-separated memory modes
                    task_count INTEGER NOT NULL,
                    started_at REAL NOT NULL,
                    finished_at REAL,
                    result TEXT NOT NULL               -- the whole BenchResult as JSON
                );
                CREATE INDEX bench_started ON bench(started_at);
                CREATE TRIGGER bench_no_delete BEFORE DELETE ON bench
                BEGIN SELECT RAISE(ABORT, 'bench results are never deleted'); END;
                """)
    }

    private static func createVersion1(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE meta (
                    key TEXT PRIMARY KEY NOT NULL,
                    value TEXT NOT NULL
                );
                INSERT INTO meta (key, value) VALUES
                    ('application', '\(applicationName)'),
                    ('format', 'reasoningbank-sqlite'),
                    ('created_by_schema', 'v1');

                -- One row per import; undoing the import retracts its experiences.
                CREATE TABLE import_batch (
                    id INTEGER PRIMARY KEY,
                    format TEXT NOT NULL CHECK (format IN ('seed', 'official')),
                    file TEXT NOT NULL,
                    embeddings_file TEXT,
                    imported_at REAL NOT NULL,
                    experiences INTEGER NOT NULL,
                    items INTEGER NOT NULL,
                    embeddings INTEGER NOT NULL,
                    undone_at REAL
                );

                -- A past task: its query (and embedding), outcome and trajectory. `pk` is insertion order.
                CREATE TABLE experience (
                    pk INTEGER PRIMARY KEY,
                    id TEXT NOT NULL,
                    task_id TEXT,
                    query TEXT NOT NULL,
                    query_embedding BLOB,              -- Float32 little-endian
                    embedding_model TEXT,
                    outcome TEXT CHECK (outcome IN ('success', 'failure')),
                    run_id TEXT,
                    memory_mode TEXT NOT NULL,
                    trajectory_text TEXT,
                    created_at REAL NOT NULL,
                    source TEXT NOT NULL,              -- ItemSource raw value of how it entered the bank
                    import_id INTEGER REFERENCES import_batch(id),
                    retracted_at REAL,                 -- set when its import or manual add was undone
                    extra TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(extra))
                );
                CREATE UNIQUE INDEX experience_live_id ON experience(id) WHERE retracted_at IS NULL;
                CREATE INDEX experience_id ON experience(id);
                CREATE INDEX experience_task ON experience(task_id);
                CREATE INDEX experience_import ON experience(import_id);

                -- A memory item; its text lives in item_revision at current_revision.
                CREATE TABLE memory_item (
                    pk INTEGER PRIMARY KEY,
                    id TEXT NOT NULL UNIQUE,
                    experience_pk INTEGER NOT NULL REFERENCES experience(pk),
                    position INTEGER NOT NULL,
                    current_revision INTEGER NOT NULL,
                    archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
                    pinned INTEGER NOT NULL DEFAULT 0 CHECK (pinned IN (0, 1)),
                    source TEXT NOT NULL,
                    run_id TEXT,
                    task_id TEXT,
                    query TEXT,
                    verdict TEXT CHECK (verdict IN ('success', 'failure')),
                    created_at REAL NOT NULL,
                    extra TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(extra))
                );
                CREATE INDEX memory_item_experience ON memory_item(experience_pk, position);

                CREATE TABLE item_revision (
                    item_id TEXT NOT NULL REFERENCES memory_item(id),
                    revision INTEGER NOT NULL,
                    title TEXT NOT NULL,
                    description TEXT NOT NULL,
                    content TEXT NOT NULL,
                    raw_text TEXT,                     -- the official JSONL string this revision came from
                    edited_at REAL NOT NULL,
                    note TEXT,
                    PRIMARY KEY (item_id, revision)
                );

                -- Every curation change, newest last; undo reverses the newest one not yet undone.
                CREATE TABLE change_log (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT,
                    operation TEXT NOT NULL
                        CHECK (operation IN ('add', 'edit', 'archive', 'restore', 'pin', 'unpin', 'import')),
                    item_id TEXT REFERENCES memory_item(id),
                    import_id INTEGER REFERENCES import_batch(id),
                    at REAL NOT NULL,
                    payload TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(payload)),
                    summary TEXT NOT NULL,
                    undone_at REAL
                );

                CREATE TABLE run (
                    id TEXT PRIMARY KEY NOT NULL,
                    task_id TEXT NOT NULL,
                    query TEXT NOT NULL,
                    environment TEXT NOT NULL,
                    status TEXT NOT NULL,
                    started_at REAL NOT NULL,
                    finished_at REAL,
                    model TEXT NOT NULL,
                    embedder TEXT NOT NULL,
                    memory_mode TEXT NOT NULL,
                    step_count INTEGER NOT NULL,
                    input_tokens INTEGER NOT NULL,
                    output_tokens INTEGER NOT NULL,
                    experience_id TEXT,
                    record TEXT NOT NULL CHECK (json_valid(record)),   -- the whole RunRecord
                    updated_at REAL NOT NULL
                );
                CREATE INDEX run_started ON run(started_at);
                CREATE INDEX run_task ON run(task_id);
                CREATE INDEX run_status ON run(status);

                CREATE TABLE run_step (
                    run_id TEXT NOT NULL REFERENCES run(id) ON DELETE CASCADE,
                    ordinal INTEGER NOT NULL,
                    step_index INTEGER NOT NULL,
                    thought TEXT NOT NULL,
                    action TEXT NOT NULL,
                    observation TEXT NOT NULL,
                    parse_failure TEXT,
                    prompt TEXT NOT NULL,
                    raw_response TEXT NOT NULL,
                    input_tokens INTEGER NOT NULL,
                    output_tokens INTEGER NOT NULL,
                    latency_ms REAL NOT NULL,
                    model TEXT NOT NULL,
                    PRIMARY KEY (run_id, ordinal)
                );

                CREATE TABLE retrieval_log (
                    run_id TEXT NOT NULL REFERENCES run(id) ON DELETE CASCADE,
                    rank INTEGER NOT NULL,
                    experience_id TEXT NOT NULL,
                    task_id TEXT,
                    query TEXT NOT NULL,
                    score REAL NOT NULL,
                    item_ids TEXT NOT NULL CHECK (json_valid(item_ids)),  -- JSON array of item ids
                    PRIMARY KEY (run_id, rank)
                );
                CREATE INDEX retrieval_log_experience ON retrieval_log(experience_id);

                CREATE TABLE run_injected_item (
                    run_id TEXT NOT NULL REFERENCES run(id) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    item_id TEXT NOT NULL,
                    PRIMARY KEY (run_id, position)
                );
                CREATE INDEX run_injected_item_item ON run_injected_item(item_id);

                -- Embeddings keyed by text (the seed's embeddings.json) or by id and text (official JSONL).
                CREATE TABLE embedding_cache (
                    pk INTEGER PRIMARY KEY,
                    model TEXT NOT NULL,
                    text TEXT NOT NULL,
                    key TEXT NOT NULL DEFAULT '',      -- minimal JSON of the official line's id; '' for the seed
                    dtype TEXT NOT NULL CHECK (dtype IN ('f32', 'f64')),
                    dimensions INTEGER NOT NULL,
                    vector BLOB NOT NULL,              -- little-endian, in dtype
                    created_at REAL NOT NULL,
                    UNIQUE (model, text, key)
                );

                CREATE TRIGGER experience_never_deleted BEFORE DELETE ON experience
                BEGIN SELECT RAISE(ABORT, 'experiences are never deleted; retract them'); END;
                CREATE TRIGGER memory_item_never_deleted BEFORE DELETE ON memory_item
                BEGIN SELECT RAISE(ABORT, 'memory items are never deleted; archive them'); END;
                CREATE TRIGGER item_revision_never_deleted BEFORE DELETE ON item_revision
                BEGIN SELECT RAISE(ABORT, 'item revisions are never deleted'); END;
                CREATE TRIGGER change_log_never_deleted BEFORE DELETE ON change_log
                BEGIN SELECT RAISE(ABORT, 'the change log is never deleted'); END;
                """)
        try db.execute(sql: "PRAGMA application_id = \(applicationID)")
    }
}
