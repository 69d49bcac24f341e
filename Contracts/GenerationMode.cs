namespace DreamOmni2.Contracts;

/// <summary>DreamOmni2's two tasks. Edit: image 1 is the image being edited and sets the output size; generate: every image is a reference.</summary>
public enum GenerationMode
{
    Edit,
    Generate,
}

public static class GenerationModeExtensions
{
    /// <summary>The mode as people and pack files write it: "edit" or "generate".</summary>
    public static string Name(this GenerationMode mode) => mode == GenerationMode.Edit ? "edit" : "generate";
}
