using System.Data.Common;
using Npgsql;

namespace DreamOmni2.Server.Storage;

/// <summary>
/// The shared store for several web front ends and workers: a PostgreSQL database, reached through one pooled data
/// source per process.
/// </summary>
public sealed class PostgresDialect(string connectionString) : StoreDialect
{
    private readonly NpgsqlDataSource _source = NpgsqlDataSource.Create(connectionString);

    public override string Name => "PostgreSQL";

    public override bool SerializesWrites => false;

    public override DbConnection CreateConnection() => _source.CreateConnection();

    public override void Migrate(DbConnection connection) => PostgresSchema.Apply(connection);

    public override bool IsUniqueViolation(DbException error) =>
        error is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    public override void Dispose()
    {
        _source.Dispose();
        base.Dispose();
    }

    public override string LockSkippingLocked(string table) => $"FOR UPDATE OF {table} SKIP LOCKED";

    public override string JsonText(string column, params string[] path) => $"({column}::jsonb #>> '{{{string.Join(',', path)}}}')";
}
