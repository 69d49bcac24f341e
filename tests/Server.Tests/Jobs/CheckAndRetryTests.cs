using DreamOmni2.Contracts;
using DreamOmni2.Engine.Requests;
using DreamOmni2.Translation.Reflection;
using DreamOmni2.Engine;
using DreamOmni2.Server.Auth;
using DreamOmni2.Server.Jobs;
using DreamOmni2.TestSupport;

namespace DreamOmni2.Server.Tests.Jobs;

/// <summary>Check and retry on the real server, judged by a scripted OpenAI-compatible VLM on loopback.</summary>
public sealed class CheckAndRetryTests : IDisposable
{
    private const string Owner = LocalUser.Name;
    private const string Prompt = "Make the square in image 1 red.";
    private readonly TempFolder _data = new();

    [Fact]
    public async Task A_no_queues_a_second_round_with_the_critique_and_the_same_seed_and_a_yes_ends_the_chain()
    {
        await using var vlm = await FakeOpenAiServer.AnsweringAsync("no: the square must be red all over", "yes");
        using var host = PlaygroundHost.Start(_data.Path, settings: VlmSettings(vlm, maxRounds: 3));
        var image = await host.UploadAsync(TestImages.Png(128, 128, 7));

        var first = host.Jobs.Submit(Owner, Submissions.Of(GenerationMode.Edit, [image.Hash], "paint the square red", Prompt, reflect: true));
        var firstDone = (await host.Jobs.WatchUntilAsync(Owner, first.Id, s => s.State.IsFinished())).Record;

        Assert.Equal(JobState.Completed, firstDone.State);
        var check = firstDone.Outcome.Check!;
        Assert.Equal(ReflectionVerdict.DoesNotFollow, check.Verdict);
        Assert.Equal("the square must be red all over", check.Critique);
        Assert.Null(check.Note);
        var secondId = check.NextJobId!;
        var secondDone = (await host.Jobs.WatchUntilAsync(Owner, secondId, s => s.State.IsFinished())).Record;

        Assert.Equal("Make the square in image 1 red. the square must be red all over", secondDone.Spec.Settings.LockedPrompt);
        Assert.Equal(firstDone.Spec.Settings.Seed, secondDone.Spec.Settings.Seed);
        Assert.Equal(new JobReflection(first.Spec.Reflection!.Chain, 2, 3), secondDone.Spec.Reflection);
        Assert.Equal(new ResultCheck(ReflectionVerdict.Follows, "", null, null), secondDone.Outcome.Check);
        Assert.Equal([first.Id, secondId], host.Jobs.Chain(Owner, first.Spec.Reflection.Chain).Select(r => r.Id));
        Assert.Equal(2, vlm.Requests.Count);
        var parts = vlm.Requests[0]["messages"]![0]!["content"]!.AsArray();
        Assert.Equal(["image_url", "image_url", "text"], parts.Select(p => (string?)p!["type"]));
        Assert.Contains("\"paint the square red\"", (string?)parts[2]!["text"]);
    }

    [Fact]
    public async Task On_the_shape_world_pack_a_no_retries_the_same_prompt_with_the_next_seed_and_says_why()
    {
        await using var vlm = await FakeOpenAiServer.AnsweringAsync("no: the square must be red all over", "yes");
        var settings = VlmSettings(vlm, maxRounds: 3);
        settings["Playground:PackPath"] = "packs/tiny";
        using var host = PlaygroundHost.Start(_data.Path, settings: settings);
        var image = await host.UploadAsync(TestImages.Png(64, 64, 7));
        const string shapeWorldPrompt = "make the square in image 1 red";

        var first = host.Jobs.Submit(Owner, Submissions.Of(GenerationMode.Edit, [image.Hash], "paint the square red", shapeWorldPrompt, reflect: true));
        var firstDone = (await host.Jobs.WatchUntilAsync(Owner, first.Id, s => s.State.IsFinished())).Record;
        var check = firstDone.Outcome.Check!;
        var secondDone = (await host.Jobs.WatchUntilAsync(Owner, check.NextJobId!, s => s.State.IsFinished())).Record;

        Assert.Equal(JobState.Completed, secondDone.State);
        Assert.Equal(NextRound.NewSeedNote, check.Note);
        Assert.Equal(shapeWorldPrompt, secondDone.Spec.Settings.LockedPrompt);
        Assert.Equal(firstDone.Spec.Settings.Seed + 1, secondDone.Spec.Settings.Seed);
        Assert.NotEqual(firstDone.Outcome.ResultHash, secondDone.Outcome.ResultHash);
    }

    [Fact]
    public async Task The_chain_stops_at_the_most_rounds_allowed_and_keeps_every_result()
    {
        await using var vlm = await FakeOpenAiServer.AnsweringAsync("no: redder");
        using var host = PlaygroundHost.Start(_data.Path, settings: VlmSettings(vlm, maxRounds: 2));
        var image = await host.UploadAsync(TestImages.Png(128, 128, 8));

        var first = host.Jobs.Submit(Owner, Submissions.Of(GenerationMode.Edit, [image.Hash], "paint the square red", Prompt, reflect: true));
        var next = (await host.Jobs.WatchUntilAsync(Owner, first.Id, s => s.State.IsFinished())).Record.Outcome.Check!.NextJobId!;
        var last = (await host.Jobs.WatchUntilAsync(Owner, next, s => s.State.IsFinished())).Record;

        Assert.Equal(ReflectionVerdict.DoesNotFollow, last.Outcome.Check!.Verdict);
        Assert.Null(last.Outcome.Check.NextJobId);
        var rounds = host.Jobs.Chain(Owner, first.Spec.Reflection!.Chain);
        Assert.Equal(2, rounds.Count);
        Assert.All(rounds, r => Assert.NotNull(r.Outcome.ResultHash));
    }

    [Fact]
    public async Task Without_a_vlm_check_and_retry_is_refused_with_what_to_configure()
    {
        using var host = PlaygroundHost.Start(_data.Path);
        var image = await host.UploadAsync(TestImages.Png(128, 128, 9));

        var refused = Assert.Throws<InvalidRequestException>(() =>
            host.Jobs.Submit(Owner, Submissions.Of(GenerationMode.Edit, [image.Hash], "paint the square red", reflect: true)));

        Assert.Equal(RequestField.General, refused.Error.Field);
        Assert.Contains("Translation:Vlm", refused.Error.Message);
        Assert.Null(host.Jobs.History(Owner).FirstOrDefault());
    }

    private static Dictionary<string, string?> VlmSettings(FakeOpenAiServer vlm, int maxRounds) => new()
    {
        ["Translation:Vlm:Endpoint"] = vlm.Endpoint.ToString(),
        ["Translation:Vlm:Model"] = "loopback-vlm",
        ["Translation:Reflection:Enabled"] = "true",
        ["Translation:Reflection:MaxRounds"] = maxRounds.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public void Dispose() => _data.Dispose();
}
