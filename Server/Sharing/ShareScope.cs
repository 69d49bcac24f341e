namespace DreamOmni2.Server.Sharing;

/// <summary>What a share link shows: one job, the four cells of an ablation grid, or the rounds of a check-and-retry chain.</summary>
public enum ShareScope
{
    Job,
    Ablation,
    Chain,
}
