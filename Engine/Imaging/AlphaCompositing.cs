namespace DreamOmni2.Engine.Imaging;

/// <summary>Flattens transparency onto white, as the reference does before an image reaches the VAE.</summary>
internal static class AlphaCompositing
{
    /// <summary>
    /// RGB of premultiplied RGBA laid over white: with premultiplied colour, over-white is simply c + (255 − a).
    /// </summary>
    public static byte[] OnWhite(ReadOnlySpan<byte> premultipliedRgba, int width, int height)
    {
        int pixels = width * height;
        var rgb = new byte[3 * pixels];
        for (int p = 0; p < pixels; p++)
        {
            var pixel = premultipliedRgba.Slice(4 * p, 4);
            int cover = 255 - pixel[3];
            rgb[3 * p] = (byte)Math.Min(255, pixel[0] + cover);
            rgb[3 * p + 1] = (byte)Math.Min(255, pixel[1] + cover);
            rgb[3 * p + 2] = (byte)Math.Min(255, pixel[2] + cover);
        }
        return rgb;
    }
}
