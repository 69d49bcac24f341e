using DreamOmni2.Contracts;
using DreamOmni2.Engine.Imaging;

namespace DreamOmni2.Engine.Tests.Imaging;

/// <summary>The input buckets of docs/kontext-pipeline.md §2.</summary>
public class ResolutionBucketsTests
{
    [Fact]
    public void Kontext_has_the_17_preferred_resolutions()
    {
        var buckets = ResolutionBuckets.Kontext;

        Assert.Equal(17, buckets.Count);
        Assert.Equal(new ImageSize(672, 1568), buckets[0]);
        Assert.Equal(new ImageSize(1024, 1024), buckets[8]);
        Assert.Equal(new ImageSize(1568, 672), buckets[16]);
        Assert.All(buckets, b => Assert.True(b.Width % 16 == 0 && b.Height % 16 == 0));
    }

    [Theory]
    [InlineData(1024, 1024, 1024, 1024)]
    [InlineData(4032, 3024, 1184, 880)]   // 4:3 photo, 1.333 → 1.345
    [InlineData(3024, 4032, 880, 1184)]
    [InlineData(1920, 1080, 1392, 752)]   // floored to 1920×1072, 1.791 → 1.851 (1328×800 is 1.66)
    [InlineData(10000, 100, 1568, 672)]
    [InlineData(100, 10000, 672, 1568)]
    [InlineData(8, 8, 1024, 1024)]        // sides under 16 count as 16
    public void Picks_the_closest_aspect_ratio(int width, int height, int expectedWidth, int expectedHeight)
    {
        Assert.Equal(new ImageSize(expectedWidth, expectedHeight), ResolutionBuckets.Choose(width, height, ResolutionBuckets.Kontext));
    }

    [Fact]
    public void Floors_sides_to_multiples_of_16_before_taking_the_ratio()
    {
        var buckets = new[] { new ImageSize(64, 64), new ImageSize(96, 64) };

        // 95×64 is 1.484 as given (closer to 96×64 at 1.5); floored to 80×64 it is 1.25, an exact tie → smaller width.
        Assert.Equal(new ImageSize(64, 64), ResolutionBuckets.Choose(95, 64, buckets));
    }

    [Fact]
    public void Ties_go_to_the_smaller_width_whatever_the_order()
    {
        ImageSize[] sameRatio = [new(128, 128), new(64, 64), new(96, 96)];

        Assert.Equal(new ImageSize(64, 64), ResolutionBuckets.Choose(500, 500, sameRatio));
        Assert.Equal(new ImageSize(64, 64), ResolutionBuckets.Choose(500, 500, [.. sameRatio.Reverse()]));
    }

    [Fact]
    public void A_pack_may_supply_a_single_bucket()
    {
        Assert.Equal(new ImageSize(64, 64), ResolutionBuckets.Choose(1920, 1080, [new ImageSize(64, 64)]));
    }

    [Fact]
    public void An_empty_bucket_list_is_refused()
    {
        Assert.Throws<ArgumentException>(() => ResolutionBuckets.Choose(10, 10, []));
    }
}
