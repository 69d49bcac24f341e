namespace DreamOmni2.Engine.Imaging;

/// <summary>How big each input image may be before it is decoded.</summary>
/// <param name="MaxFileBytes">Largest encoded file accepted.</param>
/// <param name="MaxPixels">Largest declared width × height accepted; checked from the header, before decoding.</param>
/// <param name="MaxSide">Longest declared side accepted.</param>
public sealed record ImageLimits(
    long MaxFileBytes = 20L * 1024 * 1024,
    long MaxPixels = 40_000_000,
    int MaxSide = 12_000)
{
    public static ImageLimits Default { get; } = new();
}
