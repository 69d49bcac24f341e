using System.Collections.Concurrent;
using DreamOmni2.Contracts;
using DreamOmni2.Server.Configuration;
using DreamOmni2.Server.Hosting;
using Microsoft.Extensions.Options;

namespace DreamOmni2.Server.Jobs;

/// <summary>
/// Translates a queued job's instruction into its prompt, beside the worker rather than in it: the worker only takes
/// jobs whose prompt is ready, so a slow VLM holds up its own job and nobody else's.
/// </summary>
public sealed class JobTranslation(
    JobBoard board, PromptTranslator translator, IOptions<PlaygroundOptions> options, TimeProvider clock, ILogger<JobTranslation> logger)
{
    private readonly SemaphoreSlim _translations = new(options.Value.ConcurrentTranslations);
    private readonly ConcurrentDictionary<string, byte> _inFlight = new();

    /// <summary>The jobs whose instruction this process is translating or about to translate.</summary>
    public IReadOnlyCollection<string> InFlight => [.. _inFlight.Keys];

    /// <summary>Wakes the worker for a job that can run; one without a prompt yet gets it translated first.</summary>
    public void Prepare(LiveJob job)
    {
        if (job.PromptReady)
        {
            board.SignalReady();
        }
        else if (_inFlight.TryAdd(job.Id, 0))
        {
            _ = Task.Run(() => TranslateAsync(job));
        }
    }

    private async Task TranslateAsync(LiveJob job)
    {
        var ct = job.Cancellation.Token;
        try
        {
            await _translations.WaitAsync(ct);
            try
            {
                var spec = job.Record.Spec;
                var translation = await translator.TranslateAsync(spec.Settings.Mode, spec.Images.Select(i => i.Hash).ToList(), spec.Settings.Instruction, ct);
                board.StorePrompt(job, job.Record with
                {
                    Outcome = job.Record.Outcome with
                    {
                        Prompt = translation.Prompt,
                        Translator = translation.TranslatorName,
                        TranslationMilliseconds = translation.Elapsed.TotalMilliseconds,
                        TranslationWarnings = translation.Warnings,
                        TranslationFellBack = translation.FellBack,
                    },
                });
            }
            finally
            {
                _translations.Release();
            }
            board.SignalReady();
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Removed from the queue while it waited for its translation.
        }
        catch (Exception e)
        {
            logger.LogWarning("Job {Job}: the instruction could not be translated: {Reason}", job.Id, e.Message);
            board.EndQueued(job, job.Record with
            {
                State = JobState.Failed,
                Outcome = job.Record.Outcome with { Error = JobErrors.From(e), Finished = clock.GetUtcNow() },
            });
            board.SignalQueued();
        }
        finally
        {
            _inFlight.TryRemove(job.Id, out _);
        }
    }
}
