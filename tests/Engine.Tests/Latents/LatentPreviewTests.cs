using DreamOmni2.Engine.Latents;

namespace DreamOmni2.Engine.Tests.Latents;

/// <summary>The linear step preview of docs/kontext-pipeline.md §7.</summary>
public class LatentPreviewTests
{
    [Fact]
    public void Maps_each_pixel_linearly_then_clamps_to_bytes()
    {
        // 2 channels, 1×2 pixels: R = c0, G = c1, B = c0 + c1 − 0.5.
        float[,] factors = { { 1f, 0f, 1f }, { 0f, 1f, 1f } };
        float[] bias = [0f, 0f, -0.5f];
        float[] x0 = [-1f, 0.5f, 0f, 3f];

        var rgb = LatentPreview.Linear(x0, 2, 1, 2, factors, bias);

        Assert.Equal(new byte[] { 0, 128, 0, 191, 255, 255 }, rgb);
    }

    [Fact]
    public void Flux_factors_are_the_reference_table()
    {
        var factors = LatentPreview.FluxFactors;

        Assert.Equal(16, factors.GetLength(0));
        Assert.Equal(3, factors.GetLength(1));
        Assert.Equal([-0.0346f, 0.0244f, 0.0681f], [factors[0, 0], factors[0, 1], factors[0, 2]]);
        Assert.Equal([-0.1262f, -0.0982f, -0.0778f], [factors[15, 0], factors[15, 1], factors[15, 2]]);
        Assert.Equal([-0.0329f, -0.0718f, -0.0851f], LatentPreview.FluxBias);
    }

    [Fact]
    public void Callers_cannot_change_the_shared_factors()
    {
        LatentPreview.FluxFactors[0, 0] = 99f;
        LatentPreview.FluxBias[0] = 99f;

        Assert.Equal(-0.0346f, LatentPreview.FluxFactors[0, 0]);
        Assert.Equal(-0.0329f, LatentPreview.FluxBias[0]);
    }

    [Fact]
    public void Mismatched_shapes_are_refused()
    {
        Assert.Throws<ArgumentException>(() => LatentPreview.Linear(new float[16 * 4], 16, 2, 2, new float[4, 3], [0, 0, 0]));
        Assert.Throws<ArgumentException>(() => LatentPreview.Linear(new float[16 * 4], 16, 2, 3, LatentPreview.FluxFactors, LatentPreview.FluxBias));
    }
}
