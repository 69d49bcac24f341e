using Npgsql;

namespace DreamOmni2.TestSupport;

/// <summary>
/// A fresh database on the PostgreSQL server the tests are given in <c>DREAMOMNI2_TEST_POSTGRES</c> (a connection
/// string; <c>.ci/run</c> starts a server from Debian's package on loopback and sets it), dropped when disposed.
/// </summary>
public sealed class TestPostgres : IDisposable
{
    public const string Variable = "DREAMOMNI2_TEST_POSTGRES";

    private readonly string _server;
    private readonly string _name = "t_" + Guid.NewGuid().ToString("N")[..16];

    public TestPostgres()
    {
        _server = Server ?? throw new InvalidOperationException($"set {Variable} to a PostgreSQL connection string (.ci/run starts a server)");
        Run($"CREATE DATABASE {_name}");
        ConnectionString = new NpgsqlConnectionStringBuilder(_server) { Database = _name }.ConnectionString;
    }

    /// <summary>The server's connection string, or null when the tests were given none.</summary>
    public static string? Server => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    public static bool Available => Server is not null;

    public string ConnectionString { get; }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        Run($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)");
    }

    private void Run(string sql)
    {
        using var connection = new NpgsqlConnection(_server);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
