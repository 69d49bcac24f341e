using DreamOmni2.Contracts;
using DreamOmni2.ShapeWorld.Prompting;
using DreamOmni2.ShapeWorld.Scenes;
using DreamOmni2.Translation;
using DreamOmni2.Translation.BuiltIn;

namespace DreamOmni2.ShapeWorld.Reading;

/// <summary>
/// The built-in translator of a shape-world pack: it writes the instruction as one of <see cref="ShapeWorldPrompt"/>'s
/// standard sentences, the only ones the pack's text encoder reads, or returns it as written with the reason when
/// it cannot read it without guessing. It reads each image (<see cref="SceneReader"/>) and says what it saw, so "it"
/// and "the thing in image 1" name the object there, and what the instruction says wrongly of an image is a problem.
/// </summary>
public sealed class ShapeWorldTranslator : RuleInstructionTranslator
{
    /// <summary>The highest image number the shape-world vocabulary has a word for.</summary>
    private static readonly int MaxImage =
        ShapeWorldVocabulary.AllWords.Where(w => w.All(char.IsDigit)).Max(int.Parse);

    protected override string Write(TranslationRequest request, TranslationNotes notes)
    {
        var seen = SeenImages.Read(request.Images, notes);
        var references = Resolve(request);
        if (references.Images.Any(i => i > MaxImage))
        {
            throw new InstructionNotUnderstoodException(
                $"the shape world names images 1 to {MaxImage} only, and the instruction uses image {references.Images.Max()}");
        }
        var tokens = ShapeWorldTokenizer.Tokenize(references.Text);
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
            ? ShapeWorldEditComposer.Compose(reading, notes.Warnings, request.Images.Count, seen)
            : ShapeWorldGenerationComposer.Compose(reading, notes.Warnings, request.Images.Count, seen);
    }

    private static string TaskName(GenerationMode mode) => mode == GenerationMode.Edit ? "an edit" : "a generation";
}
