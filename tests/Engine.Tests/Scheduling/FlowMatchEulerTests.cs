using DreamOmni2.Engine.Scheduling;

namespace DreamOmni2.Engine.Tests.Scheduling;

/// <summary>The Euler step and denoised estimate of docs/kontext-pipeline.md §6, §7.</summary>
public class FlowMatchEulerTests
{
    [Fact]
    public void Step_moves_x_by_sigma_difference_times_velocity()
    {
        // Long enough to run the vector path and a scalar tail.
        var x = Enumerable.Range(0, 37).Select(i => (float)i).ToArray();
        var v = Enumerable.Range(0, 37).Select(i => 2f - i).ToArray();

        FlowMatchEuler.Step(x, v, sigma: 0.75f, sigmaNext: 0.5f);

        for (int i = 0; i < x.Length; i++)
        {
            Assert.Equal(i + (0.5f - 0.75f) * (2f - i), x[i], 5);
        }
    }

    [Fact]
    public void Stepping_to_zero_lands_on_the_denoised_estimate()
    {
        float[] x = [0.3f, -1.2f, 2.5f];
        float[] v = [1f, -0.5f, 0.25f];
        var x0 = new float[3];

        FlowMatchEuler.DenoisedEstimate(x, v, 0.4f, x0);
        FlowMatchEuler.Step(x, v, 0.4f, 0f);

        Assert.Equal([0.3f - 0.4f * 1f, -1.2f + 0.4f * 0.5f, 2.5f - 0.4f * 0.25f], x0);
        Assert.Equal(x0, x);
    }

    [Fact]
    public void Steps_allocate_nothing()
    {
        var x = new float[4096];
        var v = new float[4096];
        var x0 = new float[4096];
        FlowMatchEuler.Step(x, v, 1f, 0.9f);
        FlowMatchEuler.DenoisedEstimate(x, v, 0.9f, x0);

        long before = GC.GetAllocatedBytesForCurrentThread();
        FlowMatchEuler.Step(x, v, 0.9f, 0.8f);
        FlowMatchEuler.DenoisedEstimate(x, v, 0.8f, x0);

        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }

    [Fact]
    public void Mismatched_lengths_are_refused()
    {
        Assert.Throws<ArgumentException>(() => FlowMatchEuler.Step(new float[4], new float[3], 1f, 0.5f));
        Assert.Throws<ArgumentException>(() => FlowMatchEuler.DenoisedEstimate(new float[4], new float[4], 1f, new float[5]));
    }
}
