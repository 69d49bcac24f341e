using System.Text.Json;
using System.Text.Json.Serialization;

namespace DreamOmni2.Engine.Packs;

/// <summary>
/// Reads a manifest's enum value by its written name only (no numbers), and refuses any other with the names it takes,
/// so that a typo in <c>pack.json</c> says what would have been right.
/// </summary>
internal sealed class ManifestEnumConverter<TEnum>(JsonNamingPolicy naming) : JsonConverter<TEnum>
    where TEnum : struct, Enum
{
    private readonly (string Name, TEnum Value)[] _values =
        Enum.GetValues<TEnum>().Select(v => (naming.ConvertName(v.ToString()), v)).ToArray();

    public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        string? written = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        foreach (var (name, value) in _values)
        {
            if (string.Equals(name, written, StringComparison.Ordinal))
            {
                return value;
            }
        }
        string shown = written is null ? $"a {reader.TokenType.ToString().ToLowerInvariant()}" : $"'{written}'";
        throw new JsonException($"{shown} is not one of {string.Join(", ", _values.Select(v => $"'{v.Name}'"))}");
    }

    public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) =>
        writer.WriteStringValue(naming.ConvertName(value.ToString()));
}
