using SkiaSharp;

namespace DreamOmni2.Engine.Imaging;

/// <summary>Small, fast JPEGs for step previews.</summary>
public static class JpegEncoder
{
    /// <param name="quality">0–100.</param>
    public static byte[] Encode(byte[] rgb, int width, int height, int quality = 80)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(quality);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quality, 100);
        return SkiaEncoding.Encode(rgb, width, height, SKEncodedImageFormat.Jpeg, quality);
    }
}
