using System.Diagnostics;
using DreamOmni2.Engine.Pipeline;
using DreamOmni2.Engine.Translation.Reflection;
using DreamOmni2.Server.Configuration;
using DreamOmni2.Server.Hosting;
using DreamOmni2.Server.Storage;
using DreamOmni2.Server.Uploads;
using Microsoft.Extensions.Options;

namespace DreamOmni2.Server.Jobs;

/// <summary>
/// Runs one job: translation unless the prompt is locked, then the pipeline, publishing progress as it goes, then, for
/// a round of check and retry, the VLM's check of the result and the next round.
/// </summary>
public sealed class JobRunner(
    JobService jobs, PlaygroundEngine engine, PromptTranslator translator, ResultChecker checker, ContentStore store, FileOwnership ownership,
    IOptions<PlaygroundOptions> options, TimeProvider clock, ILogger<JobRunner> logger)
{
    private readonly int _previewQuality = options.Value.PreviewJpegQuality;

    /// <param name="stopping">The server is stopping: the job is left as running, and the next start runs it again.</param>
    public async Task RunAsync(LiveJob job, CancellationToken stopping)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping, job.Cancellation.Token);
        var ct = linked.Token;
        long started = Stopwatch.GetTimestamp();
        var record = job.Record;
        try
        {
            record = await TranslateAsync(job, record, ct);
            var spec = record.Spec;
            var request = new GenerationRequest
            {
                Mode = spec.Mode,
                Images = spec.Images.Select(i => (ReadOnlyMemory<byte>)store.Read(i.Hash)).ToList(),
                Prompt = record.Outcome.Prompt!,
                Instruction = spec.Instruction.Length > 0 ? spec.Instruction : null,
                Translator = record.Outcome.Translator,
                Seed = spec.Seed,
                Steps = spec.Steps,
                Guidance = spec.Guidance,
                Scheme = spec.Scheme,
                Previews = spec.Previews,
            };
            record = await RunPipelineAsync(job, record, request, started, ct);
            if (record.Spec.Reflection is not null)
            {
                record = await CheckResultAsync(job, record, ct);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            return;
        }
        catch (OperationCanceledException)
        {
            record = record with { State = JobState.Cancelled };
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Job {Job} failed", job.Id);
            record = record with { State = JobState.Failed, Outcome = record.Outcome with { Error = JobErrors.From(e) } };
        }
        jobs.Finish(job, record with { Outcome = record.Outcome with { Finished = clock.GetUtcNow() } });
    }

    private async Task<JobRecord> TranslateAsync(LiveJob job, JobRecord record, CancellationToken ct)
    {
        var spec = record.Spec;
        if (spec.LockedPrompt is { } locked)
        {
            return record with { Outcome = record.Outcome with { Prompt = locked } };
        }
        var translation = await translator.TranslateAsync(spec.Mode, spec.Images.Select(i => i.Hash).ToList(), spec.Instruction, ct);
        record = record with
        {
            Outcome = record.Outcome with
            {
                Prompt = translation.Prompt,
                Translator = translation.TranslatorName,
                TranslationMilliseconds = translation.Elapsed.TotalMilliseconds,
                TranslationWarnings = translation.Warnings,
                TranslationFellBack = translation.FellBack,
            },
        };
        jobs.Update(job, record);
        return record;
    }

    private async Task<JobRecord> RunPipelineAsync(LiveJob job, JobRecord record, GenerationRequest request, long started, CancellationToken ct)
    {
        var stepTime = TimeSpan.Zero;
        await foreach (var e in engine.Pipeline.RunAsync(request, ct))
        {
            switch (e)
            {
                case PipelineEvent.Prepared prepared:
                    record = record with { Outcome = record.Outcome with { Seed = prepared.Seed } };
                    jobs.Update(job, record);
                    job.SetProgress(0, prepared.Steps, null, null);
                    break;
                case PipelineEvent.Step step:
                    stepTime += step.Elapsed;
                    double secondsLeft = stepTime.TotalSeconds / step.Number * (step.Count - step.Number);
                    job.SetProgress(step.Number, step.Count, secondsLeft, Frame(step));
                    break;
                case PipelineEvent.Completed completed:
                    return Complete(record, completed.Result, started);
                case PipelineEvent.Failed failed:
                    throw failed.Error;
            }
        }
        throw new InvalidOperationException("the pipeline ended without a result");
    }

    /// <summary>The result is kept whatever the check gives: a failed or cancelled check only ends the chain.</summary>
    private async Task<JobRecord> CheckResultAsync(LiveJob job, JobRecord completed, CancellationToken ct)
    {
        jobs.Update(job, completed with { State = JobState.Running });
        ResultCheck check;
        try
        {
            var round = await checker.CheckAsync(completed, ct);
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
        return completed with { Outcome = completed.Outcome with { Check = check } };
    }

    private ResultCheck QueueNextRound(JobRecord completed, NextRound next, ResultCheck check)
    {
        try
        {
            return check with { NextJobId = jobs.SubmitNextRound(completed, next).Id };
        }
        catch (JobRejectedException e)
        {
            return check with { Warning = $"the next round could not be queued: {e.Error.Message}" };
        }
    }

    private PreviewFrame? Frame(PipelineEvent.Step step)
    {
        double endedAt = clock.GetUtcNow().ToUnixTimeMilliseconds();
        return step.Preview is { } preview ? new PreviewFrame(step.Number, preview, _previewQuality, endedAt) : null;
    }

    private JobRecord Complete(JobRecord record, GenerationResult result, long started)
    {
        string hash = store.Put(result.Png);
        string thumbnail = store.Put(UploadService.Thumbnail(result.Image));
        ownership.Grant(record.Owner, hash);
        ownership.Grant(record.Owner, thumbnail);
        var t = result.Timings;
        return record with
        {
            State = JobState.Completed,
            Outcome = record.Outcome with
            {
                ResultHash = hash,
                ResultThumbnailHash = thumbnail,
                Timings = new JobTimings(
                    t.Prepare.TotalMilliseconds, t.Denoise.TotalMilliseconds, t.OnnxDenoise.TotalMilliseconds, t.Decode.TotalMilliseconds,
                    Stopwatch.GetElapsedTime(started).TotalMilliseconds),
            },
        };
    }
}
