using DreamOmni2.Contracts;
using DreamOmni2.Engine.Pipeline;
using DreamOmni2.Engine.Requests;

namespace DreamOmni2.Engine.Tests.Support;

/// <summary>Runs a request with a prompt, completed by the pipeline's pack rules, to its end.</summary>
public static class PipelineRuns
{
    public static async Task<List<PipelineEvent>> Events(
        this KontextPipeline pipeline, GenerationRequest request, IReadOnlyList<ReadOnlyMemory<byte>>? images = null, CancellationToken cancellationToken = default)
    {
        var events = new List<PipelineEvent>();
        await foreach (var e in pipeline.RunAsync(PipelineInput.ForPrompt(pipeline.Sessions.Rules, request, images ?? []), cancellationToken))
        {
            events.Add(e);
        }
        return events;
    }

    /// <summary>The result of a run that must complete.</summary>
    public static async Task<GenerationResult> Result(this KontextPipeline pipeline, GenerationRequest request, IReadOnlyList<ReadOnlyMemory<byte>>? images = null)
    {
        var events = await pipeline.Events(request, images);
        return Assert.IsType<PipelineEvent.Completed>(events[^1]).Result;
    }
}
