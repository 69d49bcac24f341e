using DreamOmni2.ShapeWorld.Prompting;

namespace DreamOmni2.ShapeWorld.Scenes;

/// <summary>
/// Where a pattern lightens or darkens the object's color, as a field over a sprite patch: 0 keeps the color,
/// +1 is the pale tint, −1 the dark shade. Stripes, dots and checks alternate the color with its dark shade; a
/// gradient runs from the pale tint at the top of the box to the dark shade at the bottom. Fields are anchored on the
/// object's center, so a pattern moves with its object, and antialiased by 4×4 supersampling.
/// </summary>
public static class PatternFields
{
    /// <summary>Stripes run at 45°, 7 px apart (3.5 px of color, 3.5 px of shade).</summary>
    public const float StripePeriod = 7;

    /// <summary>Dots of radius 1.8 px on a 6 px grid, one dot on the center.</summary>
    public const float DotPeriod = 6, DotRadius = 1.8f;

    /// <summary>Checker squares are 4 px, so one period is 8 px.</summary>
    public const float CheckerSquare = 4;

    private const int Supersampling = 4;

    private static readonly float[][] Fields = BuildAll();

    public static float[] For(int pattern, int size) => Fields[pattern * Palette.SizePixels.Count + size];

    private static float[][] BuildAll()
    {
        var fields = new List<float[]>();
        foreach (var pattern in ShapeWorldVocabulary.Patterns)
        {
            for (var size = 0; size < Palette.SizePixels.Count; size++)
            {
                fields.Add(Build(pattern, size));
            }
        }
        return fields.ToArray();
    }

    private static float[] Build(string pattern, int size)
    {
        var side = ObjectSprites.SideFor(size);
        var halfBox = Palette.SizePixels[size] / 2f;
        var field = new float[side * side];
        for (var y = 0; y < side; y++)
        {
            for (var x = 0; x < side; x++)
            {
                var sum = 0f;
                for (var sy = 0; sy < Supersampling; sy++)
                {
                    for (var sx = 0; sx < Supersampling; sx++)
                    {
                        var px = x + (sx + 0.5f) / Supersampling - side / 2f;
                        var py = y + (sy + 0.5f) / Supersampling - side / 2f;
                        sum += ValueAt(pattern, px, py, halfBox);
                    }
                }
                field[y * side + x] = sum / (Supersampling * Supersampling);
            }
        }
        return field;
    }

    /// <summary>The field at a point relative to the object's center.</summary>
    private static float ValueAt(string pattern, float px, float py, float halfBox) => pattern switch
    {
        "solid" => 0,
        "striped" => -Band((px + py) / MathF.Sqrt(2) / (StripePeriod / 2) + 0.5f),
        "dotted" => Distance(px - Nearest(px, DotPeriod), py - Nearest(py, DotPeriod)) < DotRadius ? -1 : 0,
        "checkered" => -Band(MathF.Floor(px / CheckerSquare) + MathF.Floor(py / CheckerSquare)),
        "gradient" => Math.Clamp(-py / halfBox, -1, 1),
        _ => throw new ArgumentOutOfRangeException(nameof(pattern), pattern, "No field is defined for this pattern."),
    };

    /// <summary>1 on odd bands, 0 on even ones.</summary>
    private static float Band(float coordinate) => ((int)MathF.Floor(coordinate) & 1) == 1 ? 1 : 0;

    private static float Nearest(float coordinate, float period) => MathF.Round(coordinate / period) * period;

    private static float Distance(float dx, float dy) => MathF.Sqrt(dx * dx + dy * dy);
}
