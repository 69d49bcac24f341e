using DreamOmni2.Server.Jobs;

namespace DreamOmni2.Server.Sharing;

/// <summary>What an open share link shows: its completed jobs in page order (grid cells by scheme, chain rounds first to last).</summary>
/// <param name="Results">Never empty: a link whose jobs have no result left answers as an unknown one.</param>
public sealed record SharedResult(ShareLink Link, IReadOnlyList<JobRecord> Results)
{
    /// <summary>The result a single job or a chain leads with: the job's, or the chain's last round.</summary>
    public JobRecord Final => Results[^1];

    /// <summary>The input images, the same for every job of a grid or chain; none unless the owner chose to show them.</summary>
    public IReadOnlyList<JobImage> Inputs => Link.ShowInputs ? Final.Spec.Images : [];

    /// <summary>The result numbered from 1 in page order, as its download address names it; null past the end.</summary>
    public JobRecord? Result(int number) => number >= 1 && number <= Results.Count ? Results[number - 1] : null;

    public string ResultPath(int number) => $"{Link.Path}/results/{number}.png";

    public string InputPath(int number) => $"{Link.Path}/inputs/{number}";
}
