namespace DreamOmni2.Engine.Imaging;

/// <summary>What a request may bring: how many images, and how big each may be before it is decoded.</summary>
/// <param name="MaxImages">Most images one request may hold (the paper and its benchmark use up to 5).</param>
/// <param name="MinImages">Fewest images a multimodal request needs.</param>
/// <param name="MaxFileBytes">Largest encoded file accepted.</param>
/// <param name="MaxPixels">Largest declared width × height accepted; checked from the header, before decoding.</param>
/// <param name="MaxSide">Longest declared side accepted.</param>
public sealed record ImageLimits(
    int MaxImages = 5,
    int MinImages = 1,
    long MaxFileBytes = 20L * 1024 * 1024,
    long MaxPixels = 40_000_000,
    int MaxSide = 12_000)
{
    public static ImageLimits Default { get; } = new();

    /// <summary>Refuses a request holding fewer than <see cref="MinImages"/> or more than <see cref="MaxImages"/> images.</summary>
    public void EnsureImageCount(int count)
    {
        if (count > MaxImages)
        {
            throw new ImageInputException(ImageInputError.TooManyImages, null,
                $"{count} images were given; the limit is {MaxImages} — remove {count - MaxImages}");
        }
        if (count < MinImages)
        {
            throw new ImageInputException(ImageInputError.TooFewImages, null,
                $"{count} image{(count == 1 ? " was" : "s were")} given; this needs at least {MinImages} — add {MinImages - count}");
        }
    }
}
