using System.Threading.RateLimiting;
using DreamOmni2.Server.Configuration;
using DreamOmni2.Server.Refusals;
using Microsoft.Extensions.Options;

namespace DreamOmni2.Server.Jobs;

/// <summary>
/// How fast one user may submit jobs, from the page, the hub or a client alike: a token bucket per user, so a burst
/// is fine and a script in a loop is refused with how long to wait.
/// </summary>
public sealed class SubmitRateLimit : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;
    private readonly RateLimitOptions _options;

    public SubmitRateLimit(IOptions<PlaygroundOptions> options)
    {
        _options = options.Value.RateLimits;
        var limit = _options.SubmitsPerMinute;
        _limiter = PartitionedRateLimiter.Create<string, string>(owner => RateLimitPartition.GetTokenBucketLimiter(owner, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(1, limit),
            TokensPerPeriod = Math.Max(1, limit),
            ReplenishmentPeriod = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
    }

    /// <exception cref="RefusalException">The owner has used up their submissions for now.</exception>
    public void Acquire(string owner, int jobs)
    {
        using var lease = _limiter.AttemptAcquire(owner, Math.Min(jobs, Math.Max(1, _options.SubmitsPerMinute)));
        if (!lease.IsAcquired)
        {
            throw RefusalException.TooMany(
                $"you have submitted {_options.SubmitsPerMinute} jobs in the last minute, the most one person may — wait a minute and run again",
                TimeSpan.FromMinutes(1));
        }
    }

    public void Dispose() => _limiter.Dispose();
}
