using SkiaSharp;

namespace DreamOmni2.Engine.Imaging;

/// <summary>Turns stored pixels upright according to the EXIF orientation tag (values 1–8 of TIFF/EXIF).</summary>
internal static class ExifOrientation
{
    public static DecodedImage Apply(byte[] rgb, int width, int height, SKEncodedOrigin origin)
    {
        if (origin is SKEncodedOrigin.TopLeft)
        {
            return new DecodedImage(width, height, rgb);
        }

        bool swapsAxes = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop
            or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        int outWidth = swapsAxes ? height : width;
        int outHeight = swapsAxes ? width : height;
        var upright = new byte[rgb.Length];
        for (int y = 0; y < outHeight; y++)
        {
            for (int x = 0; x < outWidth; x++)
            {
                var (sx, sy) = Source(origin, x, y, width, height);
                int from = 3 * (sy * width + sx), to = 3 * (y * outWidth + x);
                upright[to] = rgb[from];
                upright[to + 1] = rgb[from + 1];
                upright[to + 2] = rgb[from + 2];
            }
        }
        return new DecodedImage(outWidth, outHeight, upright);
    }

    /// <summary>The stored pixel shown at upright (x, y); w and h are the stored width and height.</summary>
    private static (int X, int Y) Source(SKEncodedOrigin origin, int x, int y, int w, int h) => origin switch
    {
        SKEncodedOrigin.TopRight => (w - 1 - x, y),
        SKEncodedOrigin.BottomRight => (w - 1 - x, h - 1 - y),
        SKEncodedOrigin.BottomLeft => (x, h - 1 - y),
        SKEncodedOrigin.LeftTop => (y, x),
        SKEncodedOrigin.RightTop => (y, h - 1 - x),
        SKEncodedOrigin.RightBottom => (w - 1 - y, h - 1 - x),
        SKEncodedOrigin.LeftBottom => (w - 1 - y, x),
        _ => (x, y),
    };
}
