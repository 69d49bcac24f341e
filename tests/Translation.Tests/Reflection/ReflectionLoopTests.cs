using System.Text.Json.Nodes;
using DreamOmni2.Contracts;
using DreamOmni2.Engine.Packs;
using DreamOmni2.Translation.Reflection;
using DreamOmni2.Translation.Tests.Vlm;
using DreamOmni2.Translation.Vlm;
using DreamOmni2.TestSupport;

namespace DreamOmni2.Translation.Tests.Reflection;

/// <summary>
/// Reflection against a scripted VLM on loopback, rounds driven as the playground drives them (check, then the next
/// prompt or stop), with a stand-in job that returns one image per run.
/// </summary>
public sealed class ReflectionLoopTests
{
    private const string FirstPrompt = "make the square in image 1 have the pattern of image 2";

    private static readonly TranslationRequest Request = new(
        [new TranslationImage(new byte[] { 1 }, "image/png"), new TranslationImage(new byte[] { 2 }, "image/png")],
        "give the square the stripes of the other picture", GenerationMode.Edit, PromptStyle.ShapeWorld);

    [Fact]
    public async Task A_no_then_a_yes_gives_two_rounds_the_second_with_the_critique_folded_in()
    {
        await using var server = await FakeOpenAiServer.AnsweringAsync("no: the square should be striped", "yes");
        var jobs = new RecordingJob();

        var rounds = await Run(server, jobs, maxRounds: 3);

        Assert.Equal(2, rounds.Count);
        Assert.Equal(new ReflectionRound(1, FirstPrompt, jobs.Results[0], ReflectionVerdict.DoesNotFollow, "the square should be striped", null), rounds[0]);
        const string revised = FirstPrompt + ". the square should be striped";
        Assert.Equal(new ReflectionRound(2, revised, jobs.Results[1], ReflectionVerdict.Follows, "", null), rounds[1]);
        Assert.Equal([FirstPrompt, revised], jobs.Prompts);
    }

    [Fact]
    public void A_free_text_pack_gets_the_critique_with_the_same_seed_and_a_grammar_bound_pack_the_same_prompt_with_another_seed()
    {
        var round = new ReflectionRound(1, FirstPrompt, new TranslationImage(new byte[] { 1 }, "image/png"), ReflectionVerdict.DoesNotFollow, "redder", null);

        Assert.Equal(new NextRound(FirstPrompt + ". redder", NewSeed: false), ReflectionLoop.Next(round, 3, PromptStyle.Natural));
        Assert.Equal(new NextRound(FirstPrompt, NewSeed: true), ReflectionLoop.Next(round, 3, PromptStyle.ShapeWorld));
        Assert.Null(ReflectionLoop.Next(round with { Number = 3 }, 3, PromptStyle.ShapeWorld));
        Assert.Null(ReflectionLoop.Next(round with { Verdict = ReflectionVerdict.Follows }, 3, PromptStyle.Natural));
    }

    [Fact]
    public async Task The_vlm_sees_the_inputs_then_the_result_then_the_question()
    {
        await using var server = await FakeOpenAiServer.AnsweringAsync("no: the square should be striped", "yes");
        var jobs = new RecordingJob();

        await Run(server, jobs, maxRounds: 3);

        Assert.Equal(2, server.Requests.Count);
        for (var round = 0; round < 2; round++)
        {
            var parts = server.Requests[round]["messages"]![0]!["content"]!.AsArray();
            Assert.Equal(
            [
                DataUri(Request.Images[0]), DataUri(Request.Images[1]), DataUri(jobs.Results[round]),
            ], parts.Take(3).Select(p => (string?)p!["image_url"]!["url"]));
            Assert.Equal(ReflectionLoop.Question(Request), (string?)parts[3]!["text"]);
        }
        Assert.Contains("\"give the square the stripes of the other picture\"", ReflectionLoop.Question(Request));
    }

    [Fact]
    public async Task It_stops_after_the_most_rounds_allowed()
    {
        await using var server = await FakeOpenAiServer.AnsweringAsync("no: still not striped");
        var jobs = new RecordingJob();

        var rounds = await Run(server, jobs, maxRounds: 3);

        Assert.Equal([1, 2, 3], rounds.Select(r => r.Number));
        Assert.All(rounds, r => Assert.Equal(ReflectionVerdict.DoesNotFollow, r.Verdict));
        Assert.Equal(3, jobs.Prompts.Count);
    }

    [Fact]
    public async Task A_vlm_that_cannot_be_asked_keeps_the_result_and_stops()
    {
        await using var server = await FakeOpenAiServer.StartAsync((_, context) =>
        {
            context.Response.StatusCode = 500;
            return Task.CompletedTask;
        });
        var jobs = new RecordingJob();

        var round = Assert.Single(await Run(server, jobs, maxRounds: 3));

        Assert.Equal(ReflectionVerdict.Unknown, round.Verdict);
        Assert.Equal(jobs.Results[0], round.Result);
        Assert.Equal($"the VLM at {server.Endpoint} answered HTTP 500: the result is kept unchecked", round.Warning);
    }

    [Theory]
    [InlineData("maybe", "the VLM's verdict was neither yes nor no (\"maybe\"): reflection stops")]
    [InlineData("no.", "the VLM said no without saying what must change: reflection stops")]
    public async Task An_answer_that_cannot_be_acted_on_stops_the_loop(string answer, string warning)
    {
        await using var server = await FakeOpenAiServer.AnsweringAsync(answer);

        var round = Assert.Single(await Run(server, new RecordingJob(), maxRounds: 3));

        Assert.Equal(warning, round.Warning);
    }

    [Fact]
    public async Task Reflection_exists_only_with_a_vlm_configured()
    {
        Assert.Null(InstructionTranslators.CreateReflectionLoop(null));
        Assert.Null(InstructionTranslators.CreateReflectionLoop(new VlmTranslatorOptions()));
        Assert.False(new ReflectionOptions().Enabled);
        await using var server = await FakeOpenAiServer.AnsweringAsync("yes");
        Assert.NotNull(InstructionTranslators.CreateReflectionLoop(VlmTestOptions.For(server.Endpoint)));
    }

    private static async Task<List<ReflectionRound>> Run(FakeOpenAiServer server, RecordingJob jobs, int maxRounds)
    {
        var options = VlmTestOptions.For(server.Endpoint);
        var loop = new ReflectionLoop(VlmChatClientFactory.Create(options), options);
        var rounds = new List<ReflectionRound>();
        for (string? prompt = FirstPrompt; prompt is not null; prompt = ReflectionLoop.Next(rounds[^1], maxRounds, PromptStyle.Natural)?.Prompt)
        {
            var result = await jobs.RunAsync(prompt, CancellationToken.None);
            rounds.Add(await loop.CheckAsync(rounds.Count + 1, Request, prompt, result, CancellationToken.None));
        }
        return rounds;
    }

    private static string DataUri(TranslationImage image) =>
        $"data:{image.ContentType};base64,{Convert.ToBase64String(image.Bytes.ToArray())}";

    /// <summary>A stand-in job: records each prompt and returns a different small image each run.</summary>
    private sealed class RecordingJob
    {
        public List<string> Prompts { get; } = [];

        public List<TranslationImage> Results { get; } = [];

        public Task<TranslationImage> RunAsync(string prompt, CancellationToken ct)
        {
            Prompts.Add(prompt);
            var result = new TranslationImage(new byte[] { 100, (byte)Prompts.Count }, "image/webp");
            Results.Add(result);
            return Task.FromResult(result);
        }
    }
}
