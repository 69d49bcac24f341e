using DreamOmni2.Contracts;
using DreamOmni2.Server.Jobs;
using DreamOmni2.Server.Storage;
using DreamOmni2.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace DreamOmni2.Server.Tests.Storage;

/// <summary>Opens the store a storage test runs on (see <see cref="StoreKindsAttribute"/>), with a clock the test moves, and makes jobs.</summary>
public sealed class StoreFixture : IDisposable
{
    private readonly TempFolder _data = new();
    private readonly List<IDisposable> _opened = [];

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 12, 6, 12, 0, 0, TimeSpan.Zero));

    public PlaygroundDatabase Open(string store)
    {
        if (store == StoreKindsAttribute.Postgres)
        {
            var postgres = new TestPostgres();
            _opened.Add(postgres);
            var shared = PlaygroundDatabase.Postgres(postgres.ConnectionString);
            _opened.Insert(0, shared);
            return shared;
        }
        var database = PlaygroundDatabase.Sqlite(Path.Combine(_data.Path, PlaygroundDatabase.FileName));
        _opened.Add(database);
        return database;
    }

    /// <summary>A queued job with a locked prompt (ready to run) unless <paramref name="ready"/> is false.</summary>
    public JobRecord Job(string owner, string instruction, string? group = null, string? chain = null, int minutesAgo = 0, bool ready = true, string? pack = null)
    {
        var settings = new GenerationSettings(GenerationMode.Generate, instruction, ready ? instruction : null, 1, false, 4, 2.5f, EncodingScheme.Both, null, true);
        var spec = new JobSpec([], settings, group, chain is null ? null : new JobReflection(chain, 1, 3), pack);
        return new JobRecord(JobRecord.NewId(), owner, Clock.GetUtcNow().AddMinutes(-minutesAgo), JobState.Queued, spec, JobOutcome.None);
    }

    public void Dispose()
    {
        foreach (var opened in _opened)
        {
            opened.Dispose();
        }
        _data.Dispose();
    }
}
