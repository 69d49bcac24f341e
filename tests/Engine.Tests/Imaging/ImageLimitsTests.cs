using DreamOmni2.Engine.Imaging;

namespace DreamOmni2.Engine.Tests.Imaging;

public class ImageLimitsTests
{
    [Fact]
    public void Defaults_are_the_products_limits()
    {
        var limits = ImageLimits.Default;

        Assert.Equal((5, 1, 20L * 1024 * 1024, 40_000_000L, 12_000),
            (limits.MaxImages, limits.MinImages, limits.MaxFileBytes, limits.MaxPixels, limits.MaxSide));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    public void Counts_within_the_limits_pass(int count) => ImageLimits.Default.EnsureImageCount(count);

    [Fact]
    public void Too_many_images_are_refused_saying_how_many_to_remove()
    {
        var error = Assert.Throws<ImageInputException>(() => ImageLimits.Default.EnsureImageCount(7));

        Assert.Equal(ImageInputError.TooManyImages, error.Error);
        Assert.Null(error.ImageNumber);
        Assert.Equal("7 images were given; the limit is 5 — remove 2", error.Message);
    }

    [Fact]
    public void Too_few_images_are_refused_saying_how_many_to_add()
    {
        var error = Assert.Throws<ImageInputException>(() => (ImageLimits.Default with { MinImages = 2 }).EnsureImageCount(1));

        Assert.Equal(ImageInputError.TooFewImages, error.Error);
        Assert.Equal("1 image was given; this needs at least 2 — add 1", error.Message);
    }
}
