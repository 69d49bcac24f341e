namespace DreamOmni2.Server.Jobs;

/// <summary>
/// Waiting jobs, served round-robin across owners (each owner's jobs in order), so one user's batch cannot starve
/// another's single job. Bounded in total and per owner. Not thread-safe: <see cref="JobService"/> holds its lock.
/// </summary>
public sealed class FairJobQueue(int capacity, int perOwnerCapacity)
{
    private readonly LinkedList<string> _owners = new();
    private readonly Dictionary<string, LinkedList<string>> _jobsByOwner = new(StringComparer.Ordinal);

    public int Count { get; private set; }

    public int PerOwnerCapacity => perOwnerCapacity;

    /// <summary>Whether <paramref name="jobs"/> more fit, given how many wait (the owner's and all), here or in a queue shared between processes.</summary>
    public bool HasRoomFor(int ownerJobs, int allJobs, int jobs) =>
        allJobs + jobs <= capacity && ownerJobs + jobs <= perOwnerCapacity;

    public int JobsOf(string owner) => _jobsByOwner.TryGetValue(owner, out var jobs) ? jobs.Count : 0;

    /// <summary>Adds a job without checking the bounds (see <see cref="HasRoomFor"/>), as recovery must.</summary>
    public void Enqueue(string owner, string jobId)
    {
        if (!_jobsByOwner.TryGetValue(owner, out var jobs))
        {
            jobs = new LinkedList<string>();
            _jobsByOwner[owner] = jobs;
            _owners.AddLast(owner);
        }
        jobs.AddLast(jobId);
        Count++;
    }

    /// <summary>
    /// Takes the next job in fair order that can start: the owner whose turn it is gives their oldest ready job and
    /// goes to the back of the line; owners with nothing ready keep their place.
    /// </summary>
    public bool TryDequeue(Func<string, bool> ready, out string jobId)
    {
        for (var turn = _owners.First; turn is not null; turn = turn.Next)
        {
            var jobs = _jobsByOwner[turn.Value];
            for (var job = jobs.First; job is not null; job = job.Next)
            {
                if (!ready(job.Value))
                {
                    continue;
                }
                jobId = job.Value;
                jobs.Remove(job);
                Count--;
                _owners.Remove(turn);
                if (jobs.Count > 0)
                {
                    _owners.AddLast(turn);
                }
                else
                {
                    _jobsByOwner.Remove(turn.Value);
                }
                return true;
            }
        }
        jobId = "";
        return false;
    }

    public bool Remove(string owner, string jobId)
    {
        if (!_jobsByOwner.TryGetValue(owner, out var jobs) || !jobs.Remove(jobId))
        {
            return false;
        }
        Count--;
        if (jobs.Count == 0)
        {
            _jobsByOwner.Remove(owner);
            _owners.Remove(owner);
        }
        return true;
    }

    /// <summary>Every waiting job in the order it will run, with its 1-based position.</summary>
    public IReadOnlyDictionary<string, int> Positions()
    {
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        var cursors = _owners.Select(owner => _jobsByOwner[owner].First).ToList();
        int position = 1;
        while (cursors.Count > 0)
        {
            for (int i = 0; i < cursors.Count; i++)
            {
                positions[cursors[i]!.Value] = position++;
                cursors[i] = cursors[i]!.Next;
            }
            cursors.RemoveAll(cursor => cursor is null);
        }
        return positions;
    }
}
