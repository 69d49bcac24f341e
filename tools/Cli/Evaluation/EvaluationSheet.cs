using DreamOmni2.Contracts;
using DreamOmni2.DataFactory.Export;
using DreamOmni2.ShapeWorld.Scenes;
using DreamOmni2.Engine.Latents;
using SkiaSharp;

namespace DreamOmni2.Cli.Evaluation;

/// <summary>
/// A contact sheet of an evaluation: per case, its inputs, the ground truth, then the output of each scheme framed
/// green when the judge passed it and red when it did not.
/// </summary>
public static class EvaluationSheet
{
    private const int Scale = 2;
    private const int Cell = ShapeWorldValues.CanvasSize * Scale;
    private const int Gap = 10;
    private const int Frame = 3;
    private const int InputColumns = 4;
    private const int HeaderHeight = 22;

    public static byte[] RenderPng(IReadOnlyList<CaseOutcome> outcomes, IReadOnlyList<EncodingScheme> schemes, int casesPerTask)
    {
        var rows = outcomes
            .GroupBy(o => (o.Sample.Task, o.CaseNumber))
            .Where(g => g.Key.CaseNumber < casesPerTask)
            .Select(g => g.ToList())
            .ToList();
        int columns = InputColumns + 1 + schemes.Count;
        int width = Gap + columns * (Cell + Gap);
        int height = HeaderHeight + Gap + rows.Count * (Cell + Gap);
        using var sheet = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using var canvas = new SKCanvas(sheet);
        canvas.Clear(SKColors.White);
        DrawHeader(canvas, schemes);

        for (int row = 0; row < rows.Count; row++)
        {
            var outcomesOfCase = rows[row];
            var sample = outcomesOfCase[0].Sample;
            float top = HeaderHeight + Gap + row * (Cell + Gap);
            for (int i = 0; i < sample.Inputs.Count; i++)
            {
                DrawImage(canvas, sample.Inputs[i].Rgb, ColumnLeft(i), top, null);
            }
            DrawImage(canvas, sample.Target.Rgb, ColumnLeft(InputColumns), top, SKColors.Gray);
            for (int s = 0; s < schemes.Count; s++)
            {
                var outcome = outcomesOfCase.Single(o => o.Scheme == schemes[s]);
                DrawImage(canvas, outcome.OutputRgb, ColumnLeft(InputColumns + 1 + s), top,
                    outcome.Verdict.Passed ? new SKColor(30, 160, 60) : new SKColor(210, 40, 40));
            }
        }
        using var image = SKImage.FromBitmap(sheet);
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    private static float ColumnLeft(int column) => Gap + column * (Cell + Gap);

    private static void DrawHeader(SKCanvas canvas, IReadOnlyList<EncodingScheme> schemes)
    {
        var typeface = SheetFont.Find();
        if (typeface is null)
        {
            return;
        }
        using var font = new SKFont(typeface, 12);
        using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        canvas.DrawText("inputs", ColumnLeft(0), 15, font, ink);
        canvas.DrawText("ground truth", ColumnLeft(InputColumns), 15, font, ink);
        for (int s = 0; s < schemes.Count; s++)
        {
            canvas.DrawText(schemes[s].Label, ColumnLeft(InputColumns + 1 + s), 15, font, ink);
        }
    }

    private static void DrawImage(SKCanvas canvas, byte[] rgb, float left, float top, SKColor? frame)
    {
        using var bitmap = RgbImage.ToBitmap(rgb, ShapeWorldValues.CanvasSize, ShapeWorldValues.CanvasSize);
        if (frame is { } color)
        {
            using var paint = new SKPaint { Color = color };
            canvas.DrawRect(left - Frame, top - Frame, Cell + 2 * Frame, Cell + 2 * Frame, paint);
        }
        canvas.DrawBitmap(bitmap, new SKRect(left, top, left + Cell, top + Cell), new SKPaint { IsAntialias = false });
    }
}
