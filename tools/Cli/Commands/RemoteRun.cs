using DreamOmni2.Client;
using DreamOmni2.Contracts;

namespace DreamOmni2.Cli.Commands;

/// <summary>
/// <c>dreamomni2 run --server URL</c>: the same request as a local run, sent to a playground server, with the same
/// progress bar from the server's step updates (the queue position while it waits), the same PNG written, and the
/// previews when asked for. Ctrl+C cancels the job on the server.
/// </summary>
internal sealed class RemoteRun(CliConsole console, Uri server, string? token)
{
    public const string TokenVariable = "DREAMOMNI2_TOKEN";

    /// <exception cref="ArgumentException">The address is not an http(s) URL.</exception>
    public static Uri Address(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var address) && address.Scheme is "http" or "https"
            ? address
            : throw new ArgumentException($"--server takes the playground's address, such as http://127.0.0.1:5080; got '{text}'");

    public async Task<int> RunAsync(GenerationRequest request, IReadOnlyList<FileInfo> images, FileInfo output, DirectoryInfo? previews, CancellationToken ct)
    {
        await using var client = await PlaygroundClient.ConnectAsync(server, token, ct);
        var hashes = new List<string>();
        for (int i = 0; i < images.Count; i++)
        {
            hashes.Add((await client.UploadAsync(RunCommand.ReadImage(images[i]), images[i].Name, i + 1, ct)).Hash);
        }
        var job = await client.SubmitAsync(new JobSubmission(hashes, request), ct);
        await console.Error.WriteLineAsync($"job: {new Uri(server, $"/jobs/{job.Id}")}");
        try
        {
            var finished = await FollowAsync(client, job.Id, previews, ct);
            if (finished.Translation is { } translation)
            {
                await console.Error.WriteLineAsync($"prompt: {finished.Prompt}");
                await TranslationReport.WriteAsync(translation, console);
            }
            if (finished.State != JobState.Completed)
            {
                await console.Error.WriteLineAsync($"error: the job {finished.State.ToString().ToLowerInvariant()}{(finished.Error is { } error ? $": {error.Message}" : "")}");
                if (finished.Error?.Field == RequestField.Translation)
                {
                    await console.Error.WriteLineAsync(TranslationReport.AsWrittenHint);
                }
                return finished.State == JobState.Cancelled ? ExitCodes.Cancelled : ExitCodes.BadInput;
            }
            await File.WriteAllBytesAsync(output.FullName, await client.DownloadResultAsync(job.Id, ct), ct);
            await console.Out.WriteLineAsync($"wrote {output.FullName} (seed {finished.Seed})");
            return ExitCodes.Success;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Ctrl+C: the job must not go on running on the server.
            if (!await client.CancelAsync(job.Id, CancellationToken.None))
            {
                await client.RemoveAsync(job.Id, CancellationToken.None);
            }
            throw;
        }
    }

    private async Task<JobUpdate> FollowAsync(PlaygroundClient client, string jobId, DirectoryInfo? previews, CancellationToken ct)
    {
        var progress = new ProgressBar(console);
        previews?.Create();
        var running = System.Diagnostics.Stopwatch.StartNew();
        int? shownPosition = null;
        int shownStep = 0;
        JobUpdate last = null!;
        await foreach (var update in client.WatchAsync(jobId, ct))
        {
            last = update;
            if (update is { State: JobState.Queued, QueuePosition: int position } && position != shownPosition)
            {
                shownPosition = position;
                await console.Error.WriteLineAsync($"queued: position {position}");
            }
            if (update.Step > shownStep)
            {
                if (shownStep == 0)
                {
                    running.Restart();
                }
                shownStep = update.Step;
                progress.Report(update.Step, update.Steps, running.Elapsed);
                if (previews is not null && update.PreviewUrl is { } preview)
                {
                    await SavePreviewAsync(client, preview, Path.Combine(previews.FullName, $"step-{update.Step:00}.jpg"), ct);
                }
            }
        }
        return last;
    }

    /// <summary>The server keeps only the latest frame: one it has moved past is skipped, as the page skips it.</summary>
    private static async Task SavePreviewAsync(PlaygroundClient client, string url, string path, CancellationToken ct)
    {
        try
        {
            await File.WriteAllBytesAsync(path, await client.DownloadAsync(url, ct), ct);
        }
        catch (PlaygroundRequestException e) when (e.StatusCode == 404)
        {
        }
    }
}
