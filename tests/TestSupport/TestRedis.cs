namespace DreamOmni2.TestSupport;

/// <summary>The Redis server the tests are given in <c>DREAMOMNI2_TEST_REDIS</c> (host:port; <c>.ci/run</c> starts one).</summary>
public static class TestRedis
{
    public const string Variable = "DREAMOMNI2_TEST_REDIS";

    public static string? Server => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;
}
