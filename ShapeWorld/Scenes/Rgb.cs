namespace DreamOmni2.ShapeWorld.Scenes;

/// <summary>An 8-bit RGB color.</summary>
public readonly record struct Rgb(byte R, byte G, byte B)
{
    public static Rgb White { get; } = new(255, 255, 255);
    public static Rgb Black { get; } = new(0, 0, 0);

    /// <summary>The color a fraction <paramref name="t"/> of the way to <paramref name="other"/>, rounded.</summary>
    public Rgb Toward(Rgb other, float t) => new(Lerp(R, other.R, t), Lerp(G, other.G, t), Lerp(B, other.B, t));

    private static byte Lerp(byte from, byte to, float t) => (byte)MathF.Round(from + (to - from) * t);
}
