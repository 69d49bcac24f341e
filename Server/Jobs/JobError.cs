namespace DreamOmni2.Server.Jobs;

/// <summary>Why a job was refused or failed, and which control it concerns, so the page can show it there.</summary>
/// <param name="ImageNumber">The 1-based image concerned, when <paramref name="Field"/> is <see cref="InputField.Images"/>.</param>
public sealed record JobError(InputField Field, string Message, int? ImageNumber = null);

/// <summary>The controls of the editing page an error can belong to.</summary>
public enum InputField
{
    General,
    Images,
    Mode,
    Instruction,
    Prompt,
    Steps,
    Guidance,
}
