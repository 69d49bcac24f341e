namespace DreamOmni2.Server.Components.HistoryRows;

/// <summary>
/// Rows the history shows as deleted but whose jobs are not deleted yet, so the deletion can be undone: each is made
/// when its "Undo" runs out or when the page goes away, whichever comes first, and only once.
/// </summary>
public sealed class PendingDeletions(Action<IReadOnlyList<string>> delete)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, IReadOnlyList<string>> _pending = [];

    public bool Contains(string key)
    {
        lock (_gate)
        {
            return _pending.ContainsKey(key);
        }
    }

    public void Add(string key, IReadOnlyList<string> jobIds)
    {
        lock (_gate)
        {
            _pending[key] = jobIds;
        }
    }

    /// <summary>Keeps the row's jobs; false when they were already deleted.</summary>
    public bool Undo(string key)
    {
        lock (_gate)
        {
            return _pending.Remove(key);
        }
    }

    public void Commit(string key)
    {
        IReadOnlyList<string>? jobIds;
        lock (_gate)
        {
            if (!_pending.Remove(key, out jobIds))
            {
                return;
            }
        }
        delete(jobIds);
    }

    public void CommitAll()
    {
        List<string> keys;
        lock (_gate)
        {
            keys = [.. _pending.Keys];
        }
        foreach (string key in keys)
        {
            Commit(key);
        }
    }
}
