using DreamOmni2.Contracts;
using DreamOmni2.Engine.Imaging;
using DreamOmni2.Engine.Latents;
using DreamOmni2.Engine.Packs;

namespace DreamOmni2.Engine.Requests;

/// <summary>
/// What a pack accepts, in one place for every front end: a request is checked and completed with the pack's
/// defaults here, once, and the sizes its images and output will have are worked out here too.
/// </summary>
/// <param name="defaultSteps">Replaces the pack's default step count (fast runs in tests and demos); null: the pack's.</param>
public sealed class RequestRules(PackManifest manifest, int? defaultSteps = null)
{
    public int MaxImages => manifest.Defaults.MaxImages;

    public int DefaultSteps { get; } = defaultSteps ?? manifest.Defaults.Steps;

    public float DefaultGuidance => manifest.Defaults.Guidance;

    public EncodingScheme TrainedScheme => manifest.Encoding;

    public bool Supports(GenerationMode mode) => Enum.IsDefined(mode) && manifest.Transformer.Modes.For(mode) is not null;

    /// <exception cref="InvalidRequestException">The request cannot run on this pack as asked; the error names the part.</exception>
    public GenerationSettings Complete(GenerationRequest request, int imageCount)
    {
        ArgumentNullException.ThrowIfNull(request);
        var mode = request.Mode;
        if (!Enum.IsDefined(mode))
        {
            throw new InvalidRequestException(RequestField.Mode, "the mode must be edit or generate");
        }
        if (!Supports(mode))
        {
            throw new InvalidRequestException(RequestField.Mode, $"the pack '{manifest.Name}' does not offer {mode.Name()} mode");
        }
        if (imageCount > MaxImages)
        {
            throw new InvalidRequestException(RequestField.Images,
                $"{imageCount} images were given; this pack takes at most {MaxImages} — remove {imageCount - MaxImages}");
        }
        if (mode == GenerationMode.Edit && imageCount == 0)
        {
            throw new InvalidRequestException(RequestField.Images,
                "an edit needs the image to edit as image 1 — add it, or switch to generate for text-to-image");
        }
        string instruction = Text(request.Instruction, RequestField.Instruction, "instruction");
        string prompt = Text(request.Prompt, RequestField.Prompt, "prompt");
        if (instruction.Length == 0 && prompt.Length == 0)
        {
            throw new InvalidRequestException(RequestField.Instruction, "say what to do: the instruction is empty");
        }
        int steps = request.Steps ?? DefaultSteps;
        if (RequestLimits.StepsProblem(steps) is { } stepsProblem)
        {
            throw new InvalidRequestException(RequestField.Steps, stepsProblem);
        }
        float guidance = request.Guidance ?? DefaultGuidance;
        if (RequestLimits.GuidanceProblem(guidance) is { } guidanceProblem)
        {
            throw new InvalidRequestException(RequestField.Guidance, guidanceProblem);
        }
        if (request.OutputSize is { } size)
        {
            if (mode == GenerationMode.Edit)
            {
                throw new InvalidRequestException(RequestField.Size, "an edit keeps the size of image 1; an output size is for generation only");
            }
            if (size.Width <= 0 || size.Height <= 0)
            {
                throw new InvalidRequestException(RequestField.Size, $"the output size must be positive, such as 1024x768; {size} was given");
            }
        }
        return new GenerationSettings(
            mode,
            instruction,
            prompt.Length > 0 ? prompt : null,
            request.Seed ?? (ulong)Random.Shared.NextInt64(0, 1L << 32),
            request.Seed is null,
            steps,
            guidance,
            request.Scheme ?? TrainedScheme,
            request.OutputSize,
            request.Previews)
        {
            RunAsWritten = request.RunAsWritten,
        };
    }

    /// <summary>The size an input image of <paramref name="width"/>×<paramref name="height"/> is resized to.</summary>
    public ImageSize ReferenceSize(int width, int height) => ResolutionBuckets.Choose(width, height, manifest.Defaults.Buckets);

    /// <summary>An edit keeps image 1's (resized) size; a generation makes the size asked for at the pack's area, else the pack's.</summary>
    public ImageSize OutputSize(GenerationMode mode, IReadOnlyList<ImageSize> referenceSizes, ImageSize? wanted)
    {
        if (mode == GenerationMode.Edit && referenceSizes.Count > 0)
        {
            return referenceSizes[0];
        }
        return wanted is { } size
            ? Imaging.OutputSize.For(size.Width, size.Height, manifest.Defaults.MaxArea, manifest.Latent.PixelsPerToken)
            : manifest.Defaults.GenerateSize;
    }

    public GridSize Grid(ImageSize size) => GridSize.ForImage(size.Height, size.Width, manifest.Latent.Downsampling);

    private static string Text(string? text, RequestField field, string name)
    {
        string trimmed = text?.Trim() ?? "";
        if (trimmed.Length > RequestLimits.MaxTextLength)
        {
            throw new InvalidRequestException(field,
                $"the {name} is {trimmed.Length:N0} characters long; the limit is {RequestLimits.MaxTextLength:N0} — shorten it");
        }
        return trimmed;
    }
}
