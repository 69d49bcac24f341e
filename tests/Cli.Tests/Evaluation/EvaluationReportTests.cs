using System.Text.Json;
using DreamOmni2.Cli.Evaluation;
using DreamOmni2.DataFactory.Judging;
using DreamOmni2.DataFactory.Tasks;
using DreamOmni2.Engine.Latents;

namespace DreamOmni2.Cli.Tests.Evaluation;

public class EvaluationReportTests
{
    [Fact]
    public void Success_and_right_images_are_shares_of_the_cases_per_task_and_scheme()
    {
        var report = new EvaluationReport();
        var sample = ShapeWorldFactory.CreateHeldOut(1, 0, TaskKind.Edit);
        var cases = new[]
        {
            (EncodingScheme.Both, true, 1.0), (EncodingScheme.Both, true, 1.0), (EncodingScheme.Both, false, 2.0), (EncodingScheme.None, false, -3.0),
        };
        foreach (var (scheme, passed, distractorMargin) in cases)
        {
            report.Add(new CaseOutcome(sample, 0, scheme, sample.Prompt, sample.Target.Rgb,
                new JudgeResult(passed, 0, 0, 0, passed ? 1 : -1, distractorMargin, passed ? "ok" : "nearer a wrong shape")));
        }

        var rows = report.Rows();

        Assert.Equal(new EvaluationRow("edit", true, true, 0.6667, 3, 1), rows.Single(r => r.Index && r.Shift));
        Assert.Equal(new EvaluationRow("edit", false, false, 0, 1, 0), rows.Single(r => !r.Index && !r.Shift));
        using var json = JsonDocument.Parse(report.ToJson("tiny", 1, 12));
        var both = json.RootElement.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("index").GetBoolean() && r.GetProperty("shift").GetBoolean());
        Assert.Equal("edit", both.GetProperty("task").GetString());
        Assert.Equal(0.6667, both.GetProperty("success").GetDouble());
        Assert.Equal(3, both.GetProperty("cases").GetInt32());
        Assert.Equal(1, both.GetProperty("right_images").GetDouble());
        Assert.Equal(12, json.RootElement.GetProperty("steps").GetInt32());
    }
}
