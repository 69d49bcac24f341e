namespace DreamOmni2.Server.Auth;

/// <summary>
/// Slows password guessing: after <see cref="MaxFailures"/> failed sign-ins for one user name within
/// <see cref="Window"/>, that name is refused until the window ends. Keyed by the name typed, known or not, so it
/// says nothing about which names exist, and it works the same behind a reverse proxy.
/// </summary>
public sealed class SignInThrottle(TimeProvider clock)
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    /// <summary>Names tracked before expired entries are swept, so guessing random names cannot grow memory for long.</summary>
    private const int MaxTracked = 10_000;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, (int Failures, DateTimeOffset Since)> _failures = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How long until <paramref name="user"/> may try again; null when it may now.</summary>
    public TimeSpan? Blocked(string user)
    {
        lock (_gate)
        {
            if (!_failures.TryGetValue(user, out var entry))
            {
                return null;
            }
            var left = entry.Since + Window - clock.GetUtcNow();
            if (left <= TimeSpan.Zero)
            {
                _failures.Remove(user);
                return null;
            }
            return entry.Failures >= MaxFailures ? left : null;
        }
    }

    public void Failed(string user)
    {
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            if (_failures.Count >= MaxTracked)
            {
                foreach (var expired in _failures.Where(f => f.Value.Since + Window <= now).Select(f => f.Key).ToList())
                {
                    _failures.Remove(expired);
                }
            }
            _failures[user] = _failures.TryGetValue(user, out var entry) && entry.Since + Window > now
                ? (entry.Failures + 1, entry.Since)
                : (1, now);
        }
    }

    public void Succeeded(string user)
    {
        lock (_gate)
        {
            _failures.Remove(user);
        }
    }
}
