namespace DreamOmni2.Translation.Vlm;

/// <summary>
/// Where the VLM translator finds its model: any OpenAI-compatible chat endpoint (vLLM, llama.cpp server, Ollama).
/// Bound from the configuration section <see cref="SectionName"/>; with no endpoint the built-in translator is used.
/// </summary>
public sealed record VlmTranslatorOptions
{
    public const string SectionName = "Translation:Vlm";

    /// <summary>The API's base address, up to and including "/v1" (e.g. http://localhost:8000/v1).</summary>
    public Uri? Endpoint { get; init; }

    /// <summary>The model name the server knows the VLM by; the translator is named "vlm:" followed by it.</summary>
    public string Model { get; init; } = "";

    /// <summary>Sent as a bearer token; local servers need none.</summary>
    public string? ApiKey { get; init; }

    /// <summary>How long one translation may take, retries included.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>How often a failed call (unreachable, HTTP 408/429/5xx) is tried again.</summary>
    public int MaxRetries { get; init; } = 2;

    /// <summary>The most tokens the VLM may write (the official scripts allow 4096).</summary>
    public int MaxOutputTokens { get; init; } = 4096;

    public bool IsConfigured => Endpoint is not null && !string.IsNullOrWhiteSpace(Model);

    /// <summary>What is wrong with these options, one sentence each; empty when they can be used.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Endpoint is null || !Endpoint.IsAbsoluteUri)
        {
            problems.Add($"{SectionName}:Endpoint must be an absolute address such as http://localhost:8000/v1");
        }
        if (string.IsNullOrWhiteSpace(Model))
        {
            problems.Add($"{SectionName}:Model must name the model the server serves");
        }
        if (Timeout <= TimeSpan.Zero)
        {
            problems.Add($"{SectionName}:Timeout must be positive, not {Timeout}");
        }
        if (MaxRetries < 0)
        {
            problems.Add($"{SectionName}:MaxRetries must be 0 or more, not {MaxRetries}");
        }
        if (MaxOutputTokens <= 0)
        {
            problems.Add($"{SectionName}:MaxOutputTokens must be positive, not {MaxOutputTokens}");
        }
        return problems;
    }
}
