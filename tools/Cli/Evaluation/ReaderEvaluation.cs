using System.Diagnostics;
using DreamOmni2.DataFactory.Tasks;
using DreamOmni2.ShapeWorld.Scenes;

namespace DreamOmni2.Cli.Evaluation;

/// <summary>
/// How often the image reader reads each attribute right, on the inputs and targets of held-out factory cases (indices
/// never used in training), for each way a picture can reach it.
/// </summary>
public static class ReaderEvaluation
{
    /// <summary>What is scored, in table order; "place" is right when the center is within a pixel each way.</summary>
    public static IReadOnlyList<string> Attributes { get; } =
        ["shape", "color", "pattern", "style", "size", "background", "lighting", "place"];

    public static IReadOnlyList<ReaderScore> Run(int casesPerTask, int caseSeed, IReadOnlyList<PictureDelivery> deliveries)
    {
        var scenes = (
            from task in Enum.GetValues<TaskKind>()
            from caseNumber in Enumerable.Range(0, casesPerTask)
            let sample = ShapeWorldFactory.CreateHeldOut(caseSeed, caseNumber, task)
            from scene in sample.Inputs.Append(sample.Target)
            select scene).ToList();
        return deliveries.Select(delivery => Score(delivery, scenes)).ToList();
    }

    private static ReaderScore Score(PictureDelivery delivery, List<RenderedScene> scenes)
    {
        var right = Attributes.ToDictionary(a => a, _ => 0);
        var misread = new List<string>();
        var clock = new Stopwatch();
        foreach (var scene in scenes)
        {
            var read = delivery.Deliver(scene.Rgb);
            clock.Start();
            var reading = read();
            clock.Stop();
            var wrong = new List<string>();
            foreach (var attribute in Attributes)
            {
                if (reading is ObjectReading seen && Agrees(attribute, seen.Scene, scene.Spec))
                {
                    right[attribute]++;
                }
                else
                {
                    wrong.Add(attribute);
                }
            }
            if (wrong.Count > 0)
            {
                misread.Add($"{scene.Spec}: read {reading.Describe()}" +
                    (reading is ObjectReading fitted ? $" (residual {fitted.Residual:0.0})" : "") + $"; wrong {string.Join(", ", wrong)}");
            }
        }
        return new ReaderScore(delivery, scenes.Count, right, misread, clock.Elapsed.TotalMilliseconds / scenes.Count);
    }

    private static bool Agrees(string attribute, SceneSpec read, SceneSpec truth) => attribute switch
    {
        "shape" => read.Shape == truth.Shape,
        "color" => read.Color == truth.Color,
        "pattern" => read.Pattern == truth.Pattern,
        "style" => read.Style == truth.Style,
        "size" => read.Size == truth.Size,
        "background" => read.Background == truth.Background,
        "lighting" => read.Lighting == truth.Lighting,
        "place" => Math.Abs(read.CenterX - truth.CenterX) <= 1 && Math.Abs(read.CenterY - truth.CenterY) <= 1,
        _ => throw new ArgumentOutOfRangeException(nameof(attribute)),
    };
}
