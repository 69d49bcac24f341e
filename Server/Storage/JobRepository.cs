using System.Globalization;
using System.Text.Json;
using DreamOmni2.Contracts;
using DreamOmni2.Server.Jobs;
using System.Data.Common;

namespace DreamOmni2.Server.Storage;

/// <summary>Job records in the store: the request as submitted and what became of it, as JSON columns.</summary>
public sealed class JobRepository(PlaygroundDatabase database)
{
    private const string Columns = "id, owner, created, state, spec, outcome";

    /// <param name="translatingUntil">
    /// With a shared queue, until when the front end that took an untranslated job holds its translation (see
    /// <see cref="SharedJobQueue.ClaimTranslation"/>); null otherwise.
    /// </param>
    public void Insert(JobRecord job, DateTimeOffset? translatingUntil = null) =>
        database.Execute(
            $"INSERT INTO jobs ({Columns}, ablation_group, prompt_ready, pack, lease_until) VALUES (@id, @owner, @created, @state, @spec, @outcome, @group, @ready, @pack, @until)",
            ("@id", job.Id), ("@owner", job.Owner), ("@created", job.Created.ToString("O", CultureInfo.InvariantCulture)),
            ("@state", job.State.ToString()), ("@spec", JsonSerializer.Serialize(job.Spec, JobJson.Options)),
            ("@outcome", OutcomeJson(job)), ("@group", job.Spec.AblationGroup), ("@ready", Ready(job)),
            ("@pack", job.Spec.Pack), ("@until", translatingUntil?.ToUnixTimeMilliseconds()));

    public void Update(JobRecord job) =>
        database.Execute(
            "UPDATE jobs SET state = @state, outcome = @outcome, prompt_ready = @ready WHERE id = @id",
            ("@id", job.Id), ("@state", job.State.ToString()), ("@outcome", OutcomeJson(job)), ("@ready", Ready(job)));

    /// <summary>A job's record by id alone, whoever owns it: for the shared queue's own bookkeeping, never for a caller's request.</summary>
    public JobRecord? FindById(string id) =>
        Query($"SELECT {Columns} FROM jobs WHERE id = @id", ("@id", id)).FirstOrDefault();

    /// <summary>Whether a worker may take the job when its turn comes: its prompt is known.</summary>
    public static int Ready(JobRecord job) => job.PromptReady ? 1 : 0;

    /// <summary>The JSON a job's outcome is stored as.</summary>
    public static string OutcomeJson(JobRecord job) => JsonSerializer.Serialize(job.Outcome, JobJson.Options);

    public JobRecord? Find(string owner, string id) =>
        Query($"SELECT {Columns} FROM jobs WHERE owner = @owner AND id = @id", ("@owner", owner), ("@id", id)).FirstOrDefault();

    /// <summary>The newest <paramref name="limit"/> jobs of <paramref name="owner"/>, newest first.</summary>
    public IReadOnlyList<JobRecord> List(string owner, int limit) =>
        Query($"SELECT {Columns} FROM jobs WHERE owner = @owner ORDER BY created DESC LIMIT @limit", ("@owner", owner), ("@limit", limit));

    public IReadOnlyList<JobRecord> ListGroup(string owner, string group) =>
        Query($"SELECT {Columns} FROM jobs WHERE owner = @owner AND ablation_group = @group ORDER BY created, id",
            ("@owner", owner), ("@group", group));

    /// <summary>The rounds of one "check and retry" chain, first round first.</summary>
    public IReadOnlyList<JobRecord> ListChain(string owner, string chain) =>
        Query($"SELECT {Columns} FROM jobs WHERE owner = @owner AND {database.Dialect.JsonText("spec", "reflection", "chain")} = @chain ORDER BY created, id",
            ("@owner", owner), ("@chain", chain));

    /// <summary>Jobs a stopped server left queued or running, oldest first.</summary>
    public IReadOnlyList<JobRecord> ListUnfinished() =>
        Query($"SELECT {Columns} FROM jobs WHERE state IN ('{JobState.Queued}', '{JobState.Running}', '{JobState.Checking}') ORDER BY created, id");

    /// <summary>Whether any of the owner's jobs has the file as its result or the result's thumbnail.</summary>
    public bool UsesResult(string owner, string hash) => database.Scalar(
        $"""
        SELECT 1 FROM jobs WHERE owner = @owner
          AND ({database.Dialect.JsonText("outcome", "resultHash")} = @hash OR {database.Dialect.JsonText("outcome", "resultThumbnailHash")} = @hash)
        """,
        ("@owner", owner), ("@hash", hash)) is not null;

    public bool Delete(string owner, string id) =>
        database.Execute("DELETE FROM jobs WHERE owner = @owner AND id = @id", ("@owner", owner), ("@id", id)) > 0;

    private List<JobRecord> Query(string sql, params (string, object?)[] parameters)
    {
        using var connection = database.Open();
        using var command = PlaygroundDatabase.Command(connection, sql, parameters);
        using var reader = command.ExecuteReader();
        var jobs = new List<JobRecord>();
        while (reader.Read())
        {
            jobs.Add(Read(reader));
        }
        return jobs;
    }

    private static JobRecord Read(DbDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        DateTimeOffset.Parse(reader.GetString(2), CultureInfo.InvariantCulture),
        Enum.Parse<JobState>(reader.GetString(3)),
        JsonSerializer.Deserialize<JobSpec>(reader.GetString(4), JobJson.Options)!,
        JsonSerializer.Deserialize<JobOutcome>(reader.GetString(5), JobJson.Options)!);
}
