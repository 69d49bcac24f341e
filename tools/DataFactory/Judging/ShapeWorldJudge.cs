using DreamOmni2.DataFactory.Scenes;
using DreamOmni2.DataFactory.Tasks;

namespace DreamOmni2.DataFactory.Judging;

/// <summary>
/// Decides from the ground truth whether an output answers a sample's request. The output is first aligned to the
/// target by the whole-pixel shift within ±<see cref="AlignmentRadius"/> that fits best; then it passes when all hold:
/// <list type="number">
/// <item>attribution: it is nearer the target than every distractor (the unchanged source, an attribute or the
/// background taken from a wrong image, the object of a wrong image) and every scene that differs from the target in
/// one attribute (so shape, color, pattern, style, size and background are each right). Nearness is the mean absolute
/// error inside the union of the two objects (dilated 1 px), or over the whole image when their backgrounds differ;</item>
/// <item>placement: its object's center is within <see cref="PlacementLimit"/> px of the target's;</item>
/// <item>object: its error against the target inside the target's object (dilated 1 px) is under
/// <see cref="ObjectErrorLimit"/>;</item>
/// <item>background: its error against the target outside the target's object (dilated 2 px) is under
/// <see cref="BackgroundErrorLimit"/>: nothing else changed.</item>
/// </list>
/// </summary>
public static class ShapeWorldJudge
{
    /// <summary>Largest whole-pixel misplacement of the whole image, in each direction, that alignment forgives.</summary>
    public const int AlignmentRadius = 1;

    public const double PlacementLimit = 1.5;

    public const double ObjectErrorLimit = 36;

    public const double BackgroundErrorLimit = 10;

    public static JudgeResult Judge(Sample sample, ReadOnlySpan<byte> outputRgb)
    {
        if (outputRgb.Length != SceneRenderer.RgbLength)
        {
            throw new ArgumentException($"The output must be 64×64 RGB ({SceneRenderer.RgbLength} bytes).", nameof(outputRgb));
        }
        var target = sample.Target;
        var output = Aligned(outputRgb, target.Rgb);

        var objectError = PixelRegions.MeanAbsoluteError(output, target.Rgb, PixelRegions.Covered(target.Mask, 1));
        var backgroundError = PixelRegions.MeanAbsoluteError(
            output, target.Rgb, PixelRegions.Complement(PixelRegions.Covered(target.Mask, 2)));
        var placementError = PlacementError(output, target);
        var (margin, nearestWrong) = Attribution(sample, output);

        var reason =
            margin <= 0 ? $"nearer {nearestWrong} than the target"
            : placementError > PlacementLimit ? $"object {placementError:F1} px from its place (limit {PlacementLimit})"
            : objectError >= ObjectErrorLimit ? $"object error {objectError:F1} ≥ {ObjectErrorLimit}"
            : backgroundError >= BackgroundErrorLimit ? $"background error {backgroundError:F1} ≥ {BackgroundErrorLimit}"
            : "ok";
        return new JudgeResult(reason == "ok", objectError, backgroundError, placementError, margin, reason);
    }

    /// <summary>The output shifted by the offset within <see cref="AlignmentRadius"/> that best matches the target.</summary>
    private static byte[] Aligned(ReadOnlySpan<byte> output, byte[] target)
    {
        var everything = PixelRegions.Everything();
        var best = output.ToArray();
        var bestError = PixelRegions.MeanAbsoluteError(best, target, everything);
        for (var dy = -AlignmentRadius; dy <= AlignmentRadius; dy++)
        {
            for (var dx = -AlignmentRadius; dx <= AlignmentRadius; dx++)
            {
                var shifted = PixelRegions.Shifted(output, dx, dy);
                var error = PixelRegions.MeanAbsoluteError(shifted, target, everything);
                if (error < bestError)
                {
                    (best, bestError) = (shifted, error);
                }
            }
        }
        return best;
    }

    private static double PlacementError(byte[] output, RenderedScene target)
    {
        var background = BackgroundImages.For(target.Spec.Background, target.Spec.Lighting);
        return (ObjectLocator.Centroid(output, background), ObjectLocator.Centroid(target.Rgb, background)) switch
        {
            ({ } found, { } wanted) => Math.Sqrt(Math.Pow(found.X - wanted.X, 2) + Math.Pow(found.Y - wanted.Y, 2)),
            _ => double.PositiveInfinity,
        };
    }

    /// <summary>The least margin by which the output is nearer the target than a wrong answer, and that answer.</summary>
    private static (double Margin, string NearestWrong) Attribution(Sample sample, byte[] output)
    {
        var target = sample.Target;
        var wrongAnswers = sample.Distractors.Select(spec => (Kind: "a distractor", Scene: spec))
            .Concat(TargetVariants.Of(target.Spec).Select(variant => (Kind: $"a wrong {variant.Attribute}", variant.Scene)));
        var least = (Margin: double.PositiveInfinity, NearestWrong: "");
        foreach (var (kind, scene) in wrongAnswers)
        {
            var wrong = SceneRenderer.Render(scene);
            var region = scene.Background != target.Spec.Background || scene.Lighting != target.Spec.Lighting
                ? PixelRegions.Everything()
                : PixelRegions.Covered(target.Mask, wrong.Mask, 1);
            var margin = PixelRegions.MeanAbsoluteError(output, wrong.Rgb, region)
                - PixelRegions.MeanAbsoluteError(output, target.Rgb, region);
            if (margin < least.Margin)
            {
                least = (margin, $"{kind} ({scene})");
            }
        }
        return least;
    }
}
