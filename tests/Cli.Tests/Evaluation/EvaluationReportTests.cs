using System.Text.Json;
using DreamOmni2.Cli.Evaluation;
using DreamOmni2.DataFactory.Judging;
using DreamOmni2.DataFactory.Tasks;
using DreamOmni2.Engine.Latents;

namespace DreamOmni2.Cli.Tests.Evaluation;

public class EvaluationReportTests
{
    [Fact]
    public void Success_is_the_share_of_passed_cases_per_task_and_scheme()
    {
        var report = new EvaluationReport();
        var sample = ShapeWorldFactory.CreateHeldOut(1, 0, TaskKind.Edit);
        foreach (var (scheme, passed) in new[] { (EncodingScheme.Both, true), (EncodingScheme.Both, true), (EncodingScheme.Both, false), (EncodingScheme.None, false) })
        {
            report.Add(new CaseOutcome(sample, 0, scheme, sample.Prompt, sample.Target.Rgb,
                new JudgeResult(passed, 0, 0, 0, passed ? 1 : -1, passed ? "ok" : "nearer the source")));
        }

        var rows = report.Rows();

        Assert.Equal(new EvaluationRow("edit", true, true, 0.6667, 3), rows.Single(r => r.Index && r.Shift));
        Assert.Equal(new EvaluationRow("edit", false, false, 0, 1), rows.Single(r => !r.Index && !r.Shift));
        using var json = JsonDocument.Parse(report.ToJson("tiny", 1, 12));
        Assert.Equal("edit", json.RootElement.GetProperty("results")[0].GetProperty("task").GetString());
        Assert.Equal(12, json.RootElement.GetProperty("steps").GetInt32());
    }
}
