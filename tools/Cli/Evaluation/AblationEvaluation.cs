using System.Runtime.CompilerServices;
using DreamOmni2.Contracts;
using DreamOmni2.ShapeWorld.Judging;
using DreamOmni2.ShapeWorld.Scenes;
using DreamOmni2.DataFactory.Tasks;
using DreamOmni2.Engine.Imaging;
using DreamOmni2.Engine.Pipeline;
using DreamOmni2.Engine.Requests;
using DreamOmni2.Engine.Runtime;
using DreamOmni2.Translation;
using DreamOmni2.Engine;

namespace DreamOmni2.Cli.Evaluation;

/// <summary>
/// Table 5 of DreamOmni2 at toy scale: held-out shape-world cases run through the real pipeline under each encoding
/// scheme, each output judged against the case's ground truth.
/// </summary>
public sealed class AblationEvaluation(PackSessions sessions, IInstructionTranslator translator)
{
    public async IAsyncEnumerable<CaseOutcome> RunAsync(EvaluationPlan plan, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var pipeline = new KontextPipeline(sessions);
        foreach (var task in plan.Tasks)
        {
            for (int caseNumber = 0; caseNumber < plan.Cases; caseNumber++)
            {
                var sample = EditPlacements.Apply(ShapeWorldFactory.CreateHeldOut(plan.CaseSeed, caseNumber, task), plan.Placement);
                var images = sample.Inputs.Select(input => (ReadOnlyMemory<byte>)PngEncoder.Encode(input.Rgb, Canvas, Canvas)).ToList();
                var mode = ModeOf(task);
                var prompt = plan.Translate ? await TranslateAsync(sample, caseNumber, images, mode, cancellationToken) : sample.Prompt;
                foreach (var scheme in plan.Schemes)
                {
                    var request = new GenerationRequest
                    {
                        Mode = mode,
                        Prompt = prompt,
                        Seed = plan.NoiseSeed(caseNumber),
                        Steps = plan.Steps,
                        Scheme = scheme,
                        Previews = false,
                    };
                    var output = await RunToImageAsync(pipeline, PipelineInput.ForPrompt(sessions.Rules, request, images), cancellationToken);
                    yield return new CaseOutcome(sample, caseNumber, scheme, prompt, output, ShapeWorldJudge.Judge(sample, output));
                }
            }
        }
    }

    private const int Canvas = ShapeWorldValues.CanvasSize;

    private static GenerationMode ModeOf(TaskKind task) =>
        task is TaskKind.Edit or TaskKind.TextEdit ? GenerationMode.Edit : GenerationMode.Generate;

    private async Task<string> TranslateAsync(
        Sample sample, int caseNumber, IReadOnlyList<ReadOnlyMemory<byte>> images, GenerationMode mode, CancellationToken cancellationToken)
    {
        var phrasing = sample.LoosePhrasings[caseNumber % sample.LoosePhrasings.Count];
        var request = new TranslationRequest(
            images.Select(image => TranslationImage.FromEncoded(image.ToArray())).ToList(), phrasing, mode, sessions.Pack.Manifest.Prompt.Style);
        return (await translator.TranslateAsync(request, cancellationToken)).Prompt;
    }

    private static async Task<byte[]> RunToImageAsync(KontextPipeline pipeline, PipelineInput input, CancellationToken cancellationToken)
    {
        await foreach (var e in pipeline.RunAsync(input, cancellationToken))
        {
            switch (e)
            {
                case PipelineEvent.Failed failed:
                    System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failed.Error);
                    break;
                case PipelineEvent.Completed { Result.Image: var image }:
                    return image.Width == Canvas && image.Height == Canvas
                        ? image.Rgb
                        : throw new ArgumentException(
                            $"eval judges 64×64 shape-world outputs; this pack made {image.Width}×{image.Height} — use a shape-world pack such as packs/tiny");
            }
        }
        throw new InvalidOperationException("the pipeline ended without a result");
    }
}
