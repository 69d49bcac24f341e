using Microsoft.Data.Sqlite;

namespace DreamOmni2.Server.Tests.Support;

/// <summary>A data folder for one test, deleted afterwards.</summary>
public sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("dreamomni2-playground-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(Path, recursive: true);
    }
}
