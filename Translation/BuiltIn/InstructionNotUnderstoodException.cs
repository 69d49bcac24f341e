namespace DreamOmni2.Translation.BuiltIn;

/// <summary>
/// Thrown inside a <see cref="RuleInstructionTranslator"/> when a rule meets something it cannot read without guessing; the message is
/// the warning a person sees ("there is no image 4: the request has 2 images").
/// </summary>
public sealed class InstructionNotUnderstoodException(string reason) : Exception(reason);
