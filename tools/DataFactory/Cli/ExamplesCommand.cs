using DreamOmni2.DataFactory.Examples;
using DreamOmni2.Engine.Imaging;
using DreamOmni2.Engine.Packs;
using DreamOmni2.ShapeWorld.Scenes;

namespace DreamOmni2.DataFactory.Cli;

/// <summary>
/// Draws the tiny pack's examples into <c>PACK/examples/</c>: a PNG per tray image and <c>examples.json</c>, which the
/// pack's manifest names. Rendering is a pure function of the scene, so running it again gives the same bytes.
/// </summary>
public static class ExamplesCommand
{
    public const string Folder = "examples";
    public const string FileName = "examples.json";

    public static void Run(string packDirectory)
    {
        string folder = Path.Combine(packDirectory, Folder);
        Directory.CreateDirectory(folder);
        foreach (var stale in Directory.GetFiles(folder, "*.png"))
        {
            File.Delete(stale);
        }
        var examples = TinyPackExamples.All.Select(draft => new PackExample(
            draft.Title,
            draft.Mode,
            draft.Instruction,
            draft.Scenes.Select((scene, i) => WriteImage(scene, folder, $"{draft.Name}-{i + 1}.png")).ToList(),
            draft.Ablation)).ToList();
        File.WriteAllBytes(Path.Combine(folder, FileName), PackExamples.ToJson(new PackExampleList(examples)));
        Console.WriteLine($"wrote {examples.Count} examples to {folder}; the manifest names them as \"examples\": \"{Folder}/{FileName}\"");
    }

    private static string WriteImage(SceneSpec scene, string folder, string name)
    {
        var rendered = SceneRenderer.Render(scene);
        File.WriteAllBytes(Path.Combine(folder, name), PngEncoder.Encode(rendered.Rgb, ShapeWorldValues.CanvasSize, ShapeWorldValues.CanvasSize));
        return $"{Folder}/{name}";
    }
}
