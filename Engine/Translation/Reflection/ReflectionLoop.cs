using System.Runtime.CompilerServices;
using DreamOmni2.Engine.Translation.Vlm;
using Microsoft.Extensions.AI;

namespace DreamOmni2.Engine.Translation.Reflection;

/// <summary>Runs one job for a prompt and returns the image it produced.</summary>
public delegate Task<TranslationImage> ReflectionJobRunner(string prompt, CancellationToken ct);

/// <summary>
/// OmniGen2-style reflection: run the job, show the VLM the inputs and the result with the instruction, and ask
/// whether the result follows it; if not, fold the VLM's critique into the prompt and run again, up to a number of
/// rounds. Every round is yielded as it completes, so a person sees each attempt and each verdict.
/// </summary>
public sealed class ReflectionLoop(IChatClient chat, VlmTranslatorOptions options, IVlmImagePreparer? imagePreparer = null)
{
    private readonly VlmClient vlm = new(chat, options, imagePreparer ?? ImagesAsGiven.Instance);

    /// <param name="request">The request as the person made it: its images and instruction are what the VLM checks against.</param>
    /// <param name="prompt">The prompt of the first round (the translation).</param>
    /// <param name="runJob">Runs the job for a prompt.</param>
    /// <param name="maxRounds">The most times the job runs, the first included.</param>
    public async IAsyncEnumerable<ReflectionRound> RunAsync(
        TranslationRequest request,
        string prompt,
        ReflectionJobRunner runJob,
        int maxRounds,
        [EnumeratorCancellation] CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRounds, 1);
        for (var number = 1; number <= maxRounds; number++)
        {
            var result = await runJob(prompt, ct);
            var round = await CheckAsync(number, request, prompt, result, ct);
            yield return round;
            if (round.Verdict != ReflectionVerdict.DoesNotFollow || round.Warning is not null)
            {
                yield break;
            }
            prompt = Revise(prompt, round.Critique);
        }
    }

    private async Task<ReflectionRound> CheckAsync(
        int number, TranslationRequest request, string prompt, TranslationImage result, CancellationToken ct)
    {
        var answer = await vlm.AskAsync([.. request.Images, result], Question(request), ct);
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

    /// <summary>The next round's prompt: the prompt with the critique added as a sentence of its own.</summary>
    public static string Revise(string prompt, string critique) => $"{prompt.TrimEnd(' ', '.')}. {critique}";
}
