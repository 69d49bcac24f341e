using System.Diagnostics;
using DreamOmni2.Contracts;

namespace DreamOmni2.Translation.BuiltIn;

/// <summary>
/// A translator of deterministic rules, no model: the rules of one prompt language write the prompt from the
/// instruction with its references to images rewritten as "image N". Whatever they cannot read without guessing (an
/// image the request lacks, an unknown word, two values for one attribute, nothing to do) makes it return the
/// instruction as written, with the reason as the warning.
/// </summary>
public abstract class RuleInstructionTranslator : IInstructionTranslator
{
    /// <summary>The name every rule translator reports: whatever the pack, people see one built-in translator.</summary>
    public const string Name = "built-in";

    public Task<InstructionTranslation> TranslateAsync(TranslationRequest request, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        return Task.FromResult(Translate(request));
    }

    /// <summary>The prompt for <paramref name="request"/>; the rules read its instruction through <see cref="Resolve"/>.</summary>
    /// <param name="notes">Where to say what the prompt assumes, what contradicts the images, and what the images hold;
    /// what was seen is kept even when the rules then give up.</param>
    /// <exception cref="InstructionNotUnderstoodException">The rules cannot read the instruction without guessing.</exception>
    protected abstract string Write(TranslationRequest request, TranslationNotes notes);

    private InstructionTranslation Translate(TranslationRequest request)
    {
        var clock = Stopwatch.StartNew();
        var notes = new TranslationNotes();
        try
        {
            var prompt = Write(request, notes);
            return new InstructionTranslation(prompt, prompt, Name, clock.Elapsed, notes.Warnings, FellBack: false)
            {
                Problems = notes.Problems,
                ImageReadings = notes.ImageReadings,
            };
        }
        catch (InstructionNotUnderstoodException e)
        {
            return InstructionTranslation.FallBack(request, "", Name, clock.Elapsed, e.Message) with { ImageReadings = notes.ImageReadings };
        }
    }

    /// <summary>The request's instruction with every reference to an image rewritten as "image N".</summary>
    /// <exception cref="InstructionNotUnderstoodException">The instruction is empty, an edit has no image, or a reference names an image the request lacks.</exception>
    protected static ResolvedReferences Resolve(TranslationRequest request)
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
}
