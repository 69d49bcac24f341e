using DreamOmni2.TestSupport;
using System.Text.Json;
using DreamOmni2.Engine.Imaging;

namespace DreamOmni2.Cli.Tests.Commands;

public class EvalCommandTests
{
    [Fact]
    public async Task Eval_judges_held_out_cases_under_the_four_schemes_and_writes_json_a_failure_list_and_a_contact_sheet()
    {
        using var temp = new TempFolder();
        var run = await CliRun.Invoke(
            "eval", "--pack", PackLocator.RepositoryPack("tiny"), "--cases", "2", "--task", "edit", "--steps", "2",
            "--json", temp.File("eval.json"), "--sheet", temp.File("eval.png"), "--failures", temp.File("failures.tsv"));

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Matches(@"success[^\n]*\n\s*edit\s+\d\.\d\d \(2\)\s+\d\.\d\d \(2\)\s+\d\.\d\d \(2\)\s+\d\.\d\d \(2\)", run.Output);
        Assert.Matches(@"right images[^\n]*\n\s*edit\s+\d\.\d\d \(2\)", run.Output);
        using var json = JsonDocument.Parse(File.ReadAllText(temp.File("eval.json")));
        var results = json.RootElement.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(4, results.Count);
        Assert.Equal(4, results.Select(r => (r.GetProperty("index").GetBoolean(), r.GetProperty("shift").GetBoolean())).Distinct().Count());
        Assert.All(results, r =>
        {
            Assert.Equal("edit", r.GetProperty("task").GetString());
            Assert.Equal(2, r.GetProperty("cases").GetInt32());
            Assert.InRange(r.GetProperty("success").GetDouble(), 0, 1);
            Assert.InRange(r.GetProperty("right_images").GetDouble(), 0, 1);
        });
        var failedOutputs = results.Sum(r => (int)Math.Round(r.GetProperty("cases").GetInt32() * (1 - r.GetProperty("success").GetDouble())));
        var failureLines = File.ReadAllLines(temp.File("failures.tsv"));
        Assert.Equal(failedOutputs, failureLines.Length - 1);
        Assert.All(failureLines[1..], line => Assert.StartsWith("edit\t", line));
        var sheet = ImageDecoder.Decode(File.ReadAllBytes(temp.File("eval.png")), ImageLimits.Default, 1);
        Assert.Equal(2 * (2 * 64 + 10) + 10 + 22, sheet.Height);
    }

    [Fact]
    public async Task A_pack_that_does_not_draw_the_shape_world_is_refused_with_a_reason()
    {
        var run = await CliRun.Invoke("eval", "--pack", PackLocator.RepositoryPack("fixture"), "--cases", "1", "--task", "generate", "--steps", "1");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("use a shape-world pack", run.Error);
    }

    [Fact]
    public async Task Eval_reader_prints_each_attributes_accuracy_per_delivery_and_lists_misread_pictures()
    {
        using var temp = new TempFolder();
        var run = await CliRun.Invoke("eval", "reader", "--cases", "2", "--case-seed", "4", "--misread", temp.File("misread.tsv"));

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Matches(@"image reader on \d+ held-out pictures \(case-seed 4, 2 cases a task", run.Output);
        Assert.Matches(@"shape\s+color\s+pattern\s+style\s+size\s+background\s+lighting\s+place\s+ms/image", run.Output);
        Assert.Matches(@"\n256×256 JPEG q85(\s+[01]\.\d{4}){8}\s+\d+\.\d\d", run.Output);
        Assert.True(File.Exists(temp.File("misread.tsv")));
    }
}
