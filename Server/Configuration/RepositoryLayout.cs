namespace DreamOmni2.Server.Configuration;

/// <summary>
/// Where the playground's folders are. Paths in configuration are relative to the repository root (the folder
/// holding the solution file), so <c>dotnet run --project Server</c> from a fresh clone finds packs/ and wwwroot/.
/// </summary>
public sealed class RepositoryLayout
{
    public const string SolutionFileName = "DreamOmni2.Playground.sln";
    public const string DefaultPack = "packs/tiny";
    public const string FallbackPack = "packs/fixture";

    public RepositoryLayout(string root) => Root = Path.GetFullPath(root);

    public string Root { get; }

    public string WebRoot => Path.Combine(Root, "wwwroot");

    /// <summary>The repository above <paramref name="start"/>, or else above the running program.</summary>
    public static RepositoryLayout Find(string start)
    {
        foreach (var origin in new[] { start, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(origin); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, SolutionFileName)))
                {
                    return new RepositoryLayout(dir.FullName);
                }
            }
        }
        return new RepositoryLayout(start);
    }

    public string Resolve(string path) => Path.GetFullPath(Path.Combine(Root, path));

    /// <summary>The configured pack, else the tiny pack, else the fixture pack when the tiny one is not there.</summary>
    public string PackFolder(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Resolve(configured);
        }
        string tiny = Resolve(DefaultPack);
        return Directory.Exists(tiny) ? tiny : Resolve(FallbackPack);
    }
}
