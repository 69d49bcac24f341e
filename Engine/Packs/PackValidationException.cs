namespace DreamOmni2.Engine.Packs;

/// <summary>A pack cannot be used; the message names the file and the field at fault, one problem per line.</summary>
public sealed class PackValidationException : Exception
{
    public PackValidationException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }

    public static PackValidationException FromProblems(IReadOnlyList<string> problems) =>
        new(string.Join(Environment.NewLine, problems));
}
