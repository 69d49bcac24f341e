using System.Data.Common;

namespace DreamOmni2.Server.Storage;

/// <summary>
/// The store holding job records, uploads, accounts and who owns which stored file: an SQLite file by default, or a
/// PostgreSQL database that several processes share (see <see cref="StoreDialect"/>). Its schema is versioned and
/// migrated when it is opened. Statements are written once, in the SQL both understand, with <c>@name</c> parameters.
/// </summary>
public sealed class PlaygroundDatabase : IDisposable
{
    private readonly Lock? _writeGate;

    public PlaygroundDatabase(StoreDialect dialect)
    {
        Dialect = dialect;
        _writeGate = dialect.SerializesWrites ? new Lock() : null;
        Gated(() =>
        {
            using var connection = Open();
            dialect.Migrate(connection);
            return 0;
        });
    }

    public const string FileName = "playground.db";

    /// <summary>The store the configuration names: PostgreSQL when <c>Postgres</c> is set, else the SQLite file in the data folder.</summary>
    public static PlaygroundDatabase Open(Configuration.PlaygroundOptions options, string dataFolder) =>
        string.IsNullOrWhiteSpace(options.Postgres) ? Sqlite(System.IO.Path.Combine(dataFolder, FileName)) : Postgres(options.Postgres);

    /// <summary>The embedded store: one SQLite file.</summary>
    public static PlaygroundDatabase Sqlite(string path) => new(new SqliteDialect(path));

    /// <summary>The shared store: a PostgreSQL database, by its connection string.</summary>
    public static PlaygroundDatabase Postgres(string connectionString) => new(new PostgresDialect(connectionString));

    public StoreDialect Dialect { get; }

    public DbConnection Open()
    {
        var connection = Dialect.CreateConnection();
        connection.Open();
        return connection;
    }

    public static DbCommand Command(DbConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    /// <summary>Runs a statement on an open connection, inside the caller's transaction; returns the rows it changed.</summary>
    public static int Run(DbConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, sql, parameters);
        return command.ExecuteNonQuery();
    }

    /// <summary>The first column of the first row of a statement run on an open connection.</summary>
    public static object? ScalarOn(DbConnection connection, string sql)
    {
        using var command = Command(connection, sql);
        return command.ExecuteScalar();
    }

    /// <summary>Runs one statement that changes the database; returns the rows it changed.</summary>
    public int Execute(string sql, params (string Name, object? Value)[] parameters) => Write(connection => Run(connection, sql, parameters));

    /// <summary>Runs writes on one connection as one transaction (through the write gate where the store needs one).</summary>
    public T Write<T>(Func<DbConnection, T> write) => Gated(() =>
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        var result = write(connection);
        transaction.Commit();
        return result;
    });

    /// <summary>The first column of the first row, or null when there is none.</summary>
    public object? Scalar(string sql, params (string Name, object? Value)[] parameters)
    {
        using var connection = Open();
        using var command = Command(connection, sql, parameters);
        var value = command.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    public void Dispose() => Dialect.Dispose();

    private T Gated<T>(Func<T> write)
    {
        if (_writeGate is null)
        {
            return write();
        }
        lock (_writeGate)
        {
            return write();
        }
    }
}
