using System.Text.Json.Nodes;
using DreamOmni2.Contracts;
using DreamOmni2.Engine.Packs;
using DreamOmni2.Translation.Vlm;
using DreamOmni2.TestSupport;
using Microsoft.AspNetCore.Http;

namespace DreamOmni2.Translation.Tests.Vlm;

/// <summary>The VLM translator against a real OpenAI-compatible server on loopback.</summary>
public sealed class VlmInstructionTranslatorTests
{
    private static readonly TranslationImage Png = new(new byte[] { 0x89, 0x50, 0x4E, 0x47, 1 }, "image/png");
    private static readonly TranslationImage Jpeg = new(new byte[] { 0xFF, 0xD8, 0xFF, 2 }, "image/jpeg");
    private static readonly TranslationImage Webp = new(new byte[] { 0x52, 0x49, 0x46, 0x46, 3 }, "image/webp");

    private static TranslationRequest Edit(string instruction) =>
        new([Png, Jpeg, Webp], instruction, GenerationMode.Edit, PromptStyle.Natural);

    [Fact]
    public async Task Request_is_one_user_turn_with_the_images_in_order_then_the_instruction_and_task()
    {
        await using var server = await FakeOpenAiServer.AnsweringAsync("<gen>make the bag in image 1 have the leather of image 2</gen>");

        await Translate(server, Edit("bag with the jacket's leather"));

        var body = Assert.Single(server.Requests);
        Assert.Equal("dreamomni2-vlm", (string?)body["model"]);
        Assert.Equal(0.0, (double?)body["temperature"]);
        Assert.Equal(4096, (int?)body["max_tokens"]);
        var message = Assert.Single(body["messages"]!.AsArray())!;
        Assert.Equal("user", (string?)message["role"]);
        var parts = message["content"]!.AsArray();
        Assert.Equal(4, parts.Count);
        Assert.Equal(
        [
            "data:image/png;base64," + Convert.ToBase64String(Png.Bytes.ToArray()),
            "data:image/jpeg;base64," + Convert.ToBase64String(Jpeg.Bytes.ToArray()),
            "data:image/webp;base64," + Convert.ToBase64String(Webp.Bytes.ToArray()),
        ], parts.Take(3).Select(p => (string?)p!["image_url"]!["url"]));
        Assert.All(parts.Take(3), p => Assert.Equal("image_url", (string?)p!["type"]));
        Assert.Equal("text", (string?)parts[3]!["type"]);
        Assert.Equal("bag with the jacket's leather It is editing task.", (string?)parts[3]!["text"]);
    }

    [Fact]
    public async Task Generation_is_told_it_is_a_generation_task()
    {
        await using var server = await FakeOpenAiServer.AnsweringAsync("<gen>x</gen>");

        await Translate(server, new TranslationRequest([Png], "a cat", GenerationMode.Generate, PromptStyle.Natural));

        Assert.Equal("a cat It is generation task.", (string?)server.Requests[0]["messages"]![0]!["content"]![1]!["text"]);
    }

    [Fact]
    public async Task Output_token_limit_is_sent_as_max_tokens()
    {
        await using var server = await FakeOpenAiServer.AnsweringAsync("<gen>x</gen>");
        var options = VlmTestOptions.For(server.Endpoint) with { MaxOutputTokens = 321 };

        await new VlmInstructionTranslator(VlmChatClientFactory.Create(options), options)
            .TranslateAsync(Edit("x"), CancellationToken.None);

        var body = server.Requests[0].AsObject();
        Assert.Equal(321, (int?)body["max_tokens"]);
        Assert.False(body.ContainsKey("max_completion_tokens"));
    }

    [Fact]
    public async Task The_parsed_answer_is_the_prompt_and_the_whole_answer_is_kept()
    {
        const string answer = "<gen> make the bag in image 1 have the leather of image 2 </gen>";
        await using var server = await FakeOpenAiServer.AnsweringAsync(answer);

        var translation = await Translate(server, Edit("bag with the jacket's leather"));

        Assert.False(translation.FellBack);
        Assert.Equal("make the bag in image 1 have the leather of image 2", translation.Prompt);
        Assert.Equal(answer, translation.RawText);
        Assert.Equal("vlm:dreamomni2-vlm", translation.TranslatorName);
        Assert.Empty(translation.Warnings);
        Assert.True(translation.Elapsed > TimeSpan.Zero);
    }

    [Fact]
    public async Task Images_are_prepared_before_they_are_sent()
    {
        await using var server = await FakeOpenAiServer.AnsweringAsync("<gen>x</gen>");
        var options = VlmTestOptions.For(server.Endpoint);

        await new VlmInstructionTranslator(VlmChatClientFactory.Create(options), options, new AsJpegMarker())
            .TranslateAsync(Edit("x"), CancellationToken.None);

        var urls = server.Requests[0]["messages"]![0]!["content"]!.AsArray().Take(3).Select(p => (string?)p!["image_url"]!["url"]);
        Assert.All(urls, url => Assert.Equal("data:image/jpeg;base64," + Convert.ToBase64String([42]), url));
    }

