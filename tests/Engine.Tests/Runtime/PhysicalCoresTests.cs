using DreamOmni2.Engine.Runtime;

namespace DreamOmni2.Engine.Tests.Runtime;

public class PhysicalCoresTests
{
    [Theory]
    [InlineData(2, "0\n", 2)]       // no SMT: every logical processor is a core
    [InlineData(128, "0,64\n", 64)] // two hardware threads per core, listed apart
    [InlineData(16, "0-1\n", 8)]    // two hardware threads per core, as a range
    [InlineData(1, "0-1", 1)]       // a container given one processor still gets one thread
    [InlineData(6, null, 6)]        // no topology to read
    public void Logical_processors_are_divided_by_the_threads_per_core(int logical, string? siblings, int expected) =>
        Assert.Equal(expected, PhysicalCores.FromTopology(logical, siblings));

    [Fact]
    public void This_machine_has_at_least_one_and_at_most_its_logical_processors() =>
        Assert.InRange(PhysicalCores.Available(), 1, Environment.ProcessorCount);
}
