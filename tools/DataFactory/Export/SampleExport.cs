using DreamOmni2.ShapeWorld.Prompting;
using System.Text.Json;
using DreamOmni2.ShapeWorld.Scenes;
using DreamOmni2.DataFactory.Tasks;

namespace DreamOmni2.DataFactory.Export;

/// <summary>
/// Writes a sample as files named by its index: <c>{index}_image{k}.png</c> and <c>{index}_image{k}_mask.png</c>
/// per input, <c>{index}_target.png</c> and <c>{index}_target_mask.png</c>, and <c>{index}.json</c> with the task,
/// prompt, loose phrasings and labels (every image's scene, the distractor targets' scenes).
/// </summary>
public static class SampleExport
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    public static void Write(Sample sample, string directory)
    {
        var inputs = sample.Inputs.Select((input, i) => WriteImage(input, directory, $"{sample.Index}_image{i + 1}")).ToArray();
        var target = WriteImage(sample.Target, directory, $"{sample.Index}_target");
        var labels = new SampleLabels(
            sample.Index,
            sample.Task.Name(),
            sample.Prompt,
            sample.LoosePhrasings,
            inputs,
            target,
            sample.Distractors.Select(SceneLabels.Of).ToArray());
        File.WriteAllText(Path.Combine(directory, $"{sample.Index}.json"), JsonSerializer.Serialize(labels, Json));
    }

    private static ImageLabels WriteImage(RenderedScene scene, string directory, string name)
    {
        using (var image = RgbImage.ToBitmap(scene.Rgb, ShapeWorldValues.CanvasSize, ShapeWorldValues.CanvasSize))
        {
            RgbImage.SavePng(image, Path.Combine(directory, $"{name}.png"));
        }
        using (var mask = RgbImage.GrayToBitmap(scene.Mask, ShapeWorldValues.CanvasSize, ShapeWorldValues.CanvasSize))
        {
            RgbImage.SavePng(mask, Path.Combine(directory, $"{name}_mask.png"));
        }
        return new ImageLabels($"{name}.png", $"{name}_mask.png", SceneLabels.Of(scene.Spec));
    }

    private sealed record SampleLabels(
        long Index,
        string Task,
        string Prompt,
        IReadOnlyList<string> LoosePhrasings,
        IReadOnlyList<ImageLabels> Inputs,
        ImageLabels Target,
        IReadOnlyList<SceneLabels> Distractors);

    private sealed record ImageLabels(string File, string MaskFile, SceneLabels Scene);

    private sealed record SceneLabels(
        string Shape,
        string Color,
        string Pattern,
        string Style,
        string Size,
        string Background,
        string Lighting,
        int CenterX,
        int CenterY)
    {
        public static SceneLabels Of(SceneSpec spec) => new(
            spec.ShapeWord,
            spec.WordOf(ShapeWorldAttribute.Color),
            spec.WordOf(ShapeWorldAttribute.Pattern),
            spec.WordOf(ShapeWorldAttribute.Style),
            spec.WordOf(ShapeWorldAttribute.Size),
            spec.WordOf(ShapeWorldAttribute.Background),
            spec.Lighting switch
            {
                ShapeWorld.Scenes.Lighting.FromTop => "from_top",
                ShapeWorld.Scenes.Lighting.FromLeft => "from_left",
                _ => "flat",
            },
            spec.CenterX,
            spec.CenterY);
    }
}
