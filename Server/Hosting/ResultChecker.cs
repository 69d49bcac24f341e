using DreamOmni2.Translation;
using DreamOmni2.Translation.Reflection;
using DreamOmni2.Server.Jobs;
using DreamOmni2.Server.Storage;

namespace DreamOmni2.Server.Hosting;

/// <summary>
/// "Check and retry" for the playground: the VLM's check of a round's result against the request it came from.
/// Available only when reflection is enabled and a VLM is configured.
/// </summary>
public sealed class ResultChecker(ReflectionLoop? loop, int maxRounds, PlaygroundEngine engine, ContentStore store) : IDisposable
{
    public bool Available => loop is not null;

    /// <summary>The most times a request runs under check and retry, the first run included.</summary>
    public int MaxRounds { get; } = maxRounds;

    /// <summary>Shows the VLM the job's inputs, its result and its instruction, and reads the verdict.</summary>
    public Task<ReflectionRound> CheckAsync(JobRecord round, CancellationToken ct)
    {
        if (loop is null || round.Spec.Reflection is not { } reflection || round.Outcome.ResultHash is not { } result)
        {
            throw new InvalidOperationException($"job {round.Id} is not a finished round of check and retry");
        }
        var spec = round.Spec;
        var request = new TranslationRequest(
            spec.Images.Select(i => TranslationImage.FromEncoded(store.Read(i.Hash))).ToList(),
            spec.Settings.Instruction, spec.Settings.Mode, engine.Pack.Manifest.Prompt.Style);
        return loop.CheckAsync(reflection.Round, request, round.Outcome.Prompt!, TranslationImage.FromEncoded(store.Read(result)), ct);
    }

    public void Dispose() => loop?.Dispose();
}
