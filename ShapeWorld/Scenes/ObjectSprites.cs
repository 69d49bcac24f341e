using DreamOmni2.ShapeWorld.Prompting;
using SkiaSharp;

namespace DreamOmni2.ShapeWorld.Scenes;

/// <summary>
/// The coverage sprite of every (shape, size, style), rasterized once with Skia (antialiased). Objects sit on
/// whole-pixel centers, so placing one is a pure translation of its sprite.
/// </summary>
public static class ObjectSprites
{
    /// <summary>Stroke width of outlined objects, in pixels; the stroke's outer edge follows the filled outline.</summary>
    public const float OutlineWidth = 3;

    /// <summary>Pixels of empty border around the object's bounding box in every sprite.</summary>
    public const int Border = 4;

    private static readonly ObjectSprite[] Sprites = BuildAll();

    public static ObjectSprite For(int shape, int size, int style) =>
        Sprites[(shape * Palette.SizePixels.Count + size) * ShapeWorldVocabulary.Styles.Count + style];

    /// <summary>The sprite side for a size: the object's box plus a border on each side.</summary>
    public static int SideFor(int size) => Palette.SizePixels[size] + 2 * Border;

    private static ObjectSprite[] BuildAll()
    {
        var sprites = new List<ObjectSprite>();
        foreach (var shape in ShapeWorldVocabulary.Shapes)
        {
            for (var size = 0; size < Palette.SizePixels.Count; size++)
            {
                for (var style = 0; style < ShapeWorldVocabulary.Styles.Count; style++)
                {
                    sprites.Add(Rasterize(shape, size, style == ShapeWorldValues.Outlined));
                }
            }
        }
        return sprites.ToArray();
    }

    private static ObjectSprite Rasterize(string shape, int size, bool outlined)
    {
        var boxSide = Palette.SizePixels[size];
        var side = SideFor(size);
        using var bitmap = new SKBitmap(new SKImageInfo(side, side, SKColorType.Alpha8, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.Transparent);
            canvas.Translate(side / 2f, side / 2f);
            using var path = ShapeOutlines.Create(shape, outlined ? boxSide - OutlineWidth : boxSide);
            using var paint = new SKPaint
            {
                IsAntialias = true,
                Color = SKColors.Black,
                Style = outlined ? SKPaintStyle.Stroke : SKPaintStyle.Fill,
                StrokeWidth = OutlineWidth,
                StrokeJoin = SKStrokeJoin.Round,
            };
            canvas.DrawPath(path, paint);
        }
        var coverage = new byte[side * side];
        var pixels = bitmap.GetPixelSpan();
        for (var y = 0; y < side; y++)
        {
            pixels.Slice(y * bitmap.RowBytes, side).CopyTo(coverage.AsSpan(y * side, side));
        }
        return new ObjectSprite(side, coverage);
    }
}
