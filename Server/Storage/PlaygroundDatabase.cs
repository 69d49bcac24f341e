using Microsoft.Data.Sqlite;

namespace DreamOmni2.Server.Storage;

/// <summary>The SQLite file holding job records, uploads and who owns which stored file.</summary>
public sealed class PlaygroundDatabase
{
    private const string Schema = """
        PRAGMA journal_mode = WAL;
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
        """;

    private readonly string _connectionString;

    public PlaygroundDatabase(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();
        using var connection = Open();
        Execute(connection, Schema);
    }

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    public static SqliteCommand Command(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
        return command;
    }

    public static int Execute(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, sql, parameters);
        return command.ExecuteNonQuery();
    }
}
