using System.Diagnostics;
using DreamOmni2.Contracts;
using DreamOmni2.Engine.Pipeline;
using DreamOmni2.Engine.Requests;
using DreamOmni2.Translation.Reflection;
using DreamOmni2.Engine;
using DreamOmni2.Server.Configuration;
using DreamOmni2.Server.Hosting;
using DreamOmni2.Server.Refusals;
using DreamOmni2.Server.Storage;
using DreamOmni2.Server.Uploads;
using Microsoft.Extensions.Options;

namespace DreamOmni2.Server.Jobs;

/// <summary>
/// Runs one job whose prompt is ready through the pipeline, within the job's time budget, publishing progress as it
/// goes. For a round of check and retry, the VLM's check of the result then runs beside the worker, which moves on.
/// </summary>
public sealed class JobRunner(
    JobBoard board, JobService jobs, PlaygroundEngine engine, ResultChecker checker, ContentStore store, FileOwnership ownership, JobMetrics metrics,
    IOptions<PlaygroundOptions> options, TimeProvider clock, ILogger<JobRunner> logger)
{
    private readonly int _previewQuality = options.Value.PreviewJpegQuality;
    private readonly TimeSpan _budget = options.Value.MaxJobDuration;

    /// <param name="stopping">The server is stopping: the job is left as running, and the next start runs it again.</param>
    public async Task RunAsync(LiveJob job, CancellationToken stopping)
    {
        using var budget = new CancellationTokenSource(_budget, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping, job.Cancellation.Token, budget.Token);
        var ct = linked.Token;
        long started = Stopwatch.GetTimestamp();
        var record = job.Record;
        var settings = record.Spec.Settings;
        // The outcome records the prompt the text encoders saw, whether translated or locked.
        record = record with { Outcome = record.Outcome with { Prompt = record.Outcome.Prompt ?? settings.LockedPrompt } };
        logger.LogInformation("Job {Job} of {Owner} started: {Mode}, {Images} images, {Steps} steps, {Scheme}",
            job.Id, job.Owner, settings.Mode.Name(), record.Spec.Images.Count, settings.Steps, settings.Scheme);
        int stepsDone = 0;
        var stepTime = TimeSpan.Zero;
        try
        {
            var input = new PipelineInput(
                settings,
                record.Spec.Images.Select(i => (ReadOnlyMemory<byte>)store.Read(i.Hash)).ToList(),
                record.Outcome.Prompt!,
                record.Outcome.Translator);
            await foreach (var e in engine.Pipeline.RunAsync(input, ct))
            {
                switch (e)
                {
                    case PipelineEvent.Prepared prepared:
                        board.Progress(job, 0, prepared.Steps, null, null);
                        break;
                    case PipelineEvent.Step step:
                        stepsDone = step.Number;
                        stepTime += step.Elapsed;
                        metrics.Stepped(step.Elapsed);
                        double secondsLeft = stepTime.TotalSeconds / step.Number * (step.Count - step.Number);
                        board.Progress(job, step.Number, step.Count, secondsLeft, Frame(step));
                        break;
                    case PipelineEvent.Completed completed:
                        record = Complete(record, completed.Result, started);
                        break;
                    case PipelineEvent.Failed failed:
                        throw failed.Error;
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            return;
        }
        catch (OperationCanceledException) when (budget.IsCancellationRequested && !job.Cancellation.IsCancellationRequested)
        {
            record = Failed(record, new RequestError(RequestField.Steps,
                $"the job ran past this server's time budget of {Duration(_budget)} after {stepsDone} of {settings.Steps} steps — run fewer steps or smaller images"));
        }
        catch (OperationCanceledException)
        {
            record = record with { State = JobState.Cancelled, Outcome = record.Outcome with { StoppedBy = job.StoppedBy } };
        }
        catch (Exception e) when (e is InvalidRequestException or RefusalException)
        {
            record = Failed(record, JobErrors.From(e));
        }
        catch (Exception e)
        {
            logger.LogError(e, "Job {Job} failed", job.Id);
            record = Failed(record, JobErrors.From(e));
        }
        Log(record, started);
        if (record is { State: JobState.Completed, Spec.Reflection: not null })
        {
            board.Update(job, record with { State = JobState.Checking });
            _ = Task.Run(() => CheckAsync(job, record));
            return;
        }
        board.Finish(job, record with { Outcome = record.Outcome with { Finished = clock.GetUtcNow() } });
    }

    private void Log(JobRecord record, long started)
    {
        double wall = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (record.State == JobState.Completed && record.Outcome.Timings is { } t)
        {
            logger.LogInformation("Job {Job} completed in {Wall:0} ms (prepare {Prepare:0} ms, denoise {Denoise:0} ms, decode {Decode:0} ms)",
                record.Id, wall, t.PrepareMilliseconds, t.DenoiseMilliseconds, t.DecodeMilliseconds);
        }
        else
        {
            logger.LogInformation("Job {Job} ended {State} after {Wall:0} ms{Reason}",
                record.Id, record.State.ToString().ToLowerInvariant(), wall, record.Outcome.Error is { } error ? ": " + error.Message : "");
        }
    }

    private static string Duration(TimeSpan span) =>
        span.TotalMinutes >= 1 ? $"{span.TotalMinutes:0.#} minutes" : $"{span.TotalSeconds:0.##} seconds";

    private static JobRecord Failed(JobRecord record, RequestError error) =>
        record with { State = JobState.Failed, Outcome = record.Outcome with { Error = error } };

    /// <summary>The result is kept whatever the check gives: a failed or cancelled check only ends the chain.</summary>
    private async Task CheckAsync(LiveJob job, JobRecord completed)
    {
        ResultCheck check;
        try
        {
            var round = await checker.CheckAsync(completed, job.Cancellation.Token);
            check = new ResultCheck(round.Verdict, round.Critique, round.Warning, null);
            if (ReflectionLoop.Next(round, completed.Spec.Reflection!.MaxRounds, engine.Pack.Manifest.Prompt.Style) is { } next)
            {
                check = QueueNextRound(completed, next, check with { Note = next.Note });
            }
        }
        catch (OperationCanceledException) when (job.Cancellation.IsCancellationRequested)
        {
            check = new ResultCheck(ReflectionVerdict.Unknown, "", "the check was cancelled: the result is kept unchecked", null);
        }
        catch (Exception e)
        {
            logger.LogWarning("Job {Job}: the result could not be checked: {Reason}", job.Id, e.Message);
            check = new ResultCheck(ReflectionVerdict.Unknown, "", $"the result could not be checked ({e.Message}): it is kept unchecked", null);
        }
        board.Finish(job, completed with { Outcome = completed.Outcome with { Check = check, Finished = clock.GetUtcNow() } });
    }

    private ResultCheck QueueNextRound(JobRecord completed, NextRound next, ResultCheck check)
    {
        try
        {
            return check with { NextJobId = jobs.SubmitNextRound(completed, next).Id };
        }
        catch (RefusalException e)
        {
            return check with { Warning = $"the next round could not be queued: {e.Message}" };
        }
    }

    private PreviewFrame? Frame(PipelineEvent.Step step)
    {
        double endedAt = clock.GetUtcNow().ToUnixTimeMilliseconds();
        return step.Preview is { } preview ? new PreviewFrame(step.Number, preview, _previewQuality, endedAt) : null;
    }

    private JobRecord Complete(JobRecord record, GenerationResult result, long started)
    {
        byte[] thumbnail = UploadService.Thumbnail(result.Image);
        string hash = store.Put(result.Png);
        string thumbnailHash = store.Put(thumbnail);
        ownership.Grant(record.Owner, hash, result.Png.Length);
        ownership.Grant(record.Owner, thumbnailHash, thumbnail.Length);
        var t = result.Timings;
        return record with
        {
            State = JobState.Completed,
            Outcome = record.Outcome with
            {
                ResultHash = hash,
                ResultThumbnailHash = thumbnailHash,
                Timings = new JobTimings(
                    t.Prepare.TotalMilliseconds, t.Denoise.TotalMilliseconds, t.OnnxDenoise.TotalMilliseconds, t.Decode.TotalMilliseconds,
                    Stopwatch.GetElapsedTime(started).TotalMilliseconds),
            },
        };
    }
}
