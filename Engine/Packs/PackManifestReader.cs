using System.Text.Json;
using System.Text.Json.Serialization;
using DreamOmni2.Contracts;

namespace DreamOmni2.Engine.Packs;

/// <summary>Parses <c>pack.json</c> (and the pack's other JSON files) strictly: unknown fields, missing fields and nulls where none is allowed are errors.</summary>
public static class PackManifestReader
{
    /// <summary>How a pack's JSON files are read: snake_case names, strictly.</summary>
    internal static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        Converters =
        {
            new ManifestEnumConverter<GraphOptimization>(JsonNamingPolicy.SnakeCaseLower),
            new ManifestEnumConverter<TextEmbeddingRole>(JsonNamingPolicy.SnakeCaseLower),
            new ManifestEnumConverter<PromptStyle>(JsonNamingPolicy.KebabCaseLower),
            new ManifestEnumConverter<PreviewKind>(JsonNamingPolicy.SnakeCaseLower),
            new ManifestEnumConverter<GenerationMode>(JsonNamingPolicy.SnakeCaseLower),
            new ImageSizeJsonConverter(),
        },
    };

    public static PackManifest Read(string path) => Parse(File.ReadAllBytes(path), path);

    /// <param name="source">The file the JSON came from, for messages.</param>
    public static PackManifest Parse(ReadOnlySpan<byte> json, string source) => Parse<PackManifest>(json, source, "the manifest");

    /// <summary>Any of a pack's JSON files, read as strictly as the manifest.</summary>
    /// <param name="what">What the file holds, for messages ("the manifest").</param>
    internal static T Parse<T>(ReadOnlySpan<byte> json, string source, string what)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, Options)
                ?? throw new PackValidationException($"{source}: {what} is null; expected an object");
        }
        catch (JsonException e)
        {
            throw new PackValidationException(Describe(source, e), e);
        }
    }

    private static string Describe(string source, JsonException e)
    {
        string where = e.LineNumber is { } line ? $"line {line + 1}" : "";
        string field = e.Path is { Length: > 2 } path ? path.TrimStart('$', '.') : "";
        if (field.Length > 0)
        {
            where += $"{(where.Length > 0 ? ", " : "")}field '{field}'";
        }
        // System.Text.Json appends its own " Path: … | LineNumber: …" to some messages; the prefix above says it better.
        string message = e.Message;
        int suffix = message.IndexOf(" Path: $", StringComparison.Ordinal);
        if (suffix >= 0)
        {
            message = message[..suffix];
        }
        return $"{source}: {(where.Length > 0 ? where + ": " : "")}{message}";
    }
}
