namespace DreamOmni2.Contracts;

/// <summary>The part of a request an error concerns, so every front end can show it next to the matching control.</summary>
public enum RequestField
{
    General,
    Images,
    Mode,
    Instruction,
    Prompt,
    Seed,
    Steps,
    Guidance,
    Size,

    /// <summary>
    /// The instruction as the translator read it: it could not be translated, or it contradicts the images. The same
    /// request with <see cref="GenerationRequest.RunAsWritten"/> runs it anyway.
    /// </summary>
    Translation,
}
