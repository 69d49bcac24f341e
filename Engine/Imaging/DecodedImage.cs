using DreamOmni2.Contracts;

namespace DreamOmni2.Engine.Imaging;

/// <summary>An opaque 8-bit RGB image: <see cref="Rgb"/> holds Height rows of Width pixels, 3 bytes each (HWC).</summary>
public sealed class DecodedImage
{
    public DecodedImage(int width, int height, byte[] rgb)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentNullException.ThrowIfNull(rgb);
        if (rgb.LongLength != 3L * width * height)
        {
            throw new ArgumentException($"{width}×{height} RGB needs {3L * width * height} bytes, got {rgb.LongLength}", nameof(rgb));
        }
        Width = width;
        Height = height;
        Rgb = rgb;
    }

    public int Width { get; }

    public int Height { get; }

    public byte[] Rgb { get; }

    public ImageSize Size => new(Width, Height);
}
