using System.Runtime.CompilerServices;
using DreamOmni2.Engine.Runtime;

namespace DreamOmni2.Engine.Pipeline;

/// <summary>
/// Multi-reference FLUX.1 Kontext as DreamOmni2 runs it, streamed as events. The work runs on the thread pool, one
/// stage per event, and only when the consumer asks for the next event, so a slow consumer never has steps piling up.
/// </summary>
/// <remarks>
/// Cancelling the token stops the job before its next stage and terminates an ONNX Runtime run in flight; the
/// enumeration then throws <see cref="OperationCanceledException"/>. Any other error ends the stream with
/// <see cref="PipelineEvent.Failed"/>.
/// </remarks>
public sealed class KontextPipeline(PackSessions sessions)
{
    public PackSessions Sessions { get; } = sessions;

    public async IAsyncEnumerable<PipelineEvent> RunAsync(
        PipelineInput input, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var (job, failure) = await Attempt(() => KontextJob.Prepare(Sessions, input, cancellationToken), cancellationToken);
        if (job is null)
        {
            yield return new PipelineEvent.Failed(failure!);
            yield break;
        }
        using (job)
        {
            yield return job.Prepared;
            while (!job.IsDenoised)
            {
                var (step, stepFailure) = await Attempt(() => job.Step(cancellationToken), cancellationToken);
                if (step is null)
                {
                    yield return new PipelineEvent.Failed(stepFailure!);
                    yield break;
                }
                yield return step;
            }

            var (image, decodeFailure) = await Attempt(() => job.Decode(cancellationToken), cancellationToken);
            if (image is null)
            {
                yield return new PipelineEvent.Failed(decodeFailure!);
                yield break;
            }
            yield return new PipelineEvent.Decoded(image.Size, job.DecodeTime);

            var (result, completeFailure) = await Attempt(() => job.Complete(image), cancellationToken);
            yield return result is null ? new PipelineEvent.Failed(completeFailure!) : new PipelineEvent.Completed(result);
        }
    }

    /// <summary>Runs one stage on the thread pool; cancellation propagates, every other error is returned.</summary>
    private static async Task<(T? Value, Exception? Error)> Attempt<T>(Func<T> stage, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            return (await Task.Run(stage, cancellationToken), null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return (null, e);
        }
    }
}
