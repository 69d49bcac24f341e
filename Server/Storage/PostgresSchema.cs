using System.Data.Common;
using System.Globalization;

namespace DreamOmni2.Server.Storage;

/// <summary>
/// The PostgreSQL store's schema, one step per version, recorded in <c>schema_version</c>. Several processes may start
/// at once against one database: the steps run under an advisory lock, so exactly one of them migrates. Times are ISO
/// 8601 text compared byte for byte (<c>COLLATE "C"</c>), as in SQLite.
/// </summary>
public static class PostgresSchema
{
    /// <summary>The advisory lock key the migrating process holds (any constant the product owns).</summary>
    private const long MigrationLock = 0x44_4F_32_4D_49_47;

    private static readonly IReadOnlyList<string> s_steps =
    [
        """
        CREATE TABLE jobs (
            id TEXT PRIMARY KEY,
            owner TEXT NOT NULL,
            created TEXT COLLATE "C" NOT NULL,
            state TEXT NOT NULL,
            ablation_group TEXT,
            spec TEXT NOT NULL,
            outcome TEXT NOT NULL);
        CREATE INDEX jobs_by_owner ON jobs (owner, created);
        CREATE INDEX jobs_by_group ON jobs (ablation_group);
        CREATE TABLE uploads (
            owner TEXT NOT NULL,
            hash TEXT NOT NULL,
            thumbnail TEXT NOT NULL,
            width INTEGER NOT NULL,
            height INTEGER NOT NULL,
            name TEXT NOT NULL,
            PRIMARY KEY (owner, hash));
        CREATE TABLE owned_files (
            owner TEXT NOT NULL,
            hash TEXT NOT NULL,
            PRIMARY KEY (owner, hash));
        CREATE INDEX owned_files_by_hash ON owned_files (hash);
        CREATE TABLE file_sizes (
            hash TEXT PRIMARY KEY,
            bytes BIGINT NOT NULL);
        CREATE TABLE sessions (
            id TEXT PRIMARY KEY,
            user_name TEXT NOT NULL,
            created TEXT COLLATE "C" NOT NULL,
            expires TEXT COLLATE "C" NOT NULL,
            ticket BYTEA NOT NULL);
        CREATE INDEX sessions_by_user ON sessions (user_name);
        CREATE TABLE access_tokens (
            id TEXT PRIMARY KEY,
            user_name TEXT NOT NULL,
            name TEXT NOT NULL,
            hash TEXT NOT NULL UNIQUE,
            created TEXT COLLATE "C" NOT NULL,
            last_used TEXT COLLATE "C");
        CREATE INDEX access_tokens_by_user ON access_tokens (user_name);
        CREATE TABLE users (
            name TEXT PRIMARY KEY,
            password_hash TEXT,
            role TEXT NOT NULL,
            disabled BIGINT NOT NULL DEFAULT 0,
            stamp TEXT NOT NULL,
            created TEXT COLLATE "C" NOT NULL,
            external_id TEXT UNIQUE);
        CREATE UNIQUE INDEX users_by_lower_name ON users (lower(name));
        CREATE TABLE invitations (
            hash TEXT PRIMARY KEY,
            role TEXT NOT NULL,
            created_by TEXT NOT NULL,
            created TEXT COLLATE "C" NOT NULL,
            expires TEXT COLLATE "C" NOT NULL,
            used_by TEXT,
            used TEXT COLLATE "C");
        CREATE TABLE share_links (
            token TEXT PRIMARY KEY,
            owner TEXT NOT NULL,
            scope TEXT NOT NULL,
            target TEXT NOT NULL,
            job_id TEXT NOT NULL,
            show_inputs BOOLEAN NOT NULL,
            keep_parameters BOOLEAN NOT NULL,
            created TEXT COLLATE "C" NOT NULL,
            expires TEXT COLLATE "C");
        CREATE INDEX share_links_by_owner ON share_links (owner, created);
        """,
        SharedQueueStep,
        WorkersStep,
    ];

    /// <summary>
    /// The pack each job needs (a worker takes only jobs of its own pack), and the workers that have reported in: what
    /// each runs on and when it was last seen (Unix milliseconds).
    /// </summary>
    public const string WorkersStep = """
        ALTER TABLE jobs ADD COLUMN pack TEXT;
        CREATE TABLE workers (
            id TEXT PRIMARY KEY,
            pack TEXT NOT NULL,
            provider TEXT NOT NULL,
            started TEXT NOT NULL,
            last_seen BIGINT NOT NULL);
        """;

    /// <summary>
    /// The queue several workers share, in SQL both stores understand: who holds a job, until when, under which claim
    /// (a number that grows with each claim, so a worker that lost its lease cannot write over the next one's work),
    /// whether a cancel was asked for, and when each owner was last served, for round-robin order. Lease and turn
    /// times are Unix milliseconds, compared as numbers.
    /// </summary>
    public const string SharedQueueStep = """
        ALTER TABLE jobs ADD COLUMN worker TEXT;
        ALTER TABLE jobs ADD COLUMN lease_until BIGINT;
        ALTER TABLE jobs ADD COLUMN attempt BIGINT NOT NULL DEFAULT 0;
        ALTER TABLE jobs ADD COLUMN cancel_requested INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE jobs ADD COLUMN prompt_ready INTEGER NOT NULL DEFAULT 0;
        UPDATE jobs SET prompt_ready = 1 WHERE state <> 'Queued';
        CREATE INDEX jobs_by_state ON jobs (state, created);
        CREATE TABLE owner_turns (
            owner TEXT PRIMARY KEY,
            last_served BIGINT NOT NULL);
        """;

    public static int Latest => s_steps.Count;

    public static void Apply(DbConnection connection)
    {
        using var transaction = connection.BeginTransaction();
        PlaygroundDatabase.Run(connection, $"SELECT pg_advisory_xact_lock({MigrationLock})");
        PlaygroundDatabase.Run(connection, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
        int version = Convert.ToInt32(PlaygroundDatabase.ScalarOn(connection, "SELECT COALESCE(MAX(version), 0) FROM schema_version"), CultureInfo.InvariantCulture);
        if (version > Latest)
        {
            throw new InvalidOperationException(
                $"the database is at schema version {version}, newer than this server knows ({Latest}): run the newer server, or restore a backup");
        }
        for (; version < Latest; version++)
        {
            PlaygroundDatabase.Run(connection, s_steps[version]);
        }
        PlaygroundDatabase.Run(connection, "DELETE FROM schema_version");
        PlaygroundDatabase.Run(connection, $"INSERT INTO schema_version (version) VALUES ({version})");
        transaction.Commit();
    }
}
