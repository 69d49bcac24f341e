namespace DreamOmni2.ShapeWorld.Scenes;

/// <summary>
/// The 64×64 RGB image of every (background, lighting), built once. A lit background runs from 22% toward white on
/// the lit edge to 22% toward black on the far edge.
/// </summary>
public static class BackgroundImages
{
    public const float LightingStrength = 0.22f;

    private static readonly byte[][] Images = BuildAll();

    public static ReadOnlySpan<byte> For(int background, Lighting lighting) =>
        Images[background * Enum.GetValues<Lighting>().Length + (int)lighting];

    private static byte[][] BuildAll() =>
        Palette.Backgrounds
            .SelectMany(color => Enum.GetValues<Lighting>().Select(lighting => Build(color, lighting)))
            .ToArray();

    private static byte[] Build(Rgb color, Lighting lighting)
    {
        const int size = ShapeWorldValues.CanvasSize;
        var image = new byte[size * size * 3];
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                var distanceFromLight = lighting switch
                {
                    Lighting.FromTop => (y + 0.5f) / size,
                    Lighting.FromLeft => (x + 0.5f) / size,
                    _ => 0.5f,
                };
                var light = 1 - 2 * distanceFromLight;
                var lit = light >= 0
                    ? color.Toward(Rgb.White, light * LightingStrength)
                    : color.Toward(Rgb.Black, -light * LightingStrength);
                var offset = (y * size + x) * 3;
                image[offset] = lit.R;
                image[offset + 1] = lit.G;
                image[offset + 2] = lit.B;
            }
        }
        return image;
    }
}
