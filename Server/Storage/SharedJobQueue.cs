using System.Data.Common;
using System.Globalization;
using DreamOmni2.Contracts;
using DreamOmni2.Server.Jobs;

namespace DreamOmni2.Server.Storage;

/// <summary>A claim on a job: the worker that holds it, the claim's number (its fencing token) and until when it holds.</summary>
public sealed record JobLease(string JobId, string Worker, long Attempt, DateTimeOffset Until);

/// <summary>
/// The queue that several worker processes pull from, kept in the store: jobs are taken round-robin across owners
/// (the owner served longest ago first, each owner's oldest ready job), claimed with row locks that other workers skip,
/// and held under a lease the worker renews while it runs. A worker that dies stops renewing; its job is queued again
/// and runs elsewhere. Every write of a claimed job names its claim, so a worker that lost its lease (a long pause, a
/// partition) can never write over the job's next run: a job finishes once.
/// </summary>
public sealed class SharedJobQueue(PlaygroundDatabase database, JobRepository jobs, TimeProvider clock, TimeSpan leaseLength)
{
    /// <summary>How long a claim holds without renewal: a worker that dies is noticed this long after.</summary>
    public TimeSpan LeaseLength { get; } = leaseLength;

    /// <summary>Claims the next job in fair order whose prompt is ready and that needs <paramref name="pack"/> (or any pack); null when none waits.</summary>
    public (JobLease Lease, JobRecord Job)? Claim(string worker, string pack)
    {
        var now = clock.GetUtcNow();
        var until = now + LeaseLength;
        var claimed = database.Write(connection =>
        {
            string? id = null;
            string? owner = null;
            using (var next = PlaygroundDatabase.Command(connection, $"""
                SELECT j.id, j.owner FROM jobs j LEFT JOIN owner_turns t ON t.owner = j.owner
                WHERE j.state = '{JobState.Queued}' AND j.prompt_ready = 1 AND (j.pack IS NULL OR j.pack = @pack)
                ORDER BY COALESCE(t.last_served, 0), j.created, j.id
                LIMIT 1 {database.Dialect.LockSkippingLocked("j")}
                """, ("@pack", pack)))
            using (var reader = next.ExecuteReader())
            {
                if (reader.Read())
                {
                    (id, owner) = (reader.GetString(0), reader.GetString(1));
                }
            }
            if (id is null)
            {
                return ((string, long)?)null;
            }
            long attempt;
            using (var take = PlaygroundDatabase.Command(connection, $"""
                UPDATE jobs SET state = '{JobState.Running}', worker = @worker, lease_until = @until, attempt = attempt + 1, cancel_requested = 0
                WHERE id = @id RETURNING attempt
                """, ("@worker", worker), ("@until", until.ToUnixTimeMilliseconds()), ("@id", id)))
            {
                attempt = Convert.ToInt64(take.ExecuteScalar(), CultureInfo.InvariantCulture);
            }
            PlaygroundDatabase.Run(connection,
                "INSERT INTO owner_turns (owner, last_served) VALUES (@owner, @now) ON CONFLICT (owner) DO UPDATE SET last_served = excluded.last_served",
                ("@owner", owner), ("@now", now.ToUnixTimeMilliseconds()));
            return (id, attempt);
        });
        if (claimed is not var (jobId, number) || jobs.FindById(jobId) is not { } job)
        {
            return null;
        }
        return (new JobLease(jobId, worker, number, until), job);
    }

    /// <summary>
    /// Extends the lease while the job runs. Null when the lease was lost (the job was queued again or finished
    /// elsewhere): the worker must stop and write nothing; otherwise the renewed lease and whether a cancel was asked.
    /// </summary>
    public (JobLease Lease, bool CancelRequested)? Renew(JobLease lease)
    {
        var until = clock.GetUtcNow() + LeaseLength;
        var cancel = database.Write(connection =>
        {
            using var renew = PlaygroundDatabase.Command(connection, $"""
                UPDATE jobs SET lease_until = @until WHERE id = @id AND worker = @worker AND attempt = @attempt
                  AND state IN ('{JobState.Running}', '{JobState.Checking}')
                RETURNING cancel_requested
                """, ("@until", until.ToUnixTimeMilliseconds()), ("@id", lease.JobId), ("@worker", lease.Worker), ("@attempt", lease.Attempt));
            return renew.ExecuteScalar();
        });
        return cancel is null ? null : (lease with { Until = until }, Convert.ToInt64(cancel, CultureInfo.InvariantCulture) != 0);
    }

    /// <summary>Writes the held job's new state and outcome; false when the lease was lost, and nothing is written.</summary>
    public bool Update(JobLease lease, JobRecord record)
    {
        bool finished = record.State.IsFinished();
        return database.Execute(
            $"""
            UPDATE jobs SET state = @state, outcome = @outcome{(finished ? ", worker = NULL, lease_until = NULL" : "")}
            WHERE id = @id AND worker = @worker AND attempt = @attempt
            """,
            ("@state", record.State.ToString()), ("@outcome", JobRepository.OutcomeJson(record)),
            ("@id", lease.JobId), ("@worker", lease.Worker), ("@attempt", lease.Attempt)) > 0;
    }