    [Fact]
    public async Task An_empty_answer_falls_back_with_a_warning()
    {
        await using var server = await FakeOpenAiServer.AnsweringAsync("<gen>  </gen>");

        var translation = await Translate(server, Edit("bag with the jacket's leather"));

        AssertFellBack(translation, "the VLM's answer held no prompt");
        Assert.Equal("<gen>  </gen>", translation.RawText);
    }

    [Fact]
    public async Task A_closed_port_falls_back_with_a_warning()
    {
        var endpoint = new Uri($"http://127.0.0.1:{ClosedPort.Next()}/v1");
        var options = VlmTestOptions.For(endpoint);

        var translation = await new VlmInstructionTranslator(VlmChatClientFactory.Create(options), options)
            .TranslateAsync(Edit("bag with the jacket's leather"), CancellationToken.None);

        AssertFellBack(translation, $"the VLM at {endpoint} could not be reached");
    }

    [Fact]
    public async Task A_server_that_does_not_answer_in_time_falls_back_with_a_warning()
    {
        await using var server = await FakeOpenAiServer.StartAsync(
            async (_, context) => await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted));
        var options = VlmTestOptions.For(server.Endpoint) with { Timeout = TimeSpan.FromMilliseconds(300) };

        var translation = await new VlmInstructionTranslator(VlmChatClientFactory.Create(options), options)
            .TranslateAsync(Edit("bag with the jacket's leather"), CancellationToken.None);

        AssertFellBack(translation, "the VLM did not answer within 0.3 s");
        Assert.True(translation.Elapsed < TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Http_500_falls_back_with_a_warning()
    {
        await using var server = await FakeOpenAiServer.StartAsync((_, context) =>
        {
            context.Response.StatusCode = 500;
            return Task.CompletedTask;
        });

        var translation = await Translate(server, Edit("bag with the jacket's leather"));

        AssertFellBack(translation, $"the VLM at {server.Endpoint} answered HTTP 500");
    }

    [Fact]
    public async Task A_garbage_body_falls_back_with_a_warning()
    {
        await using var server = await FakeOpenAiServer.StartAsync((_, context) =>
        {
            context.Response.ContentType = "application/json";
            return context.Response.WriteAsync("<html>this is not a chat completion");
        });

        var translation = await Translate(server, Edit("bag with the jacket's leather"));

        AssertFellBack(translation, "the VLM's answer could not be read");
    }

    [Fact]
    public async Task A_failed_call_is_retried_as_configured()
    {
        await using var server = await FakeOpenAiServer.StartAsync((n, context) =>
        {
            if (n == 0)
            {
                context.Response.StatusCode = 503;
                return Task.CompletedTask;
            }
            return FakeOpenAiServer.WriteCompletionAsync(context, "<gen>make the star in image 1 large</gen>");
        });
        var options = VlmTestOptions.For(server.Endpoint) with { MaxRetries = 1 };

        var translation = await new VlmInstructionTranslator(VlmChatClientFactory.Create(options), options)
            .TranslateAsync(Edit("bigger star"), CancellationToken.None);

        Assert.False(translation.FellBack);
        Assert.Equal("make the star in image 1 large", translation.Prompt);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task Cancellation_by_the_caller_throws()
    {
        await using var server = await FakeOpenAiServer.StartAsync(
            async (_, context) => await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Translate(server, Edit("x"), cancel.Token));
    }

    private static Task<InstructionTranslation> Translate(
        FakeOpenAiServer server, TranslationRequest request, CancellationToken ct = default)
    {
        var options = VlmTestOptions.For(server.Endpoint);
        return new VlmInstructionTranslator(VlmChatClientFactory.Create(options), options).TranslateAsync(request, ct);
    }

    private static void AssertFellBack(InstructionTranslation translation, string reason)
    {
        Assert.True(translation.FellBack);
        Assert.Equal("bag with the jacket's leather", translation.Prompt);
        var problem = Assert.Single(translation.Problems);
        Assert.StartsWith(reason, problem);
        Assert.EndsWith("the instruction is used as written", problem);
        Assert.Empty(translation.Warnings);
    }

    private sealed class AsJpegMarker : IVlmImagePreparer
    {
        public ValueTask<TranslationImage> PrepareAsync(TranslationImage image, int imageNumber, CancellationToken ct) =>
            ValueTask.FromResult(new TranslationImage(new byte[] { 42 }, "image/jpeg"));
    }
}
