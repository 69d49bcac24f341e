using System.CommandLine;
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
                console.Out.WriteLine(
                    $"pack '{m.Name}' is valid: modes {string.Join(", ", Enum.GetValues<Engine.GenerationMode>().Where(sessions.Supports).Select(x => x.ToString().ToLowerInvariant()))}; " +
                    $"{m.TextEncoders.Count} text encoders; {m.Latent.Channels}-channel latent; hash {sessions.Pack.Hash}");
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
}
