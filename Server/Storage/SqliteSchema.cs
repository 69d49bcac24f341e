using System.Text.Json.Nodes;
using System.Data.Common;

namespace DreamOmni2.Server.Storage;

/// <summary>
/// The SQLite store's schema, one step per version. A database is brought to the newest version at start, each step
/// in its own transaction, and <c>PRAGMA user_version</c> records how far it got. A step that changes the tables has
/// its counterpart in <see cref="PostgresSchema"/>.
/// </summary>
public static class SqliteSchema
{
    private static readonly IReadOnlyList<Action<DbConnection>> s_steps =
    [
        CreateTables,
        NestJobSettings,
        AddSessionsAndFileSizes,
        AddAccessTokens,
        AddUsersAndInvitations,
        AddShareLinks,
        AddSharedQueue,
        AddWorkers,
    ];

    public static int Latest => s_steps.Count;

    public static void Apply(DbConnection connection)
    {
        PlaygroundDatabase.Run(connection, "PRAGMA journal_mode = WAL");
        int version = Convert.ToInt32(PlaygroundDatabase.ScalarOn(connection, "PRAGMA user_version"), System.Globalization.CultureInfo.InvariantCulture);
        if (version > Latest)
        {
            throw new InvalidOperationException(
                $"the database is at schema version {version}, newer than this server knows ({Latest}): run the newer server, or restore a backup");
        }
        for (; version < Latest; version++)
        {
            using var transaction = connection.BeginTransaction();
            s_steps[version](connection);
            PlaygroundDatabase.Run(connection, $"PRAGMA user_version = {version + 1}");
            transaction.Commit();
        }
    }

    /// <summary>Version 1: the tables as they were before the schema was versioned (kept as they are where they exist).</summary>
    private static void CreateTables(DbConnection connection) => PlaygroundDatabase.Run(connection, """
        CREATE TABLE IF NOT EXISTS jobs (
            id TEXT PRIMARY KEY,
            owner TEXT NOT NULL,
            created TEXT NOT NULL,
            state TEXT NOT NULL,
            ablation_group TEXT,
            spec TEXT NOT NULL,
            outcome TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS jobs_by_owner ON jobs (owner, created);
        CREATE INDEX IF NOT EXISTS jobs_by_group ON jobs (ablation_group);
        CREATE TABLE IF NOT EXISTS uploads (
            owner TEXT NOT NULL,
            hash TEXT NOT NULL,
            thumbnail TEXT NOT NULL,
            width INTEGER NOT NULL,
            height INTEGER NOT NULL,
            name TEXT NOT NULL,
            PRIMARY KEY (owner, hash));
        CREATE TABLE IF NOT EXISTS owned_files (
            owner TEXT NOT NULL,
            hash TEXT NOT NULL,
            PRIMARY KEY (owner, hash));
        """);

    /// <summary>
    /// Version 2: a job's spec holds the engine's completed settings as one object, and its seed is always known
    /// (a job that drew its seed when it ran takes the one its outcome recorded).
    /// </summary>
    private static void NestJobSettings(DbConnection connection)
    {
        var rows = new List<(string Id, string Spec, string Outcome)>();
        using (var select = PlaygroundDatabase.Command(connection, "SELECT id, spec, outcome FROM jobs"))
        using (var reader = select.ExecuteReader())
        {
            while (reader.Read())
            {
                rows.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
            }
        }
        foreach (var (id, spec, outcome) in rows)
        {
            var old = JsonNode.Parse(spec)!.AsObject();
            if (old.ContainsKey("settings"))
            {
                continue;
            }
            var seed = old["seed"] ?? JsonNode.Parse(outcome)?["seed"];
            var settings = new JsonObject
            {
                ["mode"] = old["mode"]?.DeepClone(),
                ["instruction"] = old["instruction"]?.DeepClone() ?? "",
                ["lockedPrompt"] = old["lockedPrompt"]?.DeepClone(),
                ["seed"] = seed?.DeepClone() ?? 0,
                ["randomSeed"] = old["seed"] is null,
                ["steps"] = old["steps"]?.DeepClone(),
                ["guidance"] = old["guidance"]?.DeepClone(),
                ["scheme"] = new JsonObject { ["index"] = old["indexEncoding"]?.DeepClone(), ["shift"] = old["positionShift"]?.DeepClone() },
                ["outputSize"] = null,
                ["previews"] = old["previews"]?.DeepClone() ?? true,
            };
            var nested = new JsonObject
            {
                ["images"] = old["images"]?.DeepClone(),
                ["settings"] = settings,
                ["ablationGroup"] = old["ablationGroup"]?.DeepClone(),
                ["reflection"] = old["reflection"]?.DeepClone(),
            };
            PlaygroundDatabase.Run(connection, "UPDATE jobs SET spec = @spec WHERE id = @id", ("@spec", nested.ToJsonString()), ("@id", id));
        }
    }

