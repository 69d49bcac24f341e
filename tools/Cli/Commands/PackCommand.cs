using System.CommandLine;
using DreamOmni2.Contracts;
using DreamOmni2.Engine.Packs;
using DreamOmni2.Engine.Runtime;

namespace DreamOmni2.Cli.Commands;

/// <summary><c>dreamomni2 pack validate DIR</c>: loads a pack and opens every graph, listing every problem found.</summary>
public static class PackCommand
{
    public static Command Create(CliConsole console)
    {
        var directory = new Argument<string>("DIR") { Description = "the pack folder" };
        var provider = CommonOptions.Provider();
        var validate = new Command("validate", "check a pack's manifest, files and graphs") { directory, provider };
        validate.SetAction(parsed =>
        {
            try
            {
                using var sessions = PackSessions.Open(ModelPack.Load(parsed.GetValue(directory)!), parsed.GetValue(provider), new StderrLogger(console.Error));
                var m = sessions.Pack.Manifest;
                var modes = Enum.GetValues<GenerationMode>().Where(sessions.Supports).ToArray();
                var adapted = modes.Where(mode => m.Transformer.LoraAdapters?.For(mode) is not null).ToArray();
                console.Out.WriteLine(
                    $"pack '{m.Name}' is valid: modes {Names(modes)}; " +
                    (adapted.Length > 0 ? $"LoRA adapters for {Names(adapted)}; " : "") +
                    $"{m.TextEncoders.Count} text encoders; {m.Latent.Channels}-channel latent; {PreviewText(m.Latent.Preview)}; " +
                    (sessions.Pack.Examples.Count > 0 ? $"{sessions.Pack.Examples.Count} examples; " : "") +
                    $"hash {sessions.Pack.Hash}");
                return ExitCodes.Success;
            }
            catch (PackValidationException e)
            {
                console.Error.WriteLine(e.Message);
                return ExitCodes.BadInput;
            }
        });
        return new Command("pack", "model pack tools") { validate };
    }

    private static string PreviewText(PreviewSection preview) => preview.Kind switch
    {
        PreviewKind.Vae => "previews through the pack's VAE",
        PreviewKind.Decoder => $"previews through {preview.Decoder}",
        _ => "linear previews",
    };

    private static string Names(IEnumerable<GenerationMode> modes) =>
        string.Join(", ", modes.Select(mode => mode.ToString().ToLowerInvariant()));
}
