using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace DreamOmni2.TestSupport;

/// <summary>
/// An OpenAI-compatible chat endpoint on 127.0.0.1 (a real Kestrel on a free port) that records the JSON of every
/// request and answers each with the next scripted reply.
/// </summary>
public sealed class FakeOpenAiServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<JsonNode> _requests = [];
    private readonly Func<int, HttpContext, Task> _reply;

    private FakeOpenAiServer(WebApplication app, Func<int, HttpContext, Task> reply)
    {
        _app = app;
        _reply = reply;
    }

    /// <summary>The base address a client is given, ending in /v1.</summary>
    public Uri Endpoint { get; private set; } = null!;

    /// <summary>The body of every request received, in order.</summary>
    public IReadOnlyList<JsonNode> Requests
    {
        get
        {
            lock (_requests)
            {
                return _requests.ToArray();
            }
        }
    }

    /// <param name="reply">Writes the answer to the request with the given 0-based number.</param>
    public static async Task<FakeOpenAiServer> StartAsync(Func<int, HttpContext, Task> reply)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel();
        var app = builder.Build();
        app.Urls.Add("http://127.0.0.1:0");
        var server = new FakeOpenAiServer(app, reply);
        app.MapPost("/v1/chat/completions", server.HandleAsync);
        await app.StartAsync();
        server.Endpoint = new Uri(app.Urls.Single() + "/v1");
        return server;
    }

    /// <summary>A server that answers the n-th request with the n-th text (the last one repeats).</summary>
    public static Task<FakeOpenAiServer> AnsweringAsync(params string[] answers) =>
        StartAsync((n, context) => WriteCompletionAsync(context, answers[Math.Min(n, answers.Length - 1)]));

    public static Task WriteCompletionAsync(HttpContext context, string content) =>
        context.Response.WriteAsJsonAsync(new JsonObject
        {
            ["id"] = "chatcmpl-loopback",
            ["object"] = "chat.completion",
            ["created"] = 0,
            ["model"] = "loopback",
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content },
                ["finish_reason"] = "stop",
            }),
            ["usage"] = new JsonObject { ["prompt_tokens"] = 1, ["completion_tokens"] = 1, ["total_tokens"] = 2 },
        });

    private async Task HandleAsync(HttpContext context)
    {
        var body = await JsonNode.ParseAsync(context.Request.Body) ?? new JsonObject();
        int number;
        lock (_requests)
        {
            _requests.Add(body);
            number = _requests.Count - 1;
        }
        await _reply(number, context);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
