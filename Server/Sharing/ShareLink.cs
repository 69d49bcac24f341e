namespace DreamOmni2.Server.Sharing;

/// <summary>A read-only link to a finished result, as stored.</summary>
/// <param name="Token">The unguessable part of the link's address; whoever has it sees what the link shows.</param>
/// <param name="Target">The job id, ablation group or chain id that <paramref name="Scope"/> names.</param>
/// <param name="JobId">The job the owner shared it from, for the owner's list to link back to.</param>
/// <param name="Expires">When it stops working; null: when it is revoked.</param>
public sealed record ShareLink(
    string Token, string Owner, ShareScope Scope, string Target, string JobId, bool ShowInputs, bool KeepParameters,
    DateTimeOffset Created, DateTimeOffset? Expires)
{
    /// <summary>The first segment of every share link's path; the page is <c>/s/TOKEN</c>.</summary>
    public const string PathPrefix = "/s";

    public string Path => $"{PathPrefix}/{Token}";

    public bool ExpiredAt(DateTimeOffset now) => Expires is { } expires && expires <= now;
}
