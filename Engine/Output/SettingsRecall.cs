using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using DreamOmni2.Contracts;

namespace DreamOmni2.Engine.Output;

/// <summary>
/// Reads the settings back out of a PNG's <c>parameters</c> text: this playground's JSON (<see cref="GenerationParameters"/>),
/// SwarmUI's JSON (<c>sui_image_params</c>) or A1111's lines ("prompt", "Negative prompt: …", "Steps: 20, Sampler: …,
/// CFG scale: 7, Seed: 123, Size: 512x512, …"). Whatever the text holds, it never throws: values it cannot read or that
/// are out of bounds are left out with a note, and a text that is none of these gives nothing, with the reason.
/// </summary>
public static partial class SettingsRecall
{
    /// <summary>Longest text read; a parameters chunk is a few hundred characters, so anything far longer is not one.</summary>
    public const int MaxTextLength = 64 * 1024;

    public const string PlaygroundSource = "DreamOmni2 Playground";
    public const string A1111Source = "A1111-style";
    public const string SwarmSource = "SwarmUI";

    private const string A1111StepsKey = "Steps";
    private const string A1111NegativePrefix = "Negative prompt:";

    public static RecalledSettings Read(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return RecalledSettings.Nothing("", "the parameters text is empty");
        }
        if (text.Length > MaxTextLength)
        {
            return RecalledSettings.Nothing("", $"the parameters text is {text.Length:N0} characters long, more than the {MaxTextLength:N0} a settings text takes — it was not read");
        }
        string trimmed = text.Trim();
        return trimmed.StartsWith('{') ? ReadJson(trimmed) : ReadA1111(trimmed);
    }

    private static RecalledSettings ReadJson(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 16 });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return RecalledSettings.Nothing("", "the parameters text is JSON but not an object of settings");
            }
            if (root.TryGetProperty("sui_image_params", out var swarm) && swarm.ValueKind == JsonValueKind.Object)
            {
                var notes = new List<string>();
                return new RecalledSettings(SwarmSource,
                    Text(swarm, "prompt", "prompt", notes), null, null,
                    Seed(swarm, "seed", notes), Steps(swarm, "steps", notes), Guidance(swarm, "cfgscale", notes), null, notes);
            }
            var ours = new List<string>();
            return new RecalledSettings(PlaygroundSource,
                Text(root, "instruction", "instruction", ours), Text(root, "prompt", "prompt", ours), Mode(root, ours),
                Seed(root, "seed", ours), Steps(root, "steps", ours), Guidance(root, "guidance", ours), Scheme(root, ours), ours);
        }
        catch (JsonException e)
        {
            return RecalledSettings.Nothing("", $"the parameters text looks like JSON but cannot be read ({e.Message})");
        }
    }

    /// <summary>A1111's layout: the prompt's lines, an optional "Negative prompt:" block, and a last line of "Key: value" pairs starting with Steps.</summary>
    private static RecalledSettings ReadA1111(string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        int settingsLine = Array.FindLastIndex(lines, line => line.TrimStart().StartsWith(A1111StepsKey + ":", StringComparison.Ordinal));
        if (settingsLine < 0)
        {
            return RecalledSettings.Nothing("", "the parameters text is neither this playground's nor A1111's or SwarmUI's, so no settings were taken from it");
        }
        int negative = Array.FindIndex(lines, 0, settingsLine, line => line.StartsWith(A1111NegativePrefix, StringComparison.Ordinal));
        string prompt = string.Join('\n', lines[..(negative >= 0 ? negative : settingsLine)]).Trim();
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (Match pair in A1111Pair().Matches(lines[settingsLine]))
        {
            values.TryAdd(pair.Groups[1].Value.Trim(), Unquote(pair.Groups[2].Value.Trim()));
        }
        var notes = new List<string>();
        if (negative >= 0)
        {
            notes.Add("its negative prompt is not used: this model has no negative prompt");
        }
        var settings = new RecalledSettings(A1111Source,
            Bounded(prompt.Length > 0 ? prompt : null, "prompt", notes), null, null,
            SeedText(values.GetValueOrDefault("Seed"), notes),
            StepsValue(int.TryParse(values.GetValueOrDefault(A1111StepsKey), NumberStyles.Integer, CultureInfo.InvariantCulture, out int steps) ? steps : null,
                values.ContainsKey(A1111StepsKey), notes),
            GuidanceValue(float.TryParse(values.GetValueOrDefault("CFG scale"), NumberStyles.Float, CultureInfo.InvariantCulture, out float cfg) ? cfg : null,
                values.ContainsKey("CFG scale"), notes),
            null, notes);
        var unused = values.Keys.Where(key => key is not (A1111StepsKey or "Seed" or "CFG scale")).ToList();
        if (unused.Count > 0)
        {
            notes.Add($"not used here: {string.Join(", ", unused.Take(8))}{(unused.Count > 8 ? ", …" : "")}");
        }
        return settings;
    }

    private static string? Text(JsonElement parent, string property, string name, List<string> notes) =>
        parent.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? Bounded(value.GetString() is { Length: > 0 } text ? text : null, name, notes)
            : null;

    private static string? Bounded(string? text, string name, List<string> notes)
    {
        if (text is { Length: > RequestLimits.MaxTextLength })
        {
            notes.Add($"its {name} is {text.Length:N0} characters long, more than the {RequestLimits.MaxTextLength:N0} a request takes — left out");
            return null;
        }
        return text;
    }

    private static GenerationMode? Mode(JsonElement root, List<string> notes)
    {
        if (!root.TryGetProperty("mode", out var value))
        {
            return null;
        }
        string? name = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        GenerationMode? mode = name switch
        {
            "edit" => GenerationMode.Edit,
            "generate" => GenerationMode.Generate,
            _ => null,
        };
        if (mode is null)
        {
            notes.Add("its mode is neither edit nor generate — left out");
        }
        return mode;
    }

    private static ulong? Seed(JsonElement parent, string property, List<string> notes)
    {
        if (!parent.TryGetProperty(property, out var value))
        {
            return null;
        }
        return SeedText(value.ValueKind is JsonValueKind.Number or JsonValueKind.String ? value.ToString() : "", notes);
    }

    /// <summary>A seed as a whole number from 0 up; A1111's -1 means "random", which the form already is by default.</summary>
    private static ulong? SeedText(string? text, List<string> notes)
    {
        if (text is null)
        {
            return null;
        }
        if (ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out ulong seed))
        {
            return seed;
        }
        notes.Add(text == "-1" ? "its seed is -1 (random): the seed is left random" : "its seed is not a whole number from 0 up — left out");
        return null;
    }

    private static int? Steps(JsonElement parent, string property, List<string> notes)
    {
        bool present = parent.TryGetProperty(property, out var value);
        return StepsValue(present && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out int steps) ? steps : null, present, notes);
    }

    private static int? StepsValue(int? steps, bool present, List<string> notes)
    {
        if (steps is >= RequestLimits.MinSteps and <= RequestLimits.MaxSteps)
        {
            return steps;
        }
        if (present)
        {
            notes.Add($"its steps are not a whole number from {RequestLimits.MinSteps} to {RequestLimits.MaxSteps} — left out");
        }
        return null;
    }

    private static float? Guidance(JsonElement parent, string property, List<string> notes)
    {
        bool present = parent.TryGetProperty(property, out var value);
        return GuidanceValue(present && value.ValueKind == JsonValueKind.Number && value.TryGetSingle(out float guidance) ? guidance : null, present, notes);
    }

    private static float? GuidanceValue(float? guidance, bool present, List<string> notes)
    {
        if (guidance is { } g && float.IsFinite(g) && g is >= RequestLimits.MinGuidance and <= RequestLimits.MaxGuidance)
        {
            return g;
        }
        if (present)
        {
            notes.Add($"its guidance is not a number from {RequestLimits.MinGuidance} to {RequestLimits.MaxGuidance} — left out");
        }
        return null;
    }

    private static EncodingScheme? Scheme(JsonElement root, List<string> notes)
    {
        if (!root.TryGetProperty("scheme", out var scheme))
        {
            return null;
        }
        if (scheme.ValueKind == JsonValueKind.Object
            && scheme.TryGetProperty("index", out var index) && index.ValueKind is JsonValueKind.True or JsonValueKind.False
            && scheme.TryGetProperty("shift", out var shift) && shift.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return new EncodingScheme(index.GetBoolean(), shift.GetBoolean());
        }
        notes.Add("its encoding scheme cannot be read — left out");
        return null;
    }

    private static string Unquote(string value) =>
        value.Length >= 2 && value[0] == '"' && value[^1] == '"' ? value[1..^1].Replace("\\\"", "\"", StringComparison.Ordinal) : value;

    /// <summary>One "Key: value" of A1111's settings line; a value with commas is quoted (A1111's own pattern), matched in linear time.</summary>
    [GeneratedRegex("""\s*(\w[\w \-/]+):\s*("(?:\\.|[^\\"])+"|[^,]*)(?:,|$)""", RegexOptions.NonBacktracking, matchTimeoutMilliseconds: 1000)]
    private static partial Regex A1111Pair();
}
