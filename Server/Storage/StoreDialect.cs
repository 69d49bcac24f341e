using System.Data.Common;

namespace DreamOmni2.Server.Storage;

/// <summary>
/// What differs between the stores the server can keep its records in: how to connect, how the schema is brought up
/// to date, and the little SQL that is not common to both. Everything else is one set of statements.
/// </summary>
public abstract class StoreDialect : IDisposable
{
    /// <summary>The store's name, for logs and the health check.</summary>
    public abstract string Name { get; }

    /// <summary>
    /// True where the store locks the whole file on a write (SQLite): the server then lets one writer in at a time
    /// itself, so no writer ever sleeps in the store's busy handler.
    /// </summary>
    public abstract bool SerializesWrites { get; }

    /// <summary>A new connection, not yet open.</summary>
    public abstract DbConnection CreateConnection();

    /// <summary>Brings the schema to the newest version this server knows, on an open connection.</summary>
    /// <exception cref="InvalidOperationException">The store was written by a newer server.</exception>
    public abstract void Migrate(DbConnection connection);

    /// <summary>Whether a failed statement broke a unique key (a name or token already taken).</summary>
    public abstract bool IsUniqueViolation(DbException error);

    /// <summary>
    /// What follows a SELECT of queued jobs so that concurrent workers each take a different one: PostgreSQL locks the
    /// row and skips rows others hold; SQLite needs nothing, as a write transaction holds the whole file.
    /// </summary>
    public abstract string LockSkippingLocked(string table);

    /// <summary>An SQL expression for the text at <paramref name="path"/> inside the JSON held in <paramref name="column"/>.</summary>
    public abstract string JsonText(string column, params string[] path);

    public virtual void Dispose() => GC.SuppressFinalize(this);
}
