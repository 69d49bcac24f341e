using DreamOmni2.Contracts;
using DreamOmni2.Server.Auth;
using DreamOmni2.Server.Components.Pages;
using DreamOmni2.Server.Jobs;
using DreamOmni2.TestSupport;

namespace DreamOmni2.Server.Tests.Jobs;

/// <summary>An ablation grid runs one prompt under four schemes without locking a prompt the person left unlocked.</summary>
public sealed class AblationSubmitTests : IDisposable
{
    private readonly TempFolder _data = new();

    [Fact]
    public async Task An_unlocked_prompt_is_translated_once_for_the_grid_and_the_form_it_fills_stays_unlocked()
    {
        using var host = PlaygroundHost.Start(_data.Path);
        var first = await host.UploadAsync(TestImages.Png(64, 64, 1));
        var second = await host.UploadAsync(TestImages.Png(64, 64, 2));

        var cells = await host.Jobs.SubmitAblationAsync(LocalUser.Name,
            Submissions.Of(GenerationMode.Edit, [first.Hash, second.Hash], "make image 1 look like image 2", steps: 1), CancellationToken.None);
        var done = new List<JobSnapshot>();
        foreach (var cell in cells)
        {
            done.Add(await host.Jobs.WatchUntilAsync(LocalUser.Name, cell.Id, s => s.State.IsFinished()));
        }

        Assert.All(done, cell => Assert.Null(cell.Record.Spec.Settings.LockedPrompt));
        Assert.Single(done.Select(cell => cell.Record.Outcome.Prompt).Distinct());
        Assert.Equal(EncodingScheme.All, done.Select(cell => cell.Record.Spec.Settings.Scheme));
        var form = EditorForm.From(done[0].Record, asRun: false);
        Assert.False(form.PromptLocked);
        Assert.Null(form.ToSubmission().Request.Prompt);
    }

    [Fact]
    public async Task A_prompt_the_person_locked_stays_locked()
    {
        using var host = PlaygroundHost.Start(_data.Path);

        var cells = await host.Jobs.SubmitAblationAsync(LocalUser.Name,
            Submissions.Of(GenerationMode.Generate, [], "a red circle", prompt: "a red circle on white", steps: 1), CancellationToken.None);

        Assert.All(cells, cell => Assert.Equal("a red circle on white", cell.Spec.Settings.LockedPrompt));
        Assert.True(EditorForm.From(cells[0], asRun: false).PromptLocked);
    }

    public void Dispose() => _data.Dispose();
}
