using DreamOmni2.Contracts;
using DreamOmni2.Engine.Latents;

namespace DreamOmni2.Engine.Tests.Latents;

public class GridSizeTests
{
    [Fact]
    public void An_image_packs_into_one_token_per_16_pixel_square_at_downsampling_8()
    {
        var grid = GridSize.ForImage(pixelHeight: 1552, pixelWidth: 656, downsampling: 8);

        Assert.Equal(new GridSize(97, 41), grid);
        Assert.Equal(97 * 41, grid.Tokens);
    }

    [Fact]
    public void A_size_that_is_not_whole_patches_is_refused()
    {
        Assert.Throws<ArgumentException>(() => GridSize.ForImage(1000, 1024, 8));
    }
}
