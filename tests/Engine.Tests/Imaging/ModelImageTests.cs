using DreamOmni2.Engine.Imaging;

namespace DreamOmni2.Engine.Tests.Imaging;

public class ModelImageTests
{
    [Fact]
    public void Bytes_become_planar_values_in_minus_one_to_one()
    {
        // 2×1 pixels: (0, 255, 51) and (102, 153, 204).
        var image = new DecodedImage(2, 1, [0, 255, 51, 102, 153, 204]);

        var chw = ModelImage.ToTensor(image);

        Assert.Equal([-1f, 102 / 255f * 2 - 1, 1f, 153 / 255f * 2 - 1, 51 / 255f * 2 - 1, 1f * 204 / 255 * 2 - 1], chw);
    }

    [Fact]
    public void Values_map_back_to_bytes_clamped_and_rounded()
    {
        float[] chw = [-1f, -2f, 0f, 1f, 3f, 0.5f];

        var rgb = ModelImage.ToRgb(chw, 1, 2);

        // pixel 0: (−1, 0, 3) → (0, 128, 255); pixel 1: (−2, 1, 0.5) → (0, 255, 191)
        Assert.Equal(new byte[] { 0, 128, 255, 0, 255, 191 }, rgb);
    }

    [Fact]
    public void Every_byte_survives_the_round_trip()
    {
        var all = Enumerable.Range(0, 256 * 3).Select(i => (byte)(i % 256)).ToArray();
        var image = new DecodedImage(256, 1, all);

        Assert.Equal(all, ModelImage.ToRgb(ModelImage.ToTensor(image), 256, 1));
    }

    [Fact]
    public void A_wrong_length_is_refused()
    {
        Assert.Throws<ArgumentException>(() => ModelImage.ToRgb(new float[5], 1, 2));
    }
}
