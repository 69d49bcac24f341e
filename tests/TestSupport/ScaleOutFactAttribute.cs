namespace DreamOmni2.TestSupport;

/// <summary>A test of several processes on the shared store and Redis: skipped, saying how to provide them, when the tests were given none.</summary>
public sealed class ScaleOutFactAttribute : FactAttribute
{
    public ScaleOutFactAttribute()
    {
        if (!TestPostgres.Available || TestRedis.Server is null)
        {
            Skip = $"needs PostgreSQL and Redis servers: set {TestPostgres.Variable} and {TestRedis.Variable} (.ci/run starts both)";
        }
    }
}
