using Microsoft.AspNetCore.SignalR.Client;

namespace DreamOmni2.Client;

/// <summary>Reconnects after 0, 1, 2, 5, 10 s and then every 30 s, for as long as the client lives.</summary>
internal sealed class HubReconnects : IRetryPolicy
{
    private static readonly TimeSpan[] s_delays =
        [TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10)];

    public TimeSpan? NextRetryDelay(RetryContext context) =>
        context.PreviousRetryCount < s_delays.Length ? s_delays[context.PreviousRetryCount] : TimeSpan.FromSeconds(30);
}
