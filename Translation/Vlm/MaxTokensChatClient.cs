using Microsoft.Extensions.AI;
using OpenAI.Chat;

namespace DreamOmni2.Translation.Vlm;

/// <summary>
/// Sends the output limit as "max_tokens", the field llama.cpp server, Ollama and vLLM all read, instead of the
/// "max_completion_tokens" the OpenAI SDK writes, which the first two ignore.
/// </summary>
internal sealed class MaxTokensChatClient(IChatClient inner) : DelegatingChatClient(inner)
{
    public override Task<ChatResponse> GetResponseAsync(
        IEnumerable<Microsoft.Extensions.AI.ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        base.GetResponseAsync(messages, WithMaxTokens(options), cancellationToken);

    public override IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<Microsoft.Extensions.AI.ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        base.GetStreamingResponseAsync(messages, WithMaxTokens(options), cancellationToken);

    private static ChatOptions? WithMaxTokens(ChatOptions? options)
    {
        if (options?.MaxOutputTokens is not { } limit)
        {
            return options;
        }
        var moved = options.Clone();
        moved.MaxOutputTokens = null;
        var rawFactory = options.RawRepresentationFactory;
        moved.RawRepresentationFactory = client =>
        {
            var raw = rawFactory?.Invoke(client) as ChatCompletionOptions ?? new ChatCompletionOptions();
            // JsonPatch is marked for evaluation; it is the SDK's only way to write a field it does not model.
#pragma warning disable SCME0001
            raw.Patch.Set("$.max_tokens"u8, limit);
#pragma warning restore SCME0001
            return raw;
        };
        return moved;
    }
}
