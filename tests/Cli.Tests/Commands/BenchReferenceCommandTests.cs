using DreamOmni2.TestSupport;
using System.Globalization;
using System.Text.RegularExpressions;

namespace DreamOmni2.Cli.Tests.Commands;

/// <summary>The engine against the PyTorch reference on the tiny pack (needs Debian's python3-torch and python3-onnx).</summary>
public class BenchReferenceCommandTests
{
    [Fact]
    public async Task The_engine_and_the_reference_compute_the_same_forward_pass_and_the_same_pixels_in_float32()
    {
        var run = await CliRun.Invoke("bench", "reference", "--rounds", "1", "--threads", "1");

        Assert.True(run.ExitCode == ExitCodes.Success, run.Error);
        var forward = Regex.Match(run.Output, @"largest difference in the velocity (\S+)");
        Assert.True(forward.Success, run.Output);
        Assert.InRange(double.Parse(forward.Groups[1].Value, CultureInfo.InvariantCulture), 0, 1e-4);
        // float32 against float32: the same picture, give or take one level where a value sits on a rounding edge.
        var float32 = Regex.Match(run.Output, @"(?m)^torch float32\s+1\s+[0-9.]+\s+[0-9.]+×\s+(.+)$");
        Assert.True(float32.Success, run.Output);
        Assert.Matches(@"^(identical|max 1/255, \d+ values)$", float32.Groups[1].Value.Trim());
        Assert.Matches(@"(?m)^torch bfloat16 autocast\s+1\s", run.Output);
    }

    [Fact]
    public async Task An_int8_variant_of_the_pack_runs_beside_and_its_pixels_are_compared_with_the_float32_engine()
    {
        using var folder = new TempFolder();
        string variant = folder.File("tiny-int8");
        var quantize = System.Diagnostics.Process.Start("/usr/bin/python3", [PackLocator.RepositoryFile("tools/packs/quantize_int8.py"), PackLocator.RepositoryPack("tiny"), variant])!;
        await quantize.WaitForExitAsync();
        Assert.Equal(0, quantize.ExitCode);

        var run = await CliRun.Invoke("bench", "reference", "--rounds", "1", "--threads", "1", "--engine-variant", variant);

        Assert.True(run.ExitCode == ExitCodes.Success, run.Error);
        var row = Regex.Match(run.Output, @"(?m)^engine, tiny-int8\s+1\s+[0-9.]+\s+[0-9.]+×\s+max (\d+)/255");
        Assert.True(row.Success, run.Output);
        Assert.InRange(int.Parse(row.Groups[1].Value, CultureInfo.InvariantCulture), 1, 64);
    }
}
