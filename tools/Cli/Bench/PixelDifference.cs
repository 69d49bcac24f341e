namespace DreamOmni2.Cli.Bench;

/// <summary>How far two 8-bit images of the same size are apart: the largest difference in one value, and how many differ.</summary>
internal readonly record struct PixelDifference(int Largest, int Differing)
{
    public static PixelDifference Between(byte[] expected, byte[] actual)
    {
        if (expected.Length != actual.Length)
        {
            throw new InvalidOperationException($"images of {expected.Length} and {actual.Length} values");
        }
        int largest = 0, differing = 0;
        for (int i = 0; i < expected.Length; i++)
        {
            int difference = Math.Abs(expected[i] - actual[i]);
            largest = Math.Max(largest, difference);
            differing += difference > 0 ? 1 : 0;
        }
        return new PixelDifference(largest, differing);
    }

    public override string ToString() => Differing == 0 ? "identical" : $"max {Largest}/255, {Differing} values";
}
