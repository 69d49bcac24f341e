using System.Collections.Concurrent;
using DreamOmni2.Contracts;
using DreamOmni2.Server.Configuration;
using DreamOmni2.Server.Hosting;
using DreamOmni2.Translation;
using Microsoft.Extensions.Options;

namespace DreamOmni2.Server.Jobs;

/// <summary>
/// Translates a queued job's instruction into its prompt, beside the worker rather than in it: the worker only takes
/// jobs whose prompt is ready, so a slow VLM holds up its own job and nobody else's. A translation with problems ends
/// the job here, failed with the reasons, unless its request says to run it as written (<see cref="TranslationGate"/>);
/// with a shared queue this runs in the front end that took the job, so no worker ever claims it.
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
                try
                {
                    TranslationGate.Check(translation, spec.Settings.RunAsWritten);
                }
                catch (InvalidRequestException refused)
                {
                    Refuse(job, translation, refused.Error);
                    return;
                }
                board.StorePrompt(job, job.Record with { Outcome = job.Record.Outcome.With(translation) });
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
            Fail(job, job.Record.Outcome, JobErrors.From(e));
        }
        finally
        {
            _inFlight.TryRemove(job.Id, out _);
        }
    }

    /// <summary>Ends a job whose translation has problems and that was not asked to run as written, before it runs: its
    /// record keeps the translation, so the page shows what the translator read and why it stopped.</summary>
    private void Refuse(LiveJob job, InstructionTranslation translation, RequestError error)
    {
        logger.LogInformation("Job {Job} not run: {Reason}", job.Id, error.Message);
        Fail(job, job.Record.Outcome.With(translation), error);
    }

    private void Fail(LiveJob job, JobOutcome outcome, RequestError error)
    {
        board.EndQueued(job, job.Record with
        {
            State = JobState.Failed,
            Outcome = outcome with { Error = error, Finished = clock.GetUtcNow() },
        });
        board.SignalQueued();
    }
}
