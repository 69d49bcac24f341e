using DreamOmni2.ShapeWorld.Prompting;

namespace DreamOmni2.ShapeWorld.Scenes;

/// <summary>
/// Finds the object that redraws an image best on its known background, by drawing candidates the way
/// <see cref="SceneRenderer"/> does and measuring the squared error: shape, size, style and pattern together around
/// the center of the pixels that stand out, then color and pattern with the outline fixed, then the center again.
/// Only the pixels a candidate's sprite covers can differ from the background alone, so each candidate costs its
/// sprite's pixels, not the canvas's.
/// </summary>
internal sealed class ObjectFit
{
    private const int Size = ShapeWorldValues.CanvasSize;

    private static readonly int[] SolidOnly = [ShapeWorldValues.Solid];
    private static readonly int[] EveryPattern = [.. Enumerable.Range(0, ShapeWorldVocabulary.Patterns.Count)];

    private readonly byte[] _rgb;
    private readonly byte[] _background;
    private readonly int _backgroundIndex;
    private readonly Lighting _lighting;

    /// <summary>Each pixel's squared error (summed over channels) when nothing is drawn on the background.</summary>
    private readonly int[] _emptyError = new int[SceneRenderer.PixelCount];

    public ObjectFit(ReadOnlySpan<byte> rgb, int background, Lighting lighting)
    {
        _rgb = rgb.ToArray();
        _background = BackgroundImages.For(background, lighting).ToArray();
        _backgroundIndex = background;
        _lighting = lighting;
        for (var pixel = 0; pixel < _emptyError.Length; pixel++)
        {
            _emptyError[pixel] = SquaredError(pixel, _background[pixel * 3], _background[pixel * 3 + 1], _background[pixel * 3 + 2]);
        }
    }

    public SceneSpec Search(ObjectMask mask)
    {
        var guessed = ColorGuess.From(_rgb, mask.Interior.Length > 0 ? mask.Interior : PixelsOf(mask));
        var scene = BestPaint(BestOutline(guessed, mask));
        if (scene.Color != guessed)
        {
            scene = BestPaint(BestOutline(scene.Color, mask));
        }
        return scene;
    }

    /// <summary>Root-mean-square error per channel (gray levels) of the scene against the image, over the pixels
    /// where either shows an object.</summary>
    public double Residual(SceneSpec scene, ObjectMask mask)
    {
        var drawn = SceneRenderer.Render(scene);
        long sum = 0;
        var pixels = 0;
        for (var pixel = 0; pixel < SceneRenderer.PixelCount; pixel++)
        {
            if (drawn.Mask[pixel] == 0 && !mask.StandsOut[pixel])
            {
                continue;
            }
            pixels++;
            sum += SquaredError(pixel, drawn.Rgb[pixel * 3], drawn.Rgb[pixel * 3 + 1], drawn.Rgb[pixel * 3 + 2]);
        }
        return pixels == 0 ? 0 : Math.Sqrt(sum / (3.0 * pixels));
    }

    /// <summary>Shape, size, style and pattern in one color, the center within a pixel of the mask's, then re-centered.
    /// Every size is tried: JPEG's ringing can widen the pixels that stand out past a smaller size's box.</summary>
    private SceneSpec BestOutline(int color, ObjectMask mask)
    {
        var (centerX, centerY) = mask.Center;
        var best = (Scene: default(SceneSpec), Error: long.MaxValue);
        for (var size = 0; size < Palette.SizePixels.Count; size++)
        {
            for (var shape = 0; shape < ShapeWorldVocabulary.Shapes.Count; shape++)
            {
                for (var style = 0; style < ShapeWorldVocabulary.Styles.Count; style++)
                {
                    foreach (var pattern in PatternsFor(style))
                    {
                        for (var dy = -1; dy <= 1; dy++)
                        {
                            for (var dx = -1; dx <= 1; dx++)
                            {
                                var scene = new SceneSpec(shape, color, pattern, style, size, _backgroundIndex, _lighting, centerX + dx, centerY + dy);
                                var error = Error(scene);
                                if (error < best.Error)
                                {
                                    best = (scene, error);
                                }
                            }
                        }
                    }
                }
            }
        }
        return Recentred(best.Scene, best.Error);
    }

    /// <summary>Color and pattern with the outline fixed.</summary>
    private SceneSpec BestPaint(SceneSpec outline)
    {
        var best = (Scene: outline, Error: Error(outline));
        for (var color = 0; color < Palette.ObjectColors.Count; color++)
        {
            foreach (var pattern in PatternsFor(outline.Style))
            {
                var scene = outline with { Color = color, Pattern = pattern };
                var error = Error(scene);
                if (error < best.Error)
                {
                    best = (scene, error);
                }
            }
        }
        return best.Scene;
    }

    /// <summary>Moves the center a pixel at a time while that fits better.</summary>
    private SceneSpec Recentred(SceneSpec scene, long error)
    {
        for (var moved = true; moved;)
        {
            moved = false;
            for (var dy = -1; dy <= 1 && !moved; dy++)
            {
                for (var dx = -1; dx <= 1 && !moved; dx++)
                {
                    var candidate = scene.At(scene.CenterX + dx, scene.CenterY + dy);
                    var candidateError = Error(candidate);
                    if (candidateError < error)
                    {
                        (scene, error, moved) = (candidate, candidateError, true);
                    }
                }
            }
        }
        return scene;
    }

    /// <summary>The scene's squared error against the image, less that of the background alone (which every
    /// candidate shares): summed over the pixels its sprite covers, the only ones where the two differ.</summary>
    private long Error(SceneSpec scene)
    {
        var sprite = ObjectSprites.For(scene.Shape, scene.Size, scene.Style);
        var paint = ObjectPaints.For(scene.Color, scene.Pattern, scene.Size);
        var coverage = sprite.Coverage;
        var side = sprite.Side;
        var left = scene.CenterX - side / 2;
        var top = scene.CenterY - side / 2;
        long sum = 0;
        for (var sy = 0; sy < side; sy++)
        {
            var y = top + sy;
            if (y is < 0 or >= Size)
            {
                continue;
            }
            for (var sx = 0; sx < side; sx++)
            {
                var x = left + sx;
                var covered = coverage[sy * side + sx];
                if (covered == 0 || x is < 0 or >= Size)
                {
                    continue;
                }
                var pixel = y * Size + x;
                var offset = pixel * 3;
                var painted = (sy * side + sx) * 3;
                sum += SquaredError(pixel,
                    SceneRenderer.Blend(_background[offset], paint[painted], covered),
                    SceneRenderer.Blend(_background[offset + 1], paint[painted + 1], covered),
                    SceneRenderer.Blend(_background[offset + 2], paint[painted + 2], covered)) - _emptyError[pixel];
            }
        }
        return sum;
    }

    private int SquaredError(int pixel, int r, int g, int b)
    {
        var offset = pixel * 3;
        int dr = _rgb[offset] - r, dg = _rgb[offset + 1] - g, db = _rgb[offset + 2] - b;
        return dr * dr + dg * dg + db * db;
    }

    /// <summary>Outlined objects are always solid.</summary>
    private static int[] PatternsFor(int style) => style == ShapeWorldValues.Outlined ? SolidOnly : EveryPattern;

    private static int[] PixelsOf(ObjectMask mask) =>
        [.. Enumerable.Range(0, SceneRenderer.PixelCount).Where(pixel => mask.StandsOut[pixel])];
}
