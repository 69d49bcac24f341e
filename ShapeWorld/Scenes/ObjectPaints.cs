namespace DreamOmni2.ShapeWorld.Scenes;

/// <summary>
/// The paint of every (color, pattern, size) over its sprite patch, built once: the object color lightened toward
/// the pale tint or darkened toward the dark shade as the pattern field says (RGB, 3 bytes a sprite pixel).
/// </summary>
public static class ObjectPaints
{
    /// <summary>How far the pale tint goes toward white, and the dark shade toward black.</summary>
    public const float PaleTint = 0.3f, DarkShade = 0.4f;

    private static readonly byte[][] Paints = BuildAll();

    public static ReadOnlySpan<byte> For(int color, int pattern, int size) =>
        Paints[(color * Patterns + pattern) * Palette.SizePixels.Count + size];

    private static int Patterns => Prompting.ShapeWorldVocabulary.Patterns.Count;

    private static byte[][] BuildAll()
    {
        var paints = new List<byte[]>();
        foreach (var color in Palette.ObjectColors)
        {
            for (var pattern = 0; pattern < Patterns; pattern++)
            {
                for (var size = 0; size < Palette.SizePixels.Count; size++)
                {
                    paints.Add(Build(color, PatternFields.For(pattern, size)));
                }
            }
        }
        return paints.ToArray();
    }

    private static byte[] Build(Rgb color, float[] field)
    {
        var paint = new byte[field.Length * 3];
        for (var i = 0; i < field.Length; i++)
        {
            var shade = field[i];
            var rgb = shade >= 0 ? color.Toward(Rgb.White, shade * PaleTint) : color.Toward(Rgb.Black, -shade * DarkShade);
            paint[i * 3] = rgb.R;
            paint[i * 3 + 1] = rgb.G;
            paint[i * 3 + 2] = rgb.B;
        }
        return paint;
    }
}
