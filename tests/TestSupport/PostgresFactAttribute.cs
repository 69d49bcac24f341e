namespace DreamOmni2.TestSupport;

/// <summary>A test that needs a PostgreSQL server: skipped, saying how to provide one, when the tests were given none.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (!TestPostgres.Available)
        {
            Skip = $"needs a PostgreSQL server: set {TestPostgres.Variable} (.ci/run starts one)";
        }
    }
}
