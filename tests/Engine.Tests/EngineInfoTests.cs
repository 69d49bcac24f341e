using DreamOmni2.Engine;

namespace DreamOmni2.Engine.Tests;

public class EngineInfoTests
{
    [Fact]
    public void Version_is_three_part() => Assert.Matches(@"^\d+\.\d+\.\d+$", EngineInfo.Version);
}
