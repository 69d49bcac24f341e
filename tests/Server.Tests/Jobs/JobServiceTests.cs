using System.Net;
using System.Text;
using DreamOmni2.Contracts;
using DreamOmni2.Engine.Requests;
using DreamOmni2.Engine;
using DreamOmni2.Server.Auth;
using DreamOmni2.Server.Jobs;
using DreamOmni2.TestSupport;

namespace DreamOmni2.Server.Tests.Jobs;

public sealed class JobServiceTests : IDisposable
{
    private const string Owner = LocalUser.Name;
    private const int LongRun = RequestLimits.MaxSteps;
    private readonly TempFolder _data = new();

    [Fact]
    public async Task A_job_streams_previews_then_stores_its_result_and_a_history_row()
    {
        using var host = PlaygroundHost.Start(_data.Path);
        var first = await host.UploadAsync(TestImages.Png(160, 96, 1));
        var second = await host.UploadAsync(TestImages.Png(128, 128, 2));
        using var http = host.Http();

        var job = host.Jobs.Submit(Owner, Submissions.Of(
            GenerationMode.Edit, [first.Hash, second.Hash], "make image 1 look like image 2", steps: LongRun));
        var previewSteps = new List<int>();
        HttpResponseMessage? previewResponse = null;
        var done = await host.Jobs.WatchUntilAsync(Owner, job.Id, snapshot =>
        {
            if (snapshot.Preview is { } preview && !previewSteps.Contains(preview.Step))
            {
                previewSteps.Add(preview.Step);
            }
            if (snapshot is { State: JobState.Running, Preview: { } running } && previewResponse is null)
            {
                previewResponse = http.GetAsync($"/jobs/{job.Id}/preview.jpg?step={running.Step}").GetAwaiter().GetResult();
            }
            return snapshot.State.IsFinished();
        });

        Assert.Equal(JobState.Completed, done.State);
        Assert.NotEmpty(previewSteps);
        Assert.Equal(previewSteps.Order(), previewSteps);
        Assert.NotNull(previewResponse);
        Assert.Equal(HttpStatusCode.OK, previewResponse.StatusCode);
        Assert.Equal("image/jpeg", previewResponse.Content.Headers.ContentType?.MediaType);
        Assert.True(previewResponse.Headers.CacheControl?.NoStore);

        var result = await http.GetByteArrayAsync($"/jobs/{job.Id}/result.png");
        Assert.Contains("parameters", Encoding.Latin1.GetString(result));
        var row = Assert.Single(host.Jobs.History(Owner), r => r.Id == job.Id);
        Assert.Equal(JobState.Completed, row.State);
        Assert.NotNull(row.Outcome.Prompt);
        Assert.NotNull(row.Outcome.Timings);
        Assert.Equal([first.Hash, second.Hash], row.Spec.Images.Select(i => i.Hash));
    }

    [Fact]
    public async Task Cancelling_a_running_job_stops_it_and_keeps_its_inputs()
    {
        using var host = PlaygroundHost.Start(_data.Path);
        var image = await host.UploadAsync(TestImages.Png(128, 128, 3));
        var job = host.Jobs.Submit(Owner, Submissions.Of(GenerationMode.Edit, [image.Hash], "make image 1 red", steps: LongRun));

        await host.Jobs.WatchUntilAsync(Owner, job.Id, s => s.Step >= 1);
        Assert.False(host.Jobs.Remove(Owner, job.Id));
        Assert.True(host.Jobs.Cancel(Owner, job.Id));
        var done = await host.Jobs.WatchUntilAsync(Owner, job.Id, s => s.State.IsFinished());

        Assert.Equal(JobState.Cancelled, done.State);
        Assert.True(done.Step < LongRun);
        Assert.Equal(image.Hash, host.Jobs.Find(Owner, job.Id)!.Spec.Images[0].Hash);
    }

    [Fact]
    public async Task Removing_a_queued_job_takes_it_out_before_it_runs()
    {
        using var host = PlaygroundHost.Start(_data.Path);
        var image = await host.UploadAsync(TestImages.Png(128, 128, 4));
        var running = host.Jobs.Submit(Owner, Submissions.Of(GenerationMode.Edit, [image.Hash], "make image 1 red", steps: LongRun));
        await host.Jobs.WatchUntilAsync(Owner, running.Id, s => s.State == JobState.Running);
        var queued = host.Jobs.Submit(Owner, Submissions.Of(GenerationMode.Edit, [image.Hash], "make image 1 blue"));

        var waiting = await host.Jobs.WatchUntilAsync(Owner, queued.Id, s => s.State == JobState.Queued);
        Assert.Equal(1, waiting.QueuePosition);
        Assert.False(host.Jobs.Cancel(Owner, queued.Id));
        Assert.True(host.Jobs.Remove(Owner, queued.Id));
        Assert.Equal(JobState.Removed, host.Jobs.Find(Owner, queued.Id)!.State);

        Assert.True(host.Jobs.Cancel(Owner, running.Id));
        Assert.Equal(JobState.Cancelled, (await host.Jobs.WatchUntilAsync(Owner, running.Id, s => s.State.IsFinished())).State);
        Assert.Equal(JobState.Removed, host.Jobs.Find(Owner, queued.Id)!.State);
    }

