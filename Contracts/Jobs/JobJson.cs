using System.Text.Json;
using System.Text.Json.Serialization;

namespace DreamOmni2.Contracts;

/// <summary>How job specs and outcomes are written to the database and sent to API clients.</summary>
public static class JobJson
{
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        return options;
    }
}
