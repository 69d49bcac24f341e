using DreamOmni2.ShapeWorld.Scenes;

namespace DreamOmni2.ShapeWorld.Judging;

/// <summary>
/// Decides from the ground truth whether an output answers a sample's request. The output is first aligned to the
/// target by the whole-pixel shift within ±<see cref="AlignmentRadius"/> that fits best; then it passes when all hold:
/// <list type="number">
/// <item>attribution: it is nearer the target than every distractor (the unchanged source, an attribute or the
/// background taken from a wrong image, the object of a wrong image) and every scene that differs from the target in
/// one attribute (so shape, color, pattern, style, size and background are each right). Nearness is the absolute
/// error summed over the pixels where the target and the wrong answer differ (inside the union of the two objects,
/// or anywhere when their backgrounds differ);</item>
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

    /// <summary>Pixels between the output's and the target's object centers after alignment: a 2-px misplacement
    /// mostly passes, 3 px never does.</summary>
    public const double PlacementLimit = 1.5;

    /// <summary>Gray levels; ±8 levels of noise measure about 4, a 3×3 blur with noise and a shift at most 26.</summary>
    public const double ObjectErrorLimit = 36;

    /// <summary>Gray levels; ±8 levels of noise measure about 4, a wrong background color at least 18.</summary>
    public const double BackgroundErrorLimit = 10;

    private const string Distractor = "a distractor";
    private const string Misplaced = "misplaced";
    private const string ObjectOff = "object error";
    private const string BackgroundChanged = "background error";

    public static JudgeResult Judge(IGroundTruth sample, ReadOnlySpan<byte> outputRgb)
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
        var (margin, nearestKind, nearestWrong, imageMargin) = Attribution(sample, output);

        var (failure, reason) =
            margin <= 0 ? (nearestKind, $"nearer {nearestKind} ({nearestWrong}) than the target")
            : placementError > PlacementLimit ? (Misplaced, $"object {placementError:F1} px from its place (limit {PlacementLimit})")
            : objectError >= ObjectErrorLimit ? (ObjectOff, $"object error {objectError:F1} ≥ {ObjectErrorLimit}")
            : backgroundError >= BackgroundErrorLimit ? (BackgroundChanged, $"background error {backgroundError:F1} ≥ {BackgroundErrorLimit}")
            : (JudgeResult.Ok, JudgeResult.Ok);
        return new JudgeResult(objectError, backgroundError, placementError, margin, imageMargin, reason, failure);
    }

    /// <summary>The output shifted by the offset within <see cref="AlignmentRadius"/> that best matches the target
    /// (the smallest such shift on a tie).</summary>
    private static byte[] Aligned(ReadOnlySpan<byte> output, byte[] target)
    {
        var best = (Image: Array.Empty<byte>(), Error: double.PositiveInfinity);
        var offsets =
            from dy in Enumerable.Range(-AlignmentRadius, 2 * AlignmentRadius + 1)
            from dx in Enumerable.Range(-AlignmentRadius, 2 * AlignmentRadius + 1)
            orderby Math.Abs(dx) + Math.Abs(dy)
            select (dx, dy);
        foreach (var (dx, dy) in offsets)
        {
            var shifted = PixelRegions.Shifted(output, dx, dy);
            var error = PixelRegions.MeanAbsoluteError(shifted, target);
            if (error < best.Error)
            {
                best = (shifted, error);
            }
        }
        return best.Image;
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

    /// <summary>The least margin by which the output is nearer the target than a wrong answer, that answer's kind and
    /// scene, and the least margin over the distractors alone.</summary>
    private static (double Margin, string NearestKind, string NearestWrong, double DistractorMargin) Attribution(IGroundTruth sample, byte[] output)
    {
        var target = sample.Target.Rgb;
        var targetErrors = new int[target.Length];
        for (var i = 0; i < target.Length; i++)
        {
            targetErrors[i] = Math.Abs(output[i] - target[i]);
        }
        var wrongAnswers = sample.Distractors.Select(spec => (Kind: Distractor, Scene: spec))
            .Concat(TargetVariants.Of(sample.Target.Spec).Select(variant => (Kind: $"a wrong {variant.Attribute}", variant.Scene)));
        var least = (Margin: double.PositiveInfinity, Kind: "", Scene: "");
        var leastDistractor = double.PositiveInfinity;
        var wrong = new byte[SceneRenderer.RgbLength];
        var mask = new byte[SceneRenderer.PixelCount];
        foreach (var (kind, scene) in wrongAnswers)
        {
            SceneRenderer.Render(scene, wrong, mask);
            var margin = Margin(output, target, targetErrors, wrong);
            if (margin < least.Margin)
            {
                least = (margin, kind, scene.ToString());
            }
            if (kind == Distractor)
            {
                leastDistractor = Math.Min(leastDistractor, margin);
            }
        }
        return (least.Margin, least.Kind, least.Scene, leastDistractor);
    }

    /// <summary>How much nearer the output is to the target than to a wrong answer: the mean over the channels where
    /// the two differ of (error against the wrong answer − error against the target). Where they agree both errors
    /// are equal, so the sign is that of the whole-image comparison.</summary>
    private static double Margin(byte[] output, byte[] target, int[] targetErrors, byte[] wrong)
    {
        long sum = 0;
        var differing = 0;
        for (var i = 0; i < target.Length; i++)
        {
            if (wrong[i] != target[i])
            {
                sum += Math.Abs(output[i] - wrong[i]) - targetErrors[i];
                differing++;
            }
        }
        return differing == 0 ? double.PositiveInfinity : sum / (double)differing;
    }
}
