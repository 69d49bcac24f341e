using System.CommandLine;
using DreamOmni2.Contracts;
using DreamOmni2.Engine.Imaging;
using DreamOmni2.Engine.Latents;
using DreamOmni2.Engine.Packs;
using DreamOmni2.Engine.Pipeline;
using DreamOmni2.Engine.Requests;
using DreamOmni2.Engine.Runtime;
using DreamOmni2.ShapeWorld.Reading;
using DreamOmni2.Translation;
using DreamOmni2.Engine;

namespace DreamOmni2.Cli.Commands;

/// <summary><c>dreamomni2 run</c>: one edit or generation, written as a PNG that carries its parameters.</summary>
public static class RunCommand
{
    public static Command Create(CliConsole console)
    {
        var pack = CommonOptions.Pack();
        var provider = CommonOptions.Provider();
        var threads = CommonOptions.Threads();
        var mode = new Option<string>("--mode") { Description = "edit: image 1 is edited; generate: every image is a reference", DefaultValueFactory = _ => "edit" };
        mode.AcceptOnlyFromAmong("edit", "generate");
        var images = new Option<FileInfo[]>("--image") { Description = "an input image (PNG, JPEG, WebP); repeat in order", HelpName = "PATH" };
        var prompt = new Option<string>("--prompt") { Description = "the prompt as the text encoders should see it" };
        var instruction = new Option<string>("--instruction") { Description = "what you want, in your own words; the built-in translator turns it into the prompt" };
        var seed = new Option<ulong?>("--seed") { Description = "random seed; drawn and reported when left out" };
        var steps = new Option<int?>("--steps") { Description = "denoising steps (default: the pack's)" };
        var guidance = new Option<float?>("--guidance") { Description = "guidance scale (default: the pack's)" };
        var index = OnOff("--index", "index encoding: reference i gets position axis0 = i (default: the pack's)");
        var shift = OnOff("--shift", "position shift: references sit side by side in column space (default: the pack's)");
        var size = new Option<string>("--size") { Description = "generation only: the aspect ratio wanted, as WxH, fitted to the pack's area", HelpName = "WxH" };
        var output = new Option<FileInfo>("--out") { Description = "where to write the PNG", Required = true, HelpName = "FILE.png" };
        var previews = new Option<DirectoryInfo>("--previews") { Description = "write each step's preview here as step-NN.png (step-NN.jpg from a server)", HelpName = "DIR" };
        var server = new Option<string>("--server") { Description = "run on a playground server instead of here (its pack is used)", HelpName = "URL" };
        var token = new Option<string>("--token") { Description = $"an access token for the server (default: ${RemoteRun.TokenVariable})", HelpName = "TOKEN" };
        var asWritten = new Option<bool>("--as-written")
        {
            Description = "run even when the translator has a problem with the instruction (it could not translate it, or it contradicts the images)",
        };

        var command = new Command("run", "edit or generate one image")
        {
            pack, provider, threads, mode, images, prompt, instruction, seed, steps, guidance, index, shift, size, output, previews, server, token, asWritten,
        };
        command.Validators.Add(result =>
        {
            // Presence only: reading a value here would throw for an option given twice, which the parser reports itself.
            if ((result.GetResult(prompt) is null) == (result.GetResult(instruction) is null))
            {
                result.AddError("give exactly one of --prompt and --instruction");
            }
        });
        GenerationRequest RequestFrom(ParseResult parsed, EncodingScheme? trained) => new()
        {
            Mode = parsed.GetValue(mode) == "generate" ? GenerationMode.Generate : GenerationMode.Edit,
            Instruction = parsed.GetValue(instruction),
            Prompt = parsed.GetValue(prompt),
            Seed = parsed.GetValue(seed),
            Steps = parsed.GetValue(steps),
            Guidance = parsed.GetValue(guidance),
            Scheme = Scheme(trained, IsOn(parsed, index), IsOn(parsed, shift)),
            OutputSize = parsed.GetValue(size) is { } wanted ? ParseSize(wanted) : null,
            Previews = parsed.GetValue(previews) is not null,
            RunAsWritten = parsed.GetValue(asWritten),
        };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var imageFiles = parsed.GetValue(images) ?? [];
            if (parsed.GetValue(server) is { } address)
            {
                var remote = new RemoteRun(console, RemoteRun.Address(address), parsed.GetValue(token) ?? Environment.GetEnvironmentVariable(RemoteRun.TokenVariable));
                return await remote.RunAsync(RequestFrom(parsed, null), imageFiles, parsed.GetValue(output)!, parsed.GetValue(previews), cancellationToken);
            }
            var logger = new StderrLogger(console.Error);
            using var sessions = PackSessions.Open(
                ModelPack.Load(parsed.GetValue(pack) ?? PackLocator.DefaultPack()), parsed.GetValue(provider), logger, parsed.GetValue(threads));
            var imageBytes = imageFiles.Select(ReadImage).ToList();
            var request = RequestFrom(parsed, sessions.Rules.TrainedScheme);
            var settings = sessions.Rules.Complete(request, imageBytes.Count);
            InstructionTranslation? translation = null;
            if (settings.LockedPrompt is null)
            {
                var translationRequest = new TranslationRequest(
                    imageBytes.Select(b => TranslationImage.FromEncoded(b)).ToList(), settings.Instruction, settings.Mode, sessions.Pack.Manifest.Prompt.Style);
                var translator = InstructionTranslators.ForPack(sessions.Pack.Manifest, null, new ShapeWorldTranslatorFactory());
                translation = await translator.TranslateAsync(translationRequest, cancellationToken);
                await console.Error.WriteLineAsync($"prompt: {translation.Prompt}");
                await TranslationReport.WriteAsync(translation.Info, console);
                try
                {
                    TranslationGate.Check(translation, settings.RunAsWritten);
                }
                catch (InvalidRequestException refused)
                {
                    await console.Error.WriteLineAsync($"error: {refused.Message}");
                    await console.Error.WriteLineAsync(TranslationReport.AsWrittenHint);
                    return ExitCodes.BadInput;
                }
            }
            var input = new PipelineInput(
                settings, imageBytes.Select(b => (ReadOnlyMemory<byte>)b).ToList(), settings.LockedPrompt ?? translation!.Prompt, translation?.TranslatorName);
            var result = await Run(new KontextPipeline(sessions), input, console, parsed.GetValue(previews), cancellationToken);
            var file = parsed.GetValue(output)!;
            await File.WriteAllBytesAsync(file.FullName, result.Png, cancellationToken);
            await console.Out.WriteLineAsync(
                $"wrote {file.FullName} ({result.Image.Size}, seed {result.Parameters.Seed}) in {result.Timings.Total.TotalSeconds:0.0} s");
            return ExitCodes.Success;
        });
        return command;
    }

    private static async Task<GenerationResult> Run(
        KontextPipeline pipeline, PipelineInput input, CliConsole console, DirectoryInfo? previews, CancellationToken cancellationToken)
    {
        var progress = new ProgressBar(console);
        previews?.Create();
        await foreach (var e in pipeline.RunAsync(input, cancellationToken))
        {
            switch (e)
            {
                case PipelineEvent.Prepared p:
                    await console.Error.WriteLineAsync(
                        $"{p.Mode.ToString().ToLowerInvariant()} {p.OutputSize} from {p.ReferenceSizes.Count} image(s): {p.TargetTokens} target + " +
                        $"{p.ReferenceTokens} reference tokens, {p.TextTokens} text tokens; seed {p.Seed}, {p.Steps} steps, " +
                        $"guidance {p.Guidance}, encoding {p.Scheme}; prepared in {p.Elapsed.TotalSeconds:0.00} s");
                    break;
                case PipelineEvent.Step s:
                    progress.Report(s);
                    if (previews is not null && s.Preview is { } preview)
                    {
                        await File.WriteAllBytesAsync(
                            Path.Combine(previews.FullName, $"step-{s.Number:00}.png"),
                            PngEncoder.Encode(preview.Rgb, preview.Width, preview.Height),
                            cancellationToken);
                    }
                    break;
                case PipelineEvent.Failed f:
                    // Rethrown as is, so that the exit code follows the error's kind.
                    System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(f.Error);
                    break;
                case PipelineEvent.Completed c:
                    return c.Result;
            }
        }
        throw new InvalidOperationException("the pipeline ended without a result");
    }

    private static Option<string> OnOff(string name, string description)
    {
        var option = new Option<string>(name) { Description = description, HelpName = "on|off" };
        option.AcceptOnlyFromAmong("on", "off");
        return option;
    }

    private static bool? IsOn(ParseResult parsed, Option<string> option) => parsed.GetValue(option) is { } value ? value == "on" : null;

    /// <summary>
    /// Null when neither switch is given, so the pack's rules fill in the scheme it was trained with. A switch left out
    /// takes the trained scheme's value; on a server, whose pack is not known here, both must be given.
    /// </summary>
    private static EncodingScheme? Scheme(EncodingScheme? trained, bool? index, bool? shift)
    {
        if (index is null && shift is null)
        {
            return null;
        }
        if (trained is not { } known && (index is null || shift is null))
        {
            throw new ArgumentException("with --server, give both --index and --shift, or neither (the server's pack then decides)");
        }
        var fallback = trained ?? default;
        return new EncodingScheme(index ?? fallback.Index, shift ?? fallback.Shift);
    }

    internal static byte[] ReadImage(FileInfo file) => file.Exists
        ? File.ReadAllBytes(file.FullName)
        : throw new FileNotFoundException($"image {file.FullName} does not exist", file.FullName);

    private static ImageSize ParseSize(string text)
    {
        var parts = text.ToLowerInvariant().Split('x');
        if (parts.Length == 2 && int.TryParse(parts[0], out int width) && int.TryParse(parts[1], out int height) && width > 0 && height > 0)
        {
            return new ImageSize(width, height);
        }
        throw new ArgumentException($"--size takes WxH, such as 1024x768; got '{text}'");
    }
}
