namespace DreamOmni2.Contracts;

/// <summary>
/// What a share link shows and for how long. Nothing is shown by default beyond the result itself, so a link made
/// without thinking gives away no more than the picture.
/// </summary>
/// <param name="ShowInputs">Show the input images, the instruction and the prompt (and, for an edit, the before/after slider).</param>
/// <param name="KeepParameters">Leave the <c>parameters</c> chunk (prompt, seed, settings) in the downloaded PNG; it is removed otherwise.</param>
/// <param name="ExpiresAfter">How long the link works after it is made; null: until it is revoked.</param>
public sealed record ShareOptions(bool ShowInputs = false, bool KeepParameters = false, TimeSpan? ExpiresAfter = null)
{
    /// <summary>The longest a link may be set to last; a link meant to last longer is made without an expiry.</summary>
    public static readonly TimeSpan LongestExpiry = TimeSpan.FromDays(365);

    /// <summary>The shortest expiry, so a link cannot be made already dead by a unit slip (seconds for minutes).</summary>
    public static readonly TimeSpan ShortestExpiry = TimeSpan.FromMinutes(1);
}
