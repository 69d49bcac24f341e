using DreamOmni2.Contracts;

namespace DreamOmni2.Cli.Commands;

/// <summary>Tells the person what the translator made of their instruction: the translator, its time, what it saw in
/// each image, its warnings and its problems.</summary>
internal static class TranslationReport
{
    /// <summary>What a run stopped by the translator's problems tells the person to do.</summary>
    public const string AsWrittenHint = "add --as-written to run it anyway";

    public static async Task WriteAsync(PromptTranslationInfo translation, CliConsole console)
    {
        await console.Error.WriteLineAsync($"translator: {translation.Translator} ({translation.Milliseconds:0} ms)");
        foreach (var reading in translation.ImageReadings)
        {
            await console.Error.WriteLineAsync($"seen: {reading}");
        }
        foreach (var warning in translation.Warnings)
        {
            await console.Error.WriteLineAsync($"warning: {warning}");
        }
        foreach (var problem in translation.Problems)
        {
            await console.Error.WriteLineAsync($"problem: {problem}");
        }
        if (translation.FellBack)
        {
            await console.Error.WriteLineAsync("note: the instruction could not be translated and is used as written");
        }
    }
}
