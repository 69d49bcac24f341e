using DreamOmni2.DataFactory.Export;
using DreamOmni2.DataFactory.Tasks;

namespace DreamOmni2.DataFactory.Cli;

/// <summary>Writes training samples start .. start+count−1 as PNG files and JSON labels.</summary>
public static class SamplesCommand
{
    public static void Run(long start, long count, string directory)
    {
        Directory.CreateDirectory(directory);
        for (var index = start; index < start + count; index++)
        {
            SampleExport.Write(ShapeWorldFactory.Create(index), directory);
        }
        Console.WriteLine($"wrote {count} samples to {directory}");
    }
}
