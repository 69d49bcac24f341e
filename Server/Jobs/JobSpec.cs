using System.Text.Json.Serialization;
using DreamOmni2.Engine;
using DreamOmni2.Engine.Latents;

namespace DreamOmni2.Server.Jobs;

/// <summary>A job's request, with every default already filled in, as it is stored and re-run.</summary>
/// <param name="LockedPrompt">The prompt to use as is; null: the instruction is translated when the job runs.</param>
/// <param name="Seed">Null: drawn when the job runs (the one used is in the outcome).</param>
/// <param name="AblationGroup">The ablation this job is one scheme of, if any.</param>
/// <param name="Reflection">The "check and retry" round this job is, if the request asked for it.</param>
public sealed record JobSpec(
    GenerationMode Mode,
    IReadOnlyList<JobImage> Images,
    string Instruction,
    string? LockedPrompt,
    ulong? Seed,
    int Steps,
    float Guidance,
    bool IndexEncoding,
    bool PositionShift,
    bool Previews,
    string? AblationGroup,
    JobReflection? Reflection = null)
{
    [JsonIgnore]
    public EncodingScheme Scheme => new(IndexEncoding, PositionShift);
}

/// <summary>One input image of a job, stored by content hash.</summary>
public sealed record JobImage(string Hash, string ThumbnailHash, int Width, int Height, string Name);
