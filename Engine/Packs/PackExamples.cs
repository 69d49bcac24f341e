using System.Text.Json;
using DreamOmni2.Contracts;
using DreamOmni2.Engine.Imaging;

namespace DreamOmni2.Engine.Packs;

/// <summary>
/// Reads and checks the examples file a manifest names (<c>examples</c>): every example must be a request the pack
/// accepts, and every image a plain path down from the pack folder to an image the engine decodes. Hosts then reach
/// an example's files only through these checked paths, by the example's and the image's number.
/// </summary>
public static class PackExamples
{
    /// <summary>The pack's examples (none when the manifest names no file), or the problems found, one per line.</summary>
    /// <param name="root">The pack folder's full path.</param>
    /// <param name="manifestPath">The manifest's path, for messages.</param>
    public static IReadOnlyList<PackExample> Read(PackManifest manifest, string root, string manifestPath, List<string> problems)
    {
        if (manifest.Examples is not { } relative)
        {
            return [];
        }
        if (PackPaths.PlainInside(root, relative) is not { } path)
        {
            problems.Add($"{manifestPath}: field 'examples': '{relative}' must be a path down from the pack folder, without '..'");
            return [];
        }
        if (!File.Exists(path))
        {
            problems.Add($"{manifestPath}: field 'examples': {path} does not exist");
            return [];
        }
        PackExampleList list;
        try
        {
            list = PackManifestReader.Parse<PackExampleList>(File.ReadAllBytes(path), path, "the examples file");
        }
        catch (PackValidationException e)
        {
            problems.Add(e.Message);
            return [];
        }
        int before = problems.Count;
        problems.AddRange(Problems(list, manifest, root).Select(p => $"{path}: {p}"));
        return problems.Count > before ? [] : list.Examples;
    }

    /// <summary>An examples file as <see cref="Read"/> reads it.</summary>
    public static byte[] ToJson(PackExampleList list) =>
        JsonSerializer.SerializeToUtf8Bytes(list, new JsonSerializerOptions(PackManifestReader.Options) { WriteIndented = true });

    private static IEnumerable<string> Problems(PackExampleList list, PackManifest manifest, string root)
    {
        if (list.Examples.Count == 0)
        {
            yield return "field 'examples': list at least one example, or leave the file out of the manifest";
        }
        for (int e = 0; e < list.Examples.Count; e++)
        {
            var example = list.Examples[e];
            string field = $"examples[{e}]";
            if (string.IsNullOrWhiteSpace(example.Title))
            {
                yield return $"field '{field}.title': an example needs a title saying what it shows";
            }
            if (string.IsNullOrWhiteSpace(example.Instruction) || example.Instruction.Length > RequestLimits.MaxTextLength)
            {
                yield return $"field '{field}.instruction': needs an instruction of 1 to {RequestLimits.MaxTextLength} characters";
            }
            if (manifest.Transformer.Modes.For(example.Mode) is null)
            {
                yield return $"field '{field}.mode': the pack has no {example.Mode.Name()} transformer";
            }
            if (example.Mode == GenerationMode.Edit && example.Images.Count == 0)
            {
                yield return $"field '{field}.images': an edit needs image 1, the picture it changes";
            }
            if (example.Images.Count > manifest.Defaults.MaxImages)
            {
                yield return $"field '{field}.images': {example.Images.Count} images; the pack takes at most {manifest.Defaults.MaxImages} (defaults.max_images)";
            }
            for (int i = 0; i < example.Images.Count; i++)
            {
                if (ImageProblem(root, example.Images[i], i + 1) is { } problem)
                {
                    yield return $"field '{field}.images[{i}]': {problem}";
                }
            }
        }
    }

    private static string? ImageProblem(string root, string relative, int imageNumber)
    {
        if (PackPaths.PlainInside(root, relative) is not { } path)
        {
            return $"'{relative}' must be a path down from the pack folder, without '..'";
        }
        if (!File.Exists(path))
        {
            return $"{path} does not exist";
        }
        try
        {
            ImageDecoder.Decode(File.ReadAllBytes(path), ImageLimits.Default, imageNumber);
            return null;
        }
        catch (ImageInputException e)
        {
            return $"{path}: {e.Message}";
        }
    }
}
