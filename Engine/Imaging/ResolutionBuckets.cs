using DreamOmni2.Contracts;

namespace DreamOmni2.Engine.Imaging;

/// <summary>Picks the size each input image is resized to before it is encoded.</summary>
public static class ResolutionBuckets
{
    /// <summary>Floor applied to each side before the aspect ratio is taken.</summary>
    public const int SideMultiple = 16;

    /// <summary>PREFERRED_KONTEXT_RESOLUTIONS of diffusers' FluxKontextPipeline, (W,H), about 1 MP each.</summary>
    public static IReadOnlyList<ImageSize> Kontext { get; } =
    [
        new(672, 1568), new(688, 1504), new(720, 1456), new(752, 1392), new(800, 1328), new(832, 1248),
        new(880, 1184), new(944, 1104), new(1024, 1024), new(1104, 944), new(1184, 880), new(1248, 832),
        new(1328, 800), new(1392, 752), new(1456, 720), new(1504, 688), new(1568, 672),
    ];

    /// <summary>
    /// The bucket whose aspect ratio is closest to the image's after both sides are floored to multiples of 16;
    /// ties go to the smaller width, then the smaller height (Python's <c>min</c> over (distance, w, h) tuples).
    /// </summary>
    /// <remarks>Sides under 16 px count as 16 so that tiny images get a bucket instead of a division by zero.</remarks>
    public static ImageSize Choose(int width, int height, IReadOnlyList<ImageSize> buckets)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        if (buckets.Count == 0)
        {
            throw new ArgumentException("at least one resolution bucket is needed", nameof(buckets));
        }

        double aspectRatio = (double)FloorToMultiple(width) / FloorToMultiple(height);
        var best = buckets[0];
        double bestDistance = Distance(aspectRatio, best);
        for (int i = 1; i < buckets.Count; i++)
        {
            var candidate = buckets[i];
            double distance = Distance(aspectRatio, candidate);
            if (distance < bestDistance
                || (distance == bestDistance && (candidate.Width, candidate.Height).CompareTo((best.Width, best.Height)) < 0))
            {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best;
    }

    private static int FloorToMultiple(int side) => Math.Max(SideMultiple, side / SideMultiple * SideMultiple);

    private static double Distance(double aspectRatio, ImageSize bucket) =>
        Math.Abs(aspectRatio - (double)bucket.Width / bucket.Height);
}
