namespace DreamOmni2.Engine.Imaging;

/// <summary>Conversion between 8-bit RGB and the VAE's pixel space: CHW float in [-1, 1].</summary>
public static class ModelImage
{
    /// <summary>CHW floats <c>v/255·2 − 1</c>, computed in float32 in that order as diffusers' VaeImageProcessor does.</summary>
    public static float[] ToTensor(DecodedImage image)
    {
        int pixels = image.Width * image.Height;
        var chw = new float[3 * pixels];
        var rgb = image.Rgb;
        for (int p = 0; p < pixels; p++)
        {
            for (int c = 0; c < 3; c++)
            {
                chw[c * pixels + p] = rgb[3 * p + c] / 255f * 2f - 1f;
            }
        }
        return chw;
    }

    /// <summary>HWC bytes of <c>round(clamp(x/2 + 0.5, 0, 1)·255)</c>, rounding half to even as numpy does.</summary>
    public static byte[] ToRgb(ReadOnlySpan<float> chw, int width, int height)
    {
        int pixels = width * height;
        if (chw.Length != 3 * pixels)
        {
            throw new ArgumentException($"a {width}×{height} image has {3 * pixels} values in CHW, got {chw.Length}", nameof(chw));
        }
        var rgb = new byte[3 * pixels];
        for (int p = 0; p < pixels; p++)
        {
            for (int c = 0; c < 3; c++)
            {
                rgb[3 * p + c] = (byte)MathF.Round(Math.Clamp(chw[c * pixels + p] / 2f + 0.5f, 0f, 1f) * 255f);
            }
        }
        return rgb;
    }
}
