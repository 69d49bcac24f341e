using System.Text.Json.Nodes;

namespace DreamOmni2.Engine.Tests.Support;

/// <summary>The repository's packs, and broken copies of them made in temporary folders.</summary>
public static class TestPacks
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string Fixture => Path.Combine(RepoRoot, "packs", "fixture");

    /// <summary>The trained shape-world pack, whose VAE is a lossless space-to-depth.</summary>
    public static string Tiny => Path.Combine(RepoRoot, "packs", "tiny");

    /// <summary>The fixture model with a LoRA adapter per mode, and each mode's LoRA merged into a graph of its own.</summary>
    public static string FixtureLora => Path.Combine(RepoRoot, "packs", "fixture-lora");

    /// <summary>A copy of the fixture pack whose manifest <paramref name="edit"/> changed; deleted with the returned scope.</summary>
    public static TempPack CopyFixture(Action<JsonNode>? edit = null) => Copy(Fixture, edit);

    /// <summary>A copy of <paramref name="pack"/> whose manifest <paramref name="edit"/> changed; deleted with the returned scope.</summary>
    public static TempPack Copy(string pack, Action<JsonNode>? edit = null)
    {
        var copy = new TempPack();
        foreach (var file in Directory.GetFiles(pack))
        {
            File.Copy(file, Path.Combine(copy.Directory, Path.GetFileName(file)));
        }
        if (edit is not null)
        {
            var manifestPath = Path.Combine(copy.Directory, "pack.json");
            var manifest = JsonNode.Parse(File.ReadAllText(manifestPath))!;
            edit(manifest);
            File.WriteAllText(manifestPath, manifest.ToJsonString(new() { WriteIndented = true }));
        }
        return copy;
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DreamOmni2.Playground.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("the tests run outside the repository");
    }
}

public sealed class TempPack : IDisposable
{
    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("dreamomni2-pack-").FullName;

    public string PathOf(string file) => Path.Combine(Directory, file);

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