    /// <summary>
    /// Version 3: server-side sign-in sessions, so that signing out, a changed password or a removed user ends them;
    /// and the size of each stored file, for per-user storage quotas (null until the store has been measured).
    /// </summary>
    private static void AddSessionsAndFileSizes(DbConnection connection) => PlaygroundDatabase.Run(connection, """
        CREATE TABLE sessions (
            id TEXT PRIMARY KEY,
            user_name TEXT NOT NULL,
            created TEXT NOT NULL,
            expires TEXT NOT NULL,
            ticket BLOB NOT NULL);
        CREATE INDEX sessions_by_user ON sessions (user_name);
        CREATE TABLE file_sizes (
            hash TEXT PRIMARY KEY,
            bytes INTEGER NOT NULL);
        """);

    /// <summary>Version 4: personal access tokens, stored as the SHA-256 of the token (the token itself is shown once).</summary>
    private static void AddAccessTokens(DbConnection connection) => PlaygroundDatabase.Run(connection, """
        CREATE TABLE access_tokens (
            id TEXT PRIMARY KEY,
            user_name TEXT NOT NULL,
            name TEXT NOT NULL,
            hash TEXT NOT NULL UNIQUE,
            created TEXT NOT NULL,
            last_used TEXT);
        CREATE INDEX access_tokens_by_user ON access_tokens (user_name);
        """);

    /// <summary>
    /// Version 5: accounts in the database (seeded from the configured users at start), with a role, a disabled flag and
    /// a stamp that changes whenever a session signed in before must end; and single-use invitations, stored hashed.
    /// </summary>
    private static void AddUsersAndInvitations(DbConnection connection) => PlaygroundDatabase.Run(connection, """
        CREATE TABLE users (
            name TEXT PRIMARY KEY COLLATE NOCASE,
            password_hash TEXT,
            role TEXT NOT NULL,
            disabled INTEGER NOT NULL DEFAULT 0,
            stamp TEXT NOT NULL,
            created TEXT NOT NULL,
            external_id TEXT UNIQUE);
        CREATE TABLE invitations (
            hash TEXT PRIMARY KEY,
            role TEXT NOT NULL,
            created_by TEXT NOT NULL,
            created TEXT NOT NULL,
            expires TEXT NOT NULL,
            used_by TEXT,
            used TEXT);
        """);

    /// <summary>
    /// Version 6: share links: read-only links to a finished job, grid or chain, each with what it shows and until when. The
    /// token is the key; a revoked link is deleted.
    /// </summary>
    private static void AddShareLinks(DbConnection connection) => PlaygroundDatabase.Run(connection, """
        CREATE TABLE share_links (
            token TEXT PRIMARY KEY,
            owner TEXT NOT NULL,
            scope TEXT NOT NULL,
            target TEXT NOT NULL,
            job_id TEXT NOT NULL,
            show_inputs INTEGER NOT NULL,
            keep_parameters INTEGER NOT NULL,
            created TEXT NOT NULL,
            expires TEXT);
        CREATE INDEX share_links_by_owner ON share_links (owner, created);
        """);

    /// <summary>Version 7: the columns and table of the queue several workers share (see <see cref="SharedJobQueue"/>).</summary>
    private static void AddSharedQueue(DbConnection connection) => PlaygroundDatabase.Run(connection, PostgresSchema.SharedQueueStep);

    /// <summary>Version 8: the pack each job needs, and the workers that have reported in (see <see cref="WorkerRegistry"/>).</summary>
    private static void AddWorkers(DbConnection connection) => PlaygroundDatabase.Run(connection, PostgresSchema.WorkersStep);
}
