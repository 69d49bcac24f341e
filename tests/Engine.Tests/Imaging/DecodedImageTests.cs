using DreamOmni2.Contracts;
using DreamOmni2.Engine.Imaging;

namespace DreamOmni2.Engine.Tests.Imaging;

public class DecodedImageTests
{
    [Fact]
    public void Holds_three_bytes_per_pixel()
    {
        var image = new DecodedImage(2, 3, new byte[18]);

        Assert.Equal(new ImageSize(2, 3), image.Size);
    }

    [Theory]
    [InlineData(2, 3, 17)]
    [InlineData(2, 3, 24)]
    [InlineData(0, 3, 0)]
    public void Refuses_a_buffer_that_does_not_fit_the_size(int width, int height, int length)
    {
        Assert.ThrowsAny<ArgumentException>(() => new DecodedImage(width, height, new byte[length]));
    }
}
