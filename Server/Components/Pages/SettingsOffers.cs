using DreamOmni2.Components.Recall;
using DreamOmni2.Contracts;
using DreamOmni2.Engine.Output;

namespace DreamOmni2.Server.Components.Pages;

/// <summary>The words the offer to recall a PNG's settings shows for each setting it carries.</summary>
public static class SettingsOffers
{
    private const int QuotedLength = 80;

    public static SettingsOfferText Describe(string fileName, RecalledSettings settings)
    {
        var shown = new List<string>();
        if (settings.Instruction is { } instruction)
        {
            shown.Add($"{(settings.Source == SettingsRecall.PlaygroundSource ? "instruction" : "prompt, as the instruction")} “{Quote(instruction)}”");
        }
        if (settings.Prompt is { } prompt)
        {
            shown.Add($"prompt “{Quote(prompt)}” (locked)");
        }
        if (settings.Mode is { } mode)
        {
            shown.Add(mode.Name());
        }
        if (settings.Seed is { } seed)
        {
            shown.Add($"seed {seed}");
        }
        if (settings.Steps is { } steps)
        {
            shown.Add($"{steps} steps");
        }
        if (settings.Guidance is { } guidance)
        {
            shown.Add($"guidance {guidance:0.##}");
        }
        if (settings.Scheme is { } scheme)
        {
            shown.Add($"encoding: {scheme.Label}");
        }
        return new SettingsOfferText(fileName, settings.Source, shown, settings.Notes);
    }

    private static string Quote(string text)
    {
        string line = text.ReplaceLineEndings(" ");
        return line.Length <= QuotedLength ? line : line[..QuotedLength] + "…";
    }
}
