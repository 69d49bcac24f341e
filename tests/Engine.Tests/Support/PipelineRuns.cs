using DreamOmni2.Engine.Pipeline;

namespace DreamOmni2.Engine.Tests.Support;

/// <summary>Runs a pipeline request to its end.</summary>
public static class PipelineRuns
{
    public static async Task<List<PipelineEvent>> Events(
        this KontextPipeline pipeline, GenerationRequest request, CancellationToken cancellationToken = default)
    {
        var events = new List<PipelineEvent>();
        await foreach (var e in pipeline.RunAsync(request, cancellationToken))
        {
            events.Add(e);
        }
        return events;
    }

    /// <summary>The result of a run that must complete.</summary>
    public static async Task<GenerationResult> Result(this KontextPipeline pipeline, GenerationRequest request)
    {
        var events = await pipeline.Events(request);
        return Assert.IsType<PipelineEvent.Completed>(events[^1]).Result;
    }
}
