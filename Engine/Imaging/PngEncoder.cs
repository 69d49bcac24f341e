using SkiaSharp;

namespace DreamOmni2.Engine.Imaging;

/// <summary>Result images: lossless PNG, optionally carrying the run's parameters for A1111/SwarmUI-style readers.</summary>
public static class PngEncoder
{
    /// <param name="parametersJson">Written as the <c>parameters</c> text chunk when not null.</param>
    public static byte[] Encode(byte[] rgb, int width, int height, string? parametersJson = null)
    {
        var png = SkiaEncoding.Encode(rgb, width, height, SKEncodedImageFormat.Png, 100);
        return parametersJson is null ? png : PngParameters.Write(png, parametersJson);
    }
}
