using DreamOmni2.DataFactory.Tasks;

namespace DreamOmni2.DataFactory.Tests.Tasks;

/// <summary>The first training samples, made once and shared by the tests that check properties over many samples.</summary>
internal static class TrainingSamples
{
    public const int Count = 3000;

    public static IReadOnlyList<Sample> First { get; } =
        Enumerable.Range(0, Count).Select(index => ShapeWorldFactory.Create(index)).ToArray();
}