    [Fact]
    public async Task A_restart_keeps_the_history_and_runs_what_was_left_in_the_queue()
    {
        string finished, interrupted, waiting;
        using (var before = PlaygroundHost.Start(_data.Path))
        {
            var image = await before.UploadAsync(TestImages.Png(128, 128, 5));
            finished = before.Jobs.Submit(Owner, Submissions.Of(GenerationMode.Edit, [image.Hash], "make image 1 red")).Id;
            await before.Jobs.WatchUntilAsync(Owner, finished, s => s.State.IsFinished());
            interrupted = before.Jobs.Submit(Owner, Submissions.Of(GenerationMode.Edit, [image.Hash], "make image 1 green", steps: LongRun)).Id;
            waiting = before.Jobs.Submit(Owner, Submissions.Of(GenerationMode.Edit, [image.Hash], "make image 1 blue")).Id;
            await before.Jobs.WatchUntilAsync(Owner, interrupted, s => s.Step >= 1);
        }

        using var after = PlaygroundHost.Start(_data.Path);
        Assert.Equal(JobState.Completed, after.Jobs.Find(Owner, finished)!.State);
        using var http = after.Http();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"/jobs/{finished}/result.png")).StatusCode);

        await after.Jobs.WatchUntilAsync(Owner, interrupted, s => s.State == JobState.Running);
        Assert.True(after.Jobs.Cancel(Owner, interrupted));
        Assert.Equal(JobState.Completed, (await after.Jobs.WatchUntilAsync(Owner, waiting, s => s.State.IsFinished())).State);
    }

    [Fact]
    public async Task A_submission_naming_someone_elses_or_no_image_is_refused_at_the_control_it_concerns()
    {
        using var host = PlaygroundHost.Start(_data.Path);

        var noSource = Assert.Throws<InvalidRequestException>(() =>
            host.Jobs.Submit(Owner, Submissions.Of(GenerationMode.Edit, [], "make it red")));
        var unknown = Assert.Throws<InvalidRequestException>(() =>
            host.Jobs.Submit(Owner, Submissions.Of(GenerationMode.Generate, [new string('a', 64)], "a red circle")));
        var steps = Assert.Throws<InvalidRequestException>(() =>
            host.Jobs.Submit(Owner, Submissions.Of(GenerationMode.Generate, [], "a red circle", steps: 0)));

        Assert.Equal(RequestField.Images, noSource.Error.Field);
        Assert.Equal(new RequestError(RequestField.Images, "image 1 is not one of your uploads — upload it again", 1), unknown.Error);
        Assert.Equal(RequestField.Steps, steps.Error.Field);
    }

    [Fact]
    public async Task Deleting_a_job_frees_its_result_files_unless_another_job_of_its_owner_has_the_same_result()
    {
        using var host = PlaygroundHost.Start(_data.Path);
        var image = await host.UploadAsync(TestImages.Png(128, 128, 6));
        var request = Submissions.Of(GenerationMode.Edit, [image.Hash], "make image 1 red", seed: 42);
        var first = host.Jobs.Submit(Owner, request);
        var second = host.Jobs.Submit(Owner, request);
        var firstResult = (await host.Jobs.WatchUntilAsync(Owner, first.Id, s => s.State.IsFinished())).Record.Outcome;
        var secondResult = (await host.Jobs.WatchUntilAsync(Owner, second.Id, s => s.State.IsFinished())).Record.Outcome;
        Assert.Equal(firstResult.ResultHash, secondResult.ResultHash);
        string resultFile = Path.Combine(_data.Path, "files", firstResult.ResultHash![..2], firstResult.ResultHash);
        string thumbnailFile = Path.Combine(_data.Path, "files", firstResult.ResultThumbnailHash![..2], firstResult.ResultThumbnailHash);
        using var http = host.Http();

        Assert.True(host.Jobs.Delete(Owner, first.Id));
        Assert.Null(host.Jobs.Find(Owner, first.Id));
        Assert.True(File.Exists(resultFile));
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"/jobs/{second.Id}/result.png")).StatusCode);

        Assert.True(host.Jobs.Delete(Owner, second.Id));
        Assert.False(File.Exists(resultFile));
        Assert.False(File.Exists(thumbnailFile));
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"/files/{firstResult.ResultHash}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"/files/{image.Hash}")).StatusCode);
        Assert.False(host.Jobs.Delete(Owner, second.Id));
    }

    public void Dispose() => _data.Dispose();
}
