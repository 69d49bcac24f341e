using System.Text.Json;
using System.Text.Json.Serialization;
using DreamOmni2.Contracts;
using DreamOmni2.Engine.Imaging;

namespace DreamOmni2.Engine.Output;

/// <summary>
/// How an output was made, written as JSON into its PNG <c>parameters</c> chunk (the A1111/SwarmUI convention) so
/// that the file alone says how to reproduce it.
/// </summary>
/// <param name="Instruction">What the person asked for.</param>
/// <param name="Prompt">What the text encoders actually saw.</param>
/// <param name="Translator">The translator that made the prompt from the instruction; null when none did.</param>
public sealed record GenerationParameters(
    string Instruction,
    string Prompt,
    string? Translator,
    GenerationMode Mode,
    ulong Seed,
    int Steps,
    float Guidance,
    SchemeParameters Scheme,
    ImageSize Size,
    PackParameters Pack,
    string EngineVersion)
{
    private static readonly JsonSerializerOptions s_options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter<GenerationMode>(JsonNamingPolicy.SnakeCaseLower) },
    };

    public string ToJson() => JsonSerializer.Serialize(this, s_options);

    public static GenerationParameters? FromJson(string json) => JsonSerializer.Deserialize<GenerationParameters>(json, s_options);
}

public sealed record SchemeParameters(bool Index, bool Shift);

public sealed record PackParameters(string Name, string Hash);
