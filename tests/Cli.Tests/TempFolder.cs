using DreamOmni2.Engine.Imaging;

namespace DreamOmni2.Cli.Tests;

public sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("dreamomni2-cli-").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Writes a seeded test pattern PNG and returns its path.</summary>
    public string Image(string name, int width, int height, int seed)
    {
        string path = File(name);
        System.IO.File.WriteAllBytes(path, GradientPattern.Png(width, height, seed));
        return path;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
