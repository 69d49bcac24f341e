using DreamOmni2.Contracts;
using DreamOmni2.Engine.Requests;
using DreamOmni2.Engine;
using DreamOmni2.Server.Jobs;

namespace DreamOmni2.TestSupport;

/// <summary>Submissions as the page builds them: the engine's request and the uploads it uses.</summary>
public static class Submissions
{
    public static JobSubmission Of(
        GenerationMode mode, IReadOnlyList<string> images, string instruction, string? prompt = null, ulong? seed = null, int? steps = null, bool reflect = false) =>
        new(images, new GenerationRequest { Mode = mode, Instruction = instruction, Prompt = prompt, Seed = seed, Steps = steps }, reflect);
}
