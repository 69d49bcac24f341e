namespace DreamOmni2.DataFactory.Randomness;

/// <summary>
/// SplitMix64 (Steele, Lea and Flood, 2014): a tiny generator with a fixed, published algorithm, so a sample index
/// maps to the same sample on every runtime and platform, unlike <see cref="System.Random"/>.
/// </summary>
/// <remarks>
/// The seed of sample <c>i</c> is <c>Mix(i ^ streamSalt)</c>; each draw advances the state by the golden-ratio
/// increment 0x9E3779B97F4A7C15 and returns <c>Mix(state)</c>.
/// </remarks>
public sealed class SplitMix64
{
    private const ulong GoldenGamma = 0x9E3779B97F4A7C15;
    private ulong _state;

    public SplitMix64(ulong seed) => _state = seed;

    /// <summary>The SplitMix64 finalizer: a fixed bijective hash of 64-bit values.</summary>
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }

    public ulong NextUInt64() => Mix(_state += GoldenGamma);

    /// <summary>A uniform integer in [0, <paramref name="exclusiveMax"/>), by rejection so it is exactly uniform.</summary>
    public int NextInt(int exclusiveMax)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(exclusiveMax);
        var bound = (ulong)exclusiveMax;
        var limit = ulong.MaxValue - ulong.MaxValue % bound;
        ulong draw;
        do
        {
            draw = NextUInt64();
        }
        while (draw >= limit);
        return (int)(draw % bound);
    }

    /// <summary>A uniform integer in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public int NextInclusive(int min, int max) => min + NextInt(max - min + 1);

    /// <summary>A uniform double in [0, 1) from the top 53 bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    public T Pick<T>(IReadOnlyList<T> items) => items[NextInt(items.Count)];

    /// <summary>Draws an index with probability proportional to its weight.</summary>
    public int PickWeighted(ReadOnlySpan<double> weights)
    {
        var total = 0.0;
        foreach (var weight in weights)
        {
            total += weight;
        }
        var target = NextDouble() * total;
        for (var i = 0; i < weights.Length - 1; i++)
        {
            target -= weights[i];
            if (target < 0)
            {
                return i;
            }
        }
        return weights.Length - 1;
    }

    /// <summary>A uniformly drawn value in [0, <paramref name="count"/>) that <paramref name="allowed"/> accepts.</summary>
    public int PickAllowed(int count, Func<int, bool> allowed)
    {
        var allowedCount = 0;
        for (var value = 0; value < count; value++)
        {
            allowedCount += allowed(value) ? 1 : 0;
        }
        if (allowedCount == 0)
        {
            throw new InvalidOperationException("No value satisfies the constraint.");
        }
        var chosen = NextInt(allowedCount);
        for (var value = 0; ; value++)
        {
            if (allowed(value) && chosen-- == 0)
            {
                return value;
            }
        }
    }

    /// <summary>Fisher–Yates shuffle in place.</summary>
    public void Shuffle<T>(IList<T> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = NextInt(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
