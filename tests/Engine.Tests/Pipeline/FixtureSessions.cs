using DreamOmni2.Engine.Packs;
using DreamOmni2.Engine.Runtime;
using DreamOmni2.Engine.Tests.Support;

namespace DreamOmni2.Engine.Tests.Pipeline;

/// <summary>The fixture pack's sessions, opened once for every test that runs the pipeline.</summary>
public sealed class FixtureSessions : IDisposable
{
    public PackSessions Sessions { get; } = PackSessions.Open(ModelPack.Load(TestPacks.Fixture));

    public void Dispose() => Sessions.Dispose();
}

[CollectionDefinition(Name)]
public sealed class FixtureCollection : ICollectionFixture<FixtureSessions>
{
    public const string Name = "fixture pack";
}
