using Microsoft.Data.Sqlite;

namespace DreamOmni2.Server.Storage;

/// <summary>
/// The SQLite file holding job records, uploads and who owns which stored file. Its schema is versioned
/// (<c>PRAGMA user_version</c>) and migrated at start. Writes go through one gate, so a writer never meets another
/// in SQLite's busy handler (which sleeps); reads never wait, since the file is in WAL mode. The file and its
/// journals are readable by the server's user only.
/// </summary>
public sealed class PlaygroundDatabase
{
    private readonly string _connectionString;
    private readonly Lock _writeGate = new();

    public PlaygroundDatabase(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        DataFolders.Create(System.IO.Path.GetDirectoryName(Path)!);
        // SQLite gives its journal files the database file's mode, so creating the file owner-only covers them too.
        DataFolders.CreateFile(Path);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = Path, Pooling = true, DefaultTimeout = 30 }.ToString();
        lock (_writeGate)
        {
            using var connection = Open();
            SchemaMigrations.Apply(connection);
        }
    }

    public string Path { get; }

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

    /// <summary>Runs one statement that changes the database; returns the rows it changed.</summary>
    public int Execute(string sql, params (string Name, object? Value)[] parameters) => Write(connection =>
    {
        using var command = Command(connection, sql, parameters);
        return command.ExecuteNonQuery();
    });

    /// <summary>Runs writes on one connection as one transaction, through the write gate.</summary>
    public T Write<T>(Func<SqliteConnection, T> write)
    {
        lock (_writeGate)
        {
            using var connection = Open();
            using var transaction = connection.BeginTransaction();
            var result = write(connection);
            transaction.Commit();
            return result;
        }
    }

    /// <summary>The first column of the first row, or null when there is none.</summary>
    public object? Scalar(string sql, params (string Name, object? Value)[] parameters)
    {
        using var connection = Open();
        using var command = Command(connection, sql, parameters);
        return command.ExecuteScalar();
    }
}
