namespace DreamOmni2.Contracts;

/// <summary>A size in pixels, width first as image sizes are usually written.</summary>
public readonly record struct ImageSize(int Width, int Height)
{
    public override string ToString() => $"{Width}×{Height}";
}