    /// <summary>Queues again every job whose worker stopped renewing its lease; returns their ids.</summary>
    public IReadOnlyList<string> RequeueExpired() => database.Write(connection =>
    {
        using var requeue = PlaygroundDatabase.Command(connection, $"""
            UPDATE jobs SET state = '{JobState.Queued}', worker = NULL, lease_until = NULL
            WHERE state IN ('{JobState.Running}', '{JobState.Checking}') AND lease_until < @now
            RETURNING id
            """, ("@now", clock.GetUtcNow().ToUnixTimeMilliseconds()));
        using var reader = requeue.ExecuteReader();
        var ids = new List<string>();
        while (reader.Read())
        {
            ids.Add(reader.GetString(0));
        }
        return ids;
    });

    /// <summary>When a lease taken now ends.</summary>
    public DateTimeOffset LeaseFromNow() => clock.GetUtcNow() + LeaseLength;

    /// <summary>
    /// Extends the translation lease of queued jobs whose instruction this process is translating, so no other process
    /// takes their translation over while it is under way.
    /// </summary>
    public void KeepTranslating(IReadOnlyCollection<string> ids)
    {
        if (ids.Count == 0)
        {
            return;
        }
        long until = LeaseFromNow().ToUnixTimeMilliseconds();
        database.Write(connection => ids.Sum(id => PlaygroundDatabase.Run(connection,
            $"UPDATE jobs SET lease_until = @until WHERE id = @id AND state = '{JobState.Queued}' AND prompt_ready = 0",
            ("@until", until), ("@id", id))));
    }

    /// <summary>
    /// Takes over the translation of a queued job of <paramref name="pack"/> (or any pack) whose front end stopped
    /// renewing its translation lease, as one that was stopped before it translated does; null when none waits.
    /// </summary>
    public JobRecord? ClaimTranslation(string pack)
    {
        var now = clock.GetUtcNow();
        var id = database.Write(connection =>
        {
            using var take = PlaygroundDatabase.Command(connection, $"""
                UPDATE jobs SET lease_until = @until WHERE id = (
                  SELECT j.id FROM jobs j
                  WHERE j.state = '{JobState.Queued}' AND j.prompt_ready = 0 AND (j.pack IS NULL OR j.pack = @pack)
                    AND COALESCE(j.lease_until, 0) < @now
                  ORDER BY j.created, j.id
                  LIMIT 1 {database.Dialect.LockSkippingLocked("j")})
                RETURNING id
                """, ("@until", (now + LeaseLength).ToUnixTimeMilliseconds()), ("@pack", pack), ("@now", now.ToUnixTimeMilliseconds()));
            return take.ExecuteScalar() as string;
        });
        return id is null ? null : jobs.FindById(id);
    }

    /// <summary>
    /// Stores a queued job's translated prompt, making it ready for a worker; false when the job is no longer queued
    /// without a prompt (another process translated it first, or it was removed), and nothing is written.
    /// </summary>
    public bool StorePrompt(JobRecord translated) => database.Execute(
        $"UPDATE jobs SET outcome = @outcome, prompt_ready = 1, lease_until = NULL WHERE id = @id AND state = '{JobState.Queued}' AND prompt_ready = 0",
        ("@outcome", JobRepository.OutcomeJson(translated)), ("@id", translated.Id)) > 0;

    /// <summary>Asks the worker holding a running job to stop it (it learns at its next renewal, or sooner by message).</summary>
    public bool RequestCancel(string id) => database.Execute(
        $"UPDATE jobs SET cancel_requested = 1 WHERE id = @id AND state = '{JobState.Running}'", ("@id", id)) > 0;

    /// <summary>Takes a job that is still queued out of the queue, as no worker has claimed it; false when one has.</summary>
    public bool RemoveQueued(JobRecord removed) => database.Execute(
        $"UPDATE jobs SET state = @state, outcome = @outcome WHERE id = @id AND state = '{JobState.Queued}'",
        ("@state", removed.State.ToString()), ("@outcome", JobRepository.OutcomeJson(removed)), ("@id", removed.Id)) > 0;

    /// <summary>How many jobs wait in the shared queue: the owner's, and everyone's.</summary>
    public (int Owner, int All) QueuedCounts(string owner)
    {
        using var connection = database.Open();
        using var command = PlaygroundDatabase.Command(connection,
            $"SELECT COUNT(CASE WHEN owner = @owner THEN 1 END), COUNT(*) FROM jobs WHERE state = '{JobState.Queued}'", ("@owner", owner));
        using var reader = command.ExecuteReader();
        reader.Read();
        return (Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture), Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture));
    }

    /// <summary>Every queued job's 1-based place in the order workers will take them: round-robin across owners.</summary>
    public IReadOnlyDictionary<string, int> Positions()
    {
        // The owner served longest ago comes first, then each owner's jobs oldest first: the order FairJobQueue keeps.
        var order = new FairJobQueue(int.MaxValue, int.MaxValue);
        using var connection = database.Open();
        using var command = PlaygroundDatabase.Command(connection, $"""
            SELECT j.id, j.owner FROM jobs j LEFT JOIN owner_turns t ON t.owner = j.owner
            WHERE j.state = '{JobState.Queued}'
            ORDER BY COALESCE(t.last_served, 0), j.created, j.id
            """);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            order.Enqueue(reader.GetString(1), reader.GetString(0));
        }
        return order.Positions();
    }
}
