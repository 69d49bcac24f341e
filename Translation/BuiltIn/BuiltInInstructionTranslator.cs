using System.Diagnostics;
using DreamOmni2.Contracts;
using DreamOmni2.Engine.Packs;
using DreamOmni2.ShapeWorld.Prompting;

namespace DreamOmni2.Translation.BuiltIn;

/// <summary>
/// The translator used when no VLM is configured: deterministic rules, no model. For a shape-world pack it writes
/// the instruction as one of <see cref="ShapeWorldPrompt"/>'s standard sentences; for a natural-style pack it only
/// rewrites references to images as "image N" and tidies the text. Whatever it cannot read without guessing (an
/// image the request lacks, an unknown word, two values for one attribute, nothing to do) makes it return the
/// instruction as written, with the reason as the warning.
/// </summary>
public sealed class BuiltInInstructionTranslator : IInstructionTranslator
{
    public const string Name = "built-in";

    /// <summary>The highest image number the shape-world vocabulary has a word for.</summary>
    private static readonly int ShapeWorldMaxImage =
        ShapeWorldVocabulary.AllWords.Where(w => w.All(char.IsDigit)).Max(int.Parse);

    public Task<InstructionTranslation> TranslateAsync(TranslationRequest request, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        return Task.FromResult(Translate(request));
    }

    private static InstructionTranslation Translate(TranslationRequest request)
    {
        var clock = Stopwatch.StartNew();
        var warnings = new List<string>();
        try
        {
            var prompt = request.Style switch
            {
                PromptStyle.ShapeWorld => ShapeWorld(request, warnings),
                PromptStyle.Natural => Natural(request, warnings),
                _ => throw new ArgumentOutOfRangeException(nameof(request), request.Style, "unknown prompt style"),
            };
            return new InstructionTranslation(prompt, prompt, Name, clock.Elapsed, warnings, FellBack: false);
        }
        catch (InstructionNotUnderstoodException e)
        {
            return InstructionTranslation.FallBack(request, "", Name, clock.Elapsed, e.Message);
        }
    }

    private static ResolvedReferences Resolve(TranslationRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.Instruction))
        {
            throw new InstructionNotUnderstoodException("the instruction is empty");
        }
        if (request.Mode == GenerationMode.Edit && request.Images.Count == 0)
        {
            throw new InstructionNotUnderstoodException("an edit needs the image to edit: the request has no images");
        }
        return ImageReferenceResolver.Resolve(request.Instruction, request.Images.Count, request.Mode);
    }

    private static string Natural(TranslationRequest request, List<string> warnings)
    {
        var prompt = NaturalPromptTidier.Tidy(Resolve(request).Text);
        warnings.Add(
            "the built-in translator only rewrites image references for a pack of natural prompt style: " +
            "configure a VLM to translate the instruction itself");
        return prompt;
    }

    private static string ShapeWorld(TranslationRequest request, List<string> warnings)
    {
        var resolved = Resolve(request);
        if (resolved.Images.Any(i => i > ShapeWorldMaxImage))
        {
            throw new InstructionNotUnderstoodException(
                $"the shape world names images 1 to {ShapeWorldMaxImage} only, and the instruction uses image {resolved.Images.Max()}");
        }
        var tokens = ShapeWorldTokenizer.Tokenize(resolved.Text);
        if (tokens.OfType<UnknownToken>().FirstOrDefault() is { } unknown)
        {
            throw new InstructionNotUnderstoodException(unknown.Reason);
        }
        if (tokens.OfType<VerbToken>().FirstOrDefault(v => v.Intent is { } intent && intent != request.Mode) is { } verb)
        {
            throw new InstructionNotUnderstoodException(
                $"\"{verb.Said}\" asks for {TaskName(verb.Intent!.Value)}, but the request is {TaskName(request.Mode)}");
        }
        BackgroundValues.RefuseOtherValuesAsBackground(tokens);
        var reading = ShapeWorldReading.Read(tokens, request.Mode);
        return request.Mode == GenerationMode.Edit
            ? ShapeWorldEditComposer.Compose(reading, warnings, request.Images.Count)
            : ShapeWorldGenerationComposer.Compose(reading, warnings, request.Images.Count);
    }

    private static string TaskName(GenerationMode mode) => mode == GenerationMode.Edit ? "an edit" : "a generation";
}
