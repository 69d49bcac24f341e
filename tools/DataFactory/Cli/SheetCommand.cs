using DreamOmni2.DataFactory.Export;
using DreamOmni2.DataFactory.Tasks;

namespace DreamOmni2.DataFactory.Cli;

/// <summary>Writes a contact sheet of training samples start .. start+count−1.</summary>
public static class SheetCommand
{
    public static void Run(long start, long count, string path)
    {
        var samples = Enumerable.Range(0, checked((int)count)).Select(i => ShapeWorldFactory.Create(start + i)).ToArray();
        using var sheet = ContactSheet.Render(samples);
        RgbImage.SavePng(sheet, path);
        Console.WriteLine($"wrote {path}");
    }
}
