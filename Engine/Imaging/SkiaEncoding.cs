using SkiaSharp;

namespace DreamOmni2.Engine.Imaging;

/// <summary>Encodes opaque RGB with Skia, which takes 4-byte pixels only.</summary>
internal static class SkiaEncoding
{
    public static byte[] Encode(byte[] rgb, int width, int height, SKEncodedImageFormat format, int quality)
    {
        if (rgb.Length != 3 * width * height)
        {
            throw new ArgumentException($"{width}×{height} RGB needs {3 * width * height} bytes, got {rgb.Length}", nameof(rgb));
        }
        var rgba = new byte[4 * width * height];
        for (int p = 0, q = 0; p < rgb.Length; p += 3, q += 4)
        {
            rgba[q] = rgb[p];
            rgba[q + 1] = rgb[p + 1];
            rgba[q + 2] = rgb[p + 2];
            rgba[q + 3] = 255;
        }
        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        using var skImage = SKImage.FromPixelCopy(info, rgba);
        using var data = skImage.Encode(format, quality)
            ?? throw new InvalidOperationException($"Skia could not encode a {width}×{height} {format}");
        return data.ToArray();
    }
}
