using DreamOmni2.Contracts;
using DreamOmni2.Engine.Packs;
using DreamOmni2.Translation.Vlm;
using Microsoft.Extensions.AI;

namespace DreamOmni2.Translation.Reflection;

/// <summary>
/// OmniGen2-style reflection: after each run of a job, show the VLM the inputs and the result with the instruction and
/// ask whether the result follows it; if not, fold the VLM's critique into the prompt and run again, up to a number of
/// rounds. The caller runs the jobs (the playground queues each round as a job of its own, so every round is kept).
/// It owns its chat client and disposes it.
/// </summary>
public sealed class ReflectionLoop(IChatClient chat, VlmTranslatorOptions options, IVlmImagePreparer? imagePreparer = null) : IDisposable
{
    private readonly VlmClient _vlm = new(chat, options, imagePreparer ?? ImagesAsGiven.Instance);

    /// <summary>Asks the VLM whether round <paramref name="number"/>'s result follows the request's instruction.</summary>
    /// <param name="request">The request as the person made it: its images and instruction are what the VLM checks against.</param>
    /// <param name="prompt">The prompt this round ran with.</param>
    /// <param name="result">The image this round produced.</param>
    public async Task<ReflectionRound> CheckAsync(
        int number, TranslationRequest request, string prompt, TranslationImage result, CancellationToken ct)
    {
        var answer = await _vlm.AskAsync([.. request.Images, result], Question(request), ct);
        if (answer.Failure is not null)
        {
            return new ReflectionRound(number, prompt, result, ReflectionVerdict.Unknown, "",
                $"{answer.Failure}: the result is kept unchecked");
        }
        var (verdict, critique) = ReflectionVerdictParser.Parse(answer.Text);
        var warning = verdict switch
        {
            ReflectionVerdict.Unknown => $"the VLM's verdict was neither yes nor no (\"{answer.Text.Trim()}\"): reflection stops",
            ReflectionVerdict.DoesNotFollow when critique.Length == 0 =>
                "the VLM said no without saying what must change: reflection stops",
            _ => null,
        };
        return new ReflectionRound(number, prompt, result, verdict, critique, warning);
    }

    /// <summary>The question shown after the inputs and the result.</summary>
    public static string Question(TranslationRequest request)
    {
        var task = request.Mode == GenerationMode.Edit ? "editing" : "generation";
        var images = request.Images.Count switch
        {
            0 => "The image is the result",
            1 => "The first image is the input and the last image is the result",
            var n => $"The first {n} images are the inputs and the last image is the result",
        };
        return $"{images} of this {task} instruction: \"{request.Instruction}\". Does the result follow the instruction? " +
            "Answer \"yes\" if it does; otherwise answer \"no: \" followed by what must change.";
    }

    /// <summary>
    /// What the round after <paramref name="round"/> runs with, or null when reflection stops there. A pack whose
    /// prompts are free text gets the critique added to the prompt and keeps the seed; a pack bound to the shape-world
    /// grammar cannot read a critique (its text encoder knows only the grammar's words), so it keeps the prompt and
    /// tries another seed.
    /// </summary>
    /// <param name="maxRounds">The most times the job runs, the first included.</param>
    public static NextRound? Next(ReflectionRound round, int maxRounds, PromptStyle style)
    {
        if (round.Number >= maxRounds || round.Verdict != ReflectionVerdict.DoesNotFollow || round.Warning is not null)
        {
            return null;
        }
        return TakesCritique(style)
            ? new NextRound(Revise(round.Prompt, round.Critique), NewSeed: false)
            : new NextRound(round.Prompt, NewSeed: true);
    }

    /// <summary>Whether a pack with prompts of this style can be given the VLM's critique (free text can; the shape-world
    /// grammar cannot).</summary>
    public static bool TakesCritique(PromptStyle style) => style == PromptStyle.Natural;

    /// <summary>The next round's prompt: the prompt with the critique added as a sentence of its own.</summary>
    public static string Revise(string prompt, string critique) => $"{prompt.TrimEnd(' ', '.')}. {critique}";

    public void Dispose() => chat.Dispose();
}
