using System.Reflection;
using Xunit.Sdk;

namespace DreamOmni2.TestSupport;

/// <summary>
/// The stores a storage test runs on: SQLite always, PostgreSQL when the tests were given a server (see
/// <see cref="TestPostgres"/>; <see cref="PostgresFactAttribute"/> tests say so when they are not).
/// </summary>
public sealed class StoreKindsAttribute : DataAttribute
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    public override IEnumerable<object[]> GetData(MethodInfo testMethod) =>
        TestPostgres.Available ? [[Sqlite], [Postgres]] : [[Sqlite]];
}
