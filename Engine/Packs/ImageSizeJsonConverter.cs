using System.Text.Json;
using System.Text.Json.Serialization;
using DreamOmni2.Contracts;
using DreamOmni2.Engine.Imaging;

namespace DreamOmni2.Engine.Packs;

/// <summary>Reads and writes a size as <c>[width, height]</c>, the way pack manifests list buckets.</summary>
internal sealed class ImageSizeJsonConverter : JsonConverter<ImageSize>
{
    public override ImageSize Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var sides = JsonSerializer.Deserialize<int[]>(ref reader, options);
        if (sides is not { Length: 2 })
        {
            throw new JsonException("a size is written [width, height]");
        }
        return new ImageSize(sides[0], sides[1]);
    }

    public override void Write(Utf8JsonWriter writer, ImageSize value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        writer.WriteNumberValue(value.Width);
        writer.WriteNumberValue(value.Height);
        writer.WriteEndArray();
    }
}
