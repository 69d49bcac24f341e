using System.Text.Json.Serialization;
using DreamOmni2.Contracts;
using DreamOmni2.Engine.Requests;
using DreamOmni2.Translation;

namespace DreamOmni2.Server.Jobs;

/// <summary>What became of a job: the prompt and seed it used, its timings, and its result or error.</summary>
public sealed record JobOutcome
{
    public static JobOutcome None { get; } = new();

    /// <summary>The prompt the text encoders saw.</summary>
    public string? Prompt { get; init; }

    /// <summary>The translator that produced <see cref="Prompt"/>; null when the prompt was locked.</summary>
    public string? Translator { get; init; }

    public double? TranslationMilliseconds { get; init; }

    public IReadOnlyList<string> TranslationWarnings { get; init; } = [];

    public bool TranslationFellBack { get; init; }

    /// <summary>Why the translated prompt may not do what was asked; the job runs only as written when there are any.</summary>
    public IReadOnlyList<string> TranslationProblems { get; init; } = [];

    /// <summary>What the translator saw in each image, one line per image.</summary>
    public IReadOnlyList<string> TranslationReadings { get; init; } = [];

    public string? ResultHash { get; init; }

    public string? ResultThumbnailHash { get; init; }

    public JobTimings? Timings { get; init; }

    public RequestError? Error { get; init; }

    /// <summary>The VLM's check of the result, for a round of "check and retry".</summary>
    public ResultCheck? Check { get; init; }

    /// <summary>The admin who cancelled or removed the job, when not its owner.</summary>
    public string? StoppedBy { get; init; }

    public DateTimeOffset? Started { get; init; }

    public DateTimeOffset? Finished { get; init; }

    /// <summary>This outcome with the prompt a translator gave and what it said.</summary>
    public JobOutcome With(InstructionTranslation translation) => this with
    {
        Prompt = translation.Prompt,
        Translator = translation.TranslatorName,
        TranslationMilliseconds = translation.Elapsed.TotalMilliseconds,
        TranslationWarnings = translation.Warnings,
        TranslationFellBack = translation.FellBack,
        TranslationProblems = translation.Problems,
        TranslationReadings = translation.ImageReadings,
    };

    /// <summary>How the prompt was translated, as the page and API clients show it; null when it was locked.</summary>
    [JsonIgnore]
    public PromptTranslationInfo? TranslationInfo => Translator is { } translator
        ? new PromptTranslationInfo(translator, TranslationMilliseconds ?? 0, TranslationWarnings, TranslationFellBack)
        {
            Problems = TranslationProblems,
            ImageReadings = TranslationReadings,
        }
        : null;
}

/// <param name="OnnxDenoiseMilliseconds">The part of the denoising spent inside the transformer; the rest is the Euler steps and previews.</param>
/// <param name="WallMilliseconds">From the worker taking the job to its result being stored, translation and previews included.</param>
public sealed record JobTimings(
    double PrepareMilliseconds, double DenoiseMilliseconds, double OnnxDenoiseMilliseconds, double DecodeMilliseconds, double WallMilliseconds);
