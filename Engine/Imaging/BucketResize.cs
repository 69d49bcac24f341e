using DreamOmni2.Contracts;

namespace DreamOmni2.Engine.Imaging;

/// <summary>Resizes an image to the preferred resolution closest to its aspect ratio, as every model input is.</summary>
public static class BucketResize
{
    public static DecodedImage Apply(DecodedImage image, IReadOnlyList<ImageSize> buckets)
    {
        var size = ResolutionBuckets.Choose(image.Width, image.Height, buckets);
        return ImageResizer.Resize(image, size.Width, size.Height);
    }
}
