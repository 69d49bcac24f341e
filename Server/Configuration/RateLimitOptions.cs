namespace DreamOmni2.Server.Configuration;

/// <summary>The <c>Playground:RateLimits</c> section: how often one client may do what, per minute.</summary>
public sealed class RateLimitOptions
{
    /// <summary>Sign-in attempts from one client address (each costs ~0.3 s of PBKDF2 on the server).</summary>
    public int SignInsPerMinutePerAddress { get; set; } = 10;

    /// <summary>Requests to share-link pages and their images from one client address (a page and its images count each).</summary>
    public int ShareViewsPerMinutePerAddress { get; set; } = 120;

    /// <summary>Uploads by one user (or, signed out, one address).</summary>
    public int UploadsPerMinute { get; set; } = 60;

    /// <summary>Jobs one user may submit; an ablation grid counts four.</summary>
    public int SubmitsPerMinute { get; set; } = 30;
}
