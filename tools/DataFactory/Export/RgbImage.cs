using SkiaSharp;

namespace DreamOmni2.DataFactory.Export;

/// <summary>Conversion of packed RGB bytes to Skia bitmaps and PNG files.</summary>
public static class RgbImage
{
    public static SKBitmap ToBitmap(ReadOnlySpan<byte> rgb, int width, int height)
    {
        var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        var pixels = bitmap.GetPixelSpan();
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var source = (y * width + x) * 3;
                var target = y * bitmap.RowBytes + x * 4;
                pixels[target] = rgb[source];
                pixels[target + 1] = rgb[source + 1];
                pixels[target + 2] = rgb[source + 2];
                pixels[target + 3] = 255;
            }
        }
        return bitmap;
    }

    /// <summary>A grayscale bitmap from one byte a pixel (masks).</summary>
    public static SKBitmap GrayToBitmap(ReadOnlySpan<byte> gray, int width, int height)
    {
        var rgb = new byte[width * height * 3];
        for (var i = 0; i < gray.Length; i++)
        {
            rgb[i * 3] = rgb[i * 3 + 1] = rgb[i * 3 + 2] = gray[i];
        }
        return ToBitmap(rgb, width, height);
    }

    public static void SavePng(SKBitmap bitmap, string path)
    {
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        using var file = File.Create(path);
        data.SaveTo(file);
    }
}
