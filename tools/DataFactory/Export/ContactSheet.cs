using DreamOmni2.ShapeWorld.Scenes;
using DreamOmni2.DataFactory.Tasks;
using SkiaSharp;

namespace DreamOmni2.DataFactory.Export;

/// <summary>
/// One row a sample: its inputs then its target, shown at 2× with a caption of image numbers above, and the task,
/// standard prompt and one loose phrasing below, so a person can check the data at a glance.
/// </summary>
public static class ContactSheet
{
    private const int Scale = 2;
    private const int Cell = ShapeWorldValues.CanvasSize * Scale;
    private const int Gap = 8;
    private const int Columns = 5;
    private const float TextSize = 12;
    private const int LineHeight = 15;
    private const int Width = Gap + Columns * (Cell + Gap);

    public static SKBitmap Render(IReadOnlyList<Sample> samples)
    {
        var typeface = SheetFont.Find();
        using var font = typeface is null ? null : new SKFont(typeface, TextSize);
        var rows = samples.Select(sample => (Sample: sample, Lines: Caption(sample, font))).ToArray();
        var height = Gap + rows.Sum(row => RowHeight(row.Lines.Count, font));

        var sheet = new SKBitmap(new SKImageInfo(Width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using var canvas = new SKCanvas(sheet);
        canvas.Clear(SKColors.White);
        using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        using var faint = new SKPaint { Color = new SKColor(110, 110, 110), IsAntialias = true };

        var top = Gap;
        foreach (var (sample, lines) in rows)
        {
            var images = sample.Inputs.Append(sample.Target).ToArray();
            for (var column = 0; column < images.Length; column++)
            {
                var left = Gap + column * (Cell + Gap);
                var label = column < sample.Inputs.Count ? $"image {column + 1}" : "target";
                DrawText(canvas, label, left, top + LineHeight - 3, font, faint);
                using var bitmap = RgbImage.ToBitmap(images[column].Rgb, ShapeWorldValues.CanvasSize, ShapeWorldValues.CanvasSize);
                using var image = SKImage.FromBitmap(bitmap);
                var labelHeight = font is null ? 0 : LineHeight;
                canvas.DrawImage(image, SKRect.Create(left, top + labelHeight, Cell, Cell), new SKSamplingOptions(SKFilterMode.Nearest));
            }
            var textTop = top + Cell + (font is null ? 0 : LineHeight);
            for (var line = 0; line < lines.Count; line++)
            {
                DrawText(canvas, lines[line], Gap, textTop + (line + 1) * LineHeight - 3, font, line == lines.Count - 1 ? faint : ink);
            }
            top += RowHeight(lines.Count, font);
        }
        return sheet;
    }

    private static int RowHeight(int lineCount, SKFont? font) =>
        Cell + Gap + (font is null ? 0 : (lineCount + 1) * LineHeight);

    /// <summary>The task and prompt, then one loose phrasing, wrapped to the sheet's width.</summary>
    private static List<string> Caption(Sample sample, SKFont? font)
    {
        if (font is null)
        {
            return [];
        }
        var lines = Wrap($"{sample.Index} {sample.Task.Name()}: {sample.Prompt}", font);
        lines.AddRange(Wrap($"“{sample.LoosePhrasings[0]}”", font));
        return lines;
    }

    private static List<string> Wrap(string text, SKFont font)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in text.Split(' '))
        {
            var candidate = line.Length == 0 ? word : $"{line} {word}";
            if (line.Length > 0 && font.MeasureText(candidate) > Width - 2 * Gap)
            {
                lines.Add(line);
                candidate = word;
            }
            line = candidate;
        }
        lines.Add(line);
        return lines;
    }

    private static void DrawText(SKCanvas canvas, string text, float x, float y, SKFont? font, SKPaint paint)
    {
        if (font is not null)
        {
            canvas.DrawText(text, x, y, SKTextAlign.Left, font, paint);
        }
    }
}
