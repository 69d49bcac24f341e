using System.ClientModel;
using System.Diagnostics;
using Microsoft.Extensions.AI;

namespace DreamOmni2.Translation.Vlm;

/// <summary>The VLM's reply to one question: its text, or why there is none, and how long it took.</summary>
internal sealed record VlmAnswer(string Text, string? Failure, TimeSpan Elapsed);

/// <summary>
/// Asks the VLM one question the way DreamOmni2 does: a single user turn with every image first (as data URIs) and
/// then the text, decoded greedily. Whatever goes wrong (unreachable, timeout, HTTP error, an answer that cannot be
/// read) comes back as a <see cref="VlmAnswer.Failure"/> a person can read, never as an exception; only cancellation
/// by the caller throws.
/// </summary>
internal sealed class VlmClient(IChatClient chat, VlmTranslatorOptions options, IVlmImagePreparer imagePreparer)
{
    public async Task<VlmAnswer> AskAsync(IEnumerable<TranslationImage> images, string text, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.Timeout);
        try
        {
            var contents = new List<AIContent>();
            int imageNumber = 0;
            foreach (var image in images)
            {
                var prepared = await imagePreparer.PrepareAsync(image, ++imageNumber, timeout.Token);
                contents.Add(new DataContent(prepared.Bytes, prepared.ContentType));
            }
            contents.Add(new TextContent(text));
            var chatOptions = new ChatOptions
            {
                ModelId = options.Model,
                Temperature = 0,
                MaxOutputTokens = options.MaxOutputTokens,
            };
            var response = await chat.GetResponseAsync([new ChatMessage(ChatRole.User, contents)], chatOptions, timeout.Token);
            return new VlmAnswer(response.Text, null, clock.Elapsed);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            return new VlmAnswer("", Describe(e), clock.Elapsed);
        }
    }

    private string Describe(Exception e)
    {
        if (Find<OperationCanceledException>(e) is not null || Find<TimeoutException>(e) is not null)
        {
            return $"the VLM did not answer within {options.Timeout.TotalSeconds:0.#} s";
        }
        if (e is ClientResultException { Status: > 0 } http)
        {
            return $"the VLM at {options.Endpoint} answered HTTP {http.Status}";
        }
        if (Find<HttpRequestException>(e) is { } unreachable)
        {
            return $"the VLM at {options.Endpoint} could not be reached ({unreachable.Message})";
        }
        return $"the VLM's answer could not be read ({e.Message})";
    }

    private static T? Find<T>(Exception? e) where T : Exception
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is T found)
            {
                return found;
            }
        }
        return null;
    }
}
