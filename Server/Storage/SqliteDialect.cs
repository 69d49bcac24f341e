using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace DreamOmni2.Server.Storage;

/// <summary>
/// The embedded store: one SQLite file in WAL mode, readable by the server's user only (SQLite gives its journals the
/// file's mode, so creating the file owner-only covers them too).
/// </summary>
public sealed class SqliteDialect : StoreDialect
{
    private readonly string _connectionString;

    public SqliteDialect(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        DataFolders.Create(System.IO.Path.GetDirectoryName(Path)!);
        DataFolders.CreateFile(Path);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = Path, Pooling = true, DefaultTimeout = 30 }.ToString();
    }

    public string Path { get; }

    public override string Name => "SQLite";

    public override bool SerializesWrites => true;

    public override DbConnection CreateConnection() => new SqliteConnection(_connectionString);

    public override void Migrate(DbConnection connection) => SqliteSchema.Apply(connection);

    public override bool IsUniqueViolation(DbException error) =>
        error is SqliteException { SqliteErrorCode: 19 };

    public override string LockSkippingLocked(string table) => "";

    public override string JsonText(string column, params string[] path) => $"json_extract({column}, '$.{string.Join('.', path)}')";
}
