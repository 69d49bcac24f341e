using DreamOmni2.Contracts;
using DreamOmni2.Engine.Requests;

namespace DreamOmni2.Server.Jobs;

/// <summary>A job's request as it is stored and re-run: its images and its settings with every default filled in.</summary>
/// <param name="AblationGroup">The ablation this job is one scheme of, if any.</param>
/// <param name="Reflection">The "check and retry" round this job is, if the request asked for it.</param>
/// <param name="Pack">The pack whose rules completed the settings; only a worker with that pack runs the job.</param>
public sealed record JobSpec(
    IReadOnlyList<JobImage> Images,
    GenerationSettings Settings,
    string? AblationGroup,
    JobReflection? Reflection = null,
    string? Pack = null);

/// <summary>One input image of a job, stored by content hash.</summary>
public sealed record JobImage(string Hash, string ThumbnailHash, int Width, int Height, string Name);
