using SkiaSharp;

namespace DreamOmni2.ShapeWorld.Scenes;

/// <summary>The outline of every shape word as a Skia path filling a box of a given side, centered on the origin.</summary>
public static class ShapeOutlines
{
    public static SKPath Create(string shape, float side) => shape switch
    {
        "circle" => Circle(side),
        "square" => Polygon(side, (-1, -1), (1, -1), (1, 1), (-1, 1)),
        "triangle" => Polygon(side, (0, -1), (1, 1), (-1, 1)),
        "star" => Star(side),
        "heart" => Heart(side),
        "hexagon" => Polygon(side, Enumerable.Range(0, 6)
            .Select(k => (MathF.Cos(k * MathF.PI / 3), MathF.Sin(k * MathF.PI / 3))).ToArray()),
        "cross" => Cross(side),
        "diamond" => Polygon(side, (0, -1), (0.8f, 0), (0, 1), (-0.8f, 0)),
        _ => throw new ArgumentOutOfRangeException(nameof(shape), shape, "No outline is defined for this shape."),
    };

    private static SKPath Circle(float side)
    {
        var path = new SKPath();
        path.AddCircle(0, 0, side / 2);
        return path;
    }

    /// <summary>A closed polygon from points in unit coordinates ([-1, 1] spans the box).</summary>
    private static SKPath Polygon(float side, params (float X, float Y)[] unitPoints)
    {
        var half = side / 2;
        var path = new SKPath();
        path.AddPoly(unitPoints.Select(p => new SKPoint(p.X * half, p.Y * half)).ToArray(), close: true);
        return path;
    }

    /// <summary>A five-pointed star, point up, with a fat inner radius so it reads as a star even when small;
    /// shifted down so its bounding box is centered.</summary>
    private static SKPath Star(float side)
    {
        const float innerRatio = 0.46f;
        var bottom = MathF.Cos(MathF.PI / 5);
        var shift = (1 - bottom) / 2;
        var points = new (float X, float Y)[10];
        for (var k = 0; k < 10; k++)
        {
            var radius = k % 2 == 0 ? 1 : innerRatio;
            var angle = -MathF.PI / 2 + k * MathF.PI / 5;
            points[k] = (radius * MathF.Cos(angle), radius * MathF.Sin(angle) + shift);
        }
        return Polygon(side, points);
    }

    /// <summary>The classic parametric heart (x = 16 sin³t, y = 13 cos t − 5 cos 2t − 2 cos 3t − cos 4t),
    /// scaled to the box width and centered.</summary>
    private static SKPath Heart(float side)
    {
        const int steps = 96;
        const float top = 12, bottom = -17, halfWidth = 16;
        var points = new (float X, float Y)[steps];
        for (var k = 0; k < steps; k++)
        {
            var t = 2 * MathF.PI * k / steps;
            var x = 16 * MathF.Pow(MathF.Sin(t), 3);
            var y = 13 * MathF.Cos(t) - 5 * MathF.Cos(2 * t) - 2 * MathF.Cos(3 * t) - MathF.Cos(4 * t);
            points[k] = (x / halfWidth, -(y - (top + bottom) / 2) / halfWidth);
        }
        return Polygon(side, points);
    }

    /// <summary>A plus sign whose arms are a little over a third of the box wide, on whole pixels.</summary>
    private static SKPath Cross(float side)
    {
        var half = side / 2;
        var arm = MathF.Round(side * 0.18f);
        var path = new SKPath();
        path.AddPoly(
        [
            new(-arm, -half), new(arm, -half), new(arm, -arm), new(half, -arm), new(half, arm), new(arm, arm),
            new(arm, half), new(-arm, half), new(-arm, arm), new(-half, arm), new(-half, -arm), new(-arm, -arm),
        ], close: true);
        return path;
    }
}
