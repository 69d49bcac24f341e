namespace DreamOmni2.Cli;

/// <summary>Finds the repository's packs when no --pack is given: packs/tiny, or packs/fixture until tiny exists.</summary>
public static class PackLocator
{
    private const string SolutionFile = "DreamOmni2.Playground.sln";

    public static string DefaultPack()
    {
        string packs = Path.Combine(RepositoryRoot(), "packs");
        string tiny = Path.Combine(packs, "tiny");
        return File.Exists(Path.Combine(tiny, "pack.json")) ? tiny : Path.Combine(packs, "fixture");
    }

    /// <summary>A pack folder of the repository, by name.</summary>
    public static string RepositoryPack(string name) => Path.Combine(RepositoryRoot(), "packs", name);

    /// <summary>A file of the repository by its path from the root, such as a script of tools/.</summary>
    public static string RepositoryFile(string relativePath) => Path.Combine(RepositoryRoot(), relativePath);

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFile)))
            {
                return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException($"no --pack was given and no {SolutionFile} was found above {AppContext.BaseDirectory} to find the default pack");
    }
}
