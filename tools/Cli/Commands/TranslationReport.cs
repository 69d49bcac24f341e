using DreamOmni2.Translation;

namespace DreamOmni2.Cli.Commands;

/// <summary>Tells the person what the translator made of their instruction: the translator, its time and warnings.</summary>
internal static class TranslationReport
{
    public static async Task WriteAsync(InstructionTranslation translation, CliConsole console)
    {
        await console.Error.WriteLineAsync($"translator: {translation.TranslatorName} ({translation.Elapsed.TotalMilliseconds:0} ms)");
        foreach (var warning in translation.Warnings)
        {
            await console.Error.WriteLineAsync($"warning: {warning}");
        }
        if (translation.FellBack)
        {
            await console.Error.WriteLineAsync("note: the instruction could not be translated and is used as written");
        }
    }
}
