using System.CommandLine;
using DreamOmni2.Contracts;
using DreamOmni2.Engine.Packs;
using DreamOmni2.ShapeWorld.Reading;
using DreamOmni2.Translation.Vlm;
using DreamOmni2.Translation;
using DreamOmni2.Engine;

namespace DreamOmni2.Cli.Commands;

/// <summary>
/// <c>dreamomni2 translate</c>: prints the prompt a pack would encode for an instruction, without running a job. The
/// prompt goes to stdout; the translator, its time and its warnings to stderr.
/// </summary>
public static class TranslateCommand
{
    public static Command Create(CliConsole console)
    {
        var pack = CommonOptions.Pack();
        var mode = new Option<string>("--mode") { Description = "edit: image 1 is edited; generate: every image is a reference", DefaultValueFactory = _ => "edit" };
        mode.AcceptOnlyFromAmong("edit", "generate");
        var images = new Option<FileInfo[]>("--image") { Description = "an input image (PNG, JPEG, WebP); repeat in order", HelpName = "PATH" };
        var instruction = new Option<string>("--instruction") { Description = "what you want, in your own words", Required = true };
        var endpoint = new Option<string>("--vlm-endpoint") { Description = "an OpenAI-compatible API to translate with, up to /v1 (default: the built-in translator)", HelpName = "URL" };
        var model = new Option<string>("--vlm-model") { Description = "the VLM's model name on that server", HelpName = "NAME" };
        var apiKey = new Option<string>("--vlm-api-key") { Description = "bearer token for the VLM server, when it needs one", HelpName = "KEY" };
        var timeout = new Option<double?>("--vlm-timeout") { Description = "seconds the VLM may take, retries included", HelpName = "SECONDS" };
        var retries = new Option<int?>("--vlm-retries") { Description = "how often a failed VLM call is tried again", HelpName = "N" };

        var command = new Command("translate", "print the prompt a pack would encode for an instruction")
        {
            pack, mode, images, instruction, endpoint, model, apiKey, timeout, retries,
        };
        command.Validators.Add(result =>
        {
            if ((result.GetValue(endpoint) is null) != (result.GetValue(model) is null))
            {
                result.AddError("give both --vlm-endpoint and --vlm-model, or neither");
            }
        });
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var manifest = ModelPack.Load(parsed.GetValue(pack) ?? PackLocator.DefaultPack()).Manifest;
            var request = new TranslationRequest(
                (parsed.GetValue(images) ?? []).Select(ReadImage).ToList(),
                parsed.GetValue(instruction)!,
                parsed.GetValue(mode) == "generate" ? GenerationMode.Generate : GenerationMode.Edit,
                manifest.Prompt.Style);
            var vlm = parsed.GetValue(endpoint) is { } url ? VlmOptions(url, parsed, model, apiKey, timeout, retries) : null;
            var translator = vlm is null
                ? InstructionTranslators.ForPack(manifest, null, new ShapeWorldTranslatorFactory())
                : InstructionTranslators.Create(vlm, InstructionTranslators.ImagePreparerFor(manifest));
            using var owned = translator as IDisposable;
            var translation = await translator.TranslateAsync(request, cancellationToken);
            await console.Out.WriteLineAsync(translation.Prompt);
            await TranslationReport.WriteAsync(translation.Info, console);
            return ExitCodes.Success;
        });
        return command;
    }

    private static VlmTranslatorOptions VlmOptions(
        string url, ParseResult parsed, Option<string> model, Option<string> apiKey, Option<double?> timeout, Option<int?> retries)
    {
        var defaults = new VlmTranslatorOptions();
        return new VlmTranslatorOptions
        {
            Endpoint = Uri.TryCreate(url, UriKind.Absolute, out var uri)
                ? uri
                : throw new ArgumentException($"--vlm-endpoint takes an absolute address such as http://localhost:8000/v1; got '{url}'"),
            Model = parsed.GetValue(model)!,
            ApiKey = parsed.GetValue(apiKey),
            Timeout = parsed.GetValue(timeout) is { } seconds ? TimeSpan.FromSeconds(seconds) : defaults.Timeout,
            MaxRetries = parsed.GetValue(retries) ?? defaults.MaxRetries,
        };
    }

    private static TranslationImage ReadImage(FileInfo file) => file.Exists
        ? TranslationImage.FromEncoded(File.ReadAllBytes(file.FullName))
        : throw new FileNotFoundException($"image {file.FullName} does not exist", file.FullName);
}
