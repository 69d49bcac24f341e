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

    public bool HasRoomFor(string owner, int jobs) =>
        Count + jobs <= capacity && JobsOf(owner) + jobs <= perOwnerCapacity;

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

    public bool TryDequeue(out string jobId)
    {
        if (_owners.First is not { } turn)
        {
            jobId = "";
            return false;
        }
        var jobs = _jobsByOwner[turn.Value];
        jobId = jobs.First!.Value;
        jobs.RemoveFirst();
        Count--;
        _owners.RemoveFirst();
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
