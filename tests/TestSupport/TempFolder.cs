using DreamOmni2.Engine.Imaging;
using Microsoft.Data.Sqlite;

namespace DreamOmni2.TestSupport;

/// <summary>A folder for one test (a server's data folder, a command's files), deleted afterwards.</summary>
public sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("dreamomni2-test-").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Writes a seeded test pattern PNG and returns its path.</summary>
    public string Image(string name, int width, int height, int seed)
    {
        string path = File(name);
        System.IO.File.WriteAllBytes(path, GradientPattern.Png(width, height, seed));
        return path;
    }

    public void Dispose()
    {
        // A pooled SQLite connection would keep the database file open.
        SqliteConnection.ClearAllPools();
        Directory.Delete(Path, recursive: true);
    }
}
