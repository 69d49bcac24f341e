namespace DreamOmni2.Engine.Packs;

/// <summary>
/// A pack folder whose manifest parsed, passed <see cref="PackManifestRules"/> and whose files all exist.
/// The graphs' inputs and outputs are checked against the manifest when <see cref="Runtime.PackSessions"/> opens them,
/// so that each graph is loaded once.
/// </summary>
public sealed class ModelPack
{
    public const string ManifestFileName = "pack.json";

    private ModelPack(string directory, PackManifest manifest, string hash, IReadOnlyList<PackExample> examples)
    {
        Examples = examples;
        Directory = directory;
        Manifest = manifest;
        Hash = hash;
        PreviewFactors = manifest.Latent.Preview.Factors is { } factors ? ToMatrix(factors) : null;
    }

    public string Directory { get; }

    public PackManifest Manifest { get; }

    public string Name => Manifest.Name;

    /// <summary>See <see cref="PackHash"/>; lower-case hex.</summary>
    public string Hash { get; }

    /// <summary>The linear preview's (channel, RGB) factors as the preview code takes them; null for other preview kinds.</summary>
    public float[,]? PreviewFactors { get; }

    /// <summary>The checked examples the pack ships; their image paths are inside the pack and decode.</summary>
    public IReadOnlyList<PackExample> Examples { get; }

    public string PathOf(string relativePath) => Path.Combine(Directory, relativePath);

    public static ModelPack Load(string directory)
    {
        string manifestPath = Path.Combine(directory, ManifestFileName);
        if (!File.Exists(manifestPath))
        {
            throw new PackValidationException(
                $"{directory}: no {ManifestFileName} here; a pack is a folder holding {ManifestFileName} and the files it names (see packs/README.md)");
        }
        byte[] json = File.ReadAllBytes(manifestPath);
        var manifest = PackManifestReader.Parse(json, manifestPath);
        PackManifestRules.Check(manifest, manifestPath);

        var problems = new List<string>();
        var files = new List<(string, string)>();
        string root = Path.GetFullPath(directory);
        foreach (var file in PackFiles.Of(manifest))
        {
            if (PackPaths.Inside(root, file.RelativePath) is not { } full)
            {
                problems.Add($"{manifestPath}: field '{file.Field}': '{file.RelativePath}' must be a path inside the pack folder");
            }
            else if (!File.Exists(full))
            {
                problems.Add($"{manifestPath}: field '{file.Field}': {Path.Combine(directory, file.RelativePath)} does not exist");
            }
            else
            {
                files.Add((file.RelativePath, full));
            }
        }
        var examples = PackExamples.Read(manifest, root, manifestPath, problems);
        if (problems.Count > 0)
        {
            throw PackValidationException.FromProblems(problems);
        }
        return new ModelPack(directory, manifest, PackHash.Compute(json, files), examples);
    }

    private static float[,] ToMatrix(IReadOnlyList<float[]> rows)
    {
        var matrix = new float[rows.Count, 3];
        for (int r = 0; r < rows.Count; r++)
        {
            for (int c = 0; c < 3; c++)
            {
                matrix[r, c] = rows[r][c];
            }
        }
        return matrix;
    }
}
