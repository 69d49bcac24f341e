using DreamOmni2.Contracts;
using DreamOmni2.Engine.Imaging;

namespace DreamOmni2.Translation.Vlm;

/// <summary>
/// Shows the VLM each image after the same bucket resize the diffusion inputs get (reference §7), as PNG.
/// </summary>
public sealed class BucketResizeImagePreparer(IReadOnlyList<ImageSize> buckets, ImageLimits limits) : IVlmImagePreparer
{
    public ValueTask<TranslationImage> PrepareAsync(TranslationImage image, int imageNumber, CancellationToken ct)
    {
        var resized = BucketResize.Apply(ImageDecoder.Decode(image.Bytes.Span, limits, imageNumber), buckets);
        return ValueTask.FromResult(new TranslationImage(PngEncoder.Encode(resized.Rgb, resized.Width, resized.Height), "image/png"));
    }
}
