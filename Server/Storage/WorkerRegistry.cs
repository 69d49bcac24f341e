using System.Globalization;
using DreamOmni2.Contracts;

namespace DreamOmni2.Server.Storage;

/// <summary>
/// The workers that take jobs from the shared queue, as each reports itself while it polls: its pack and its device,
/// and when it was last seen, so an admin sees which workers are alive and what they can run.
/// </summary>
public sealed class WorkerRegistry(PlaygroundDatabase database, TimeProvider clock)
{
    /// <summary>Records that the worker is alive, with what it runs.</summary>
    public void Report(string id, string pack, string provider)
    {
        var now = clock.GetUtcNow();
        database.Execute(
            """
            INSERT INTO workers (id, pack, provider, started, last_seen) VALUES (@id, @pack, @provider, @started, @seen)
            ON CONFLICT (id) DO UPDATE SET pack = excluded.pack, provider = excluded.provider, last_seen = excluded.last_seen
            """,
            ("@id", id), ("@pack", pack), ("@provider", provider), ("@started", now.ToString("O", CultureInfo.InvariantCulture)),
            ("@seen", now.ToUnixTimeMilliseconds()));
    }

    /// <summary>The workers seen within <paramref name="within"/>, most recently seen first.</summary>
    public IReadOnlyList<WorkerStatus> Seen(TimeSpan within)
    {
        var now = clock.GetUtcNow();
        using var connection = database.Open();
        using var command = PlaygroundDatabase.Command(connection,
            "SELECT id, pack, provider, last_seen FROM workers WHERE last_seen >= @since ORDER BY last_seen DESC, id",
            ("@since", (now - within).ToUnixTimeMilliseconds()));
        using var reader = command.ExecuteReader();
        var workers = new List<WorkerStatus>();
        while (reader.Read())
        {
            workers.Add(new WorkerStatus(reader.GetString(0), reader.GetString(1), reader.GetString(2),
                DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(reader.GetValue(3), CultureInfo.InvariantCulture))));
        }
        return workers;
    }
}
