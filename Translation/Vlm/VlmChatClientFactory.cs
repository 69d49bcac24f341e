using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using OpenAI;

namespace DreamOmni2.Translation.Vlm;

/// <summary>Builds the <see cref="IChatClient"/> that talks to an OpenAI-compatible endpoint from <see cref="VlmTranslatorOptions"/>.</summary>
public static class VlmChatClientFactory
{
    /// <summary>OpenAI's client insists on a key; local servers ignore whatever is sent.</summary>
    private const string NoApiKey = "none";

    /// <exception cref="ArgumentException">The options cannot be used; the message lists every problem.</exception>
    public static IChatClient Create(VlmTranslatorOptions options)
    {
        var problems = options.Problems();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", problems), nameof(options));
        }
        var client = new OpenAIClient(
            new ApiKeyCredential(string.IsNullOrWhiteSpace(options.ApiKey) ? NoApiKey : options.ApiKey),
            new OpenAIClientOptions
            {
                Endpoint = options.Endpoint,
                NetworkTimeout = options.Timeout,
                RetryPolicy = new ClientRetryPolicy(options.MaxRetries),
            });
        return new MaxTokensChatClient(client.GetChatClient(options.Model).AsIChatClient());
    }
}
