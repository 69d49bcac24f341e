using System.Text.Json;
using DreamOmni2.Cli.Evaluation;
using DreamOmni2.Contracts;
using DreamOmni2.ShapeWorld.Judging;
using DreamOmni2.DataFactory.Tasks;
using DreamOmni2.Engine.Latents;
using DreamOmni2.ShapeWorld.Prompting;

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
            report.Add(Outcome(sample, scheme, distractorMargin, passed ? JudgeResult.Ok : "a wrong shape"));
        }

        var rows = report.Rows();

        var bothRow = rows.Single(r => r.Index && r.Shift);
        var none = rows.Single(r => !r.Index && !r.Shift);
        Assert.Equal(("edit", 0.6667, 3, 1.0), (bothRow.Task, bothRow.Success, bothRow.Cases, bothRow.RightImages));
        Assert.Equal(("edit", 0.0, 1, 0.0), (none.Task, none.Success, none.Cases, none.RightImages));
        using var json = JsonDocument.Parse(report.ToJson("tiny", 1, 12));
        var both = json.RootElement.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("index").GetBoolean() && r.GetProperty("shift").GetBoolean());
        Assert.Equal("edit", both.GetProperty("task").GetString());
        Assert.Equal(0.6667, both.GetProperty("success").GetDouble());
        Assert.Equal(3, both.GetProperty("cases").GetInt32());
        Assert.Equal(1, both.GetProperty("right_images").GetDouble());
        Assert.Equal(12, json.RootElement.GetProperty("steps").GetInt32());
    }

    [Fact]
    public void Failures_are_tallied_per_kind_most_frequent_first_and_printed_per_task()
    {
        var report = new EvaluationReport();
        var sample = ShapeWorldFactory.CreateHeldOut(1, 0, TaskKind.Edit);
        string[] both = [JudgeResult.Ok, "a wrong pattern", "misplaced", "a wrong pattern", "a distractor", "a wrong pattern"];
        foreach (var failure in both)
        {
            report.Add(Outcome(sample, EncodingScheme.Both, 1, failure));
        }
        report.Add(Outcome(sample, EncodingScheme.None, -1, "a distractor"));

        var row = report.Rows().Single(r => r.Index && r.Shift);
        var table = new StringWriter();
        report.WriteTable(table, [EncodingScheme.None, EncodingScheme.Both]);

        Assert.Equal(["a wrong pattern", "a distractor", "misplaced"], row.Failures.Keys);
        Assert.Equal([3, 1, 1], row.Failures.Values);
        var lines = table.ToString().Split(Environment.NewLine);
        Assert.Contains(lines, line => line.StartsWith("edit failures"));
        Assert.Equal(["1", "1"], lines.Single(line => line.StartsWith("a distractor")).Split(' ', StringSplitOptions.RemoveEmptyEntries)[2..]);
        Assert.Equal(["0", "3"], lines.Single(line => line.StartsWith("a wrong pattern")).Split(' ', StringSplitOptions.RemoveEmptyEntries)[3..]);
        using var json = JsonDocument.Parse(report.ToJson("tiny", 1, 12));
        var failures = json.RootElement.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("index").GetBoolean()).GetProperty("failures");
        Assert.Equal(3, failures.GetProperty("a wrong pattern").GetInt32());
    }

    [Fact]
    public void Success_is_also_broken_down_by_how_many_images_a_case_has()
    {
        var report = new EvaluationReport();
        var samples = Enumerable.Range(0, 40).Select(i => ShapeWorldFactory.CreateHeldOut(1, i, TaskKind.Edit)).ToList();
        var twoImages = samples.First(s => s.Inputs.Count == 2);
        var threeImages = samples.First(s => s.Inputs.Count == 3);
        report.Add(Outcome(twoImages, EncodingScheme.Both, 1, JudgeResult.Ok));
        report.Add(Outcome(twoImages, EncodingScheme.Both, 1, JudgeResult.Ok));
        report.Add(Outcome(threeImages, EncodingScheme.Both, 1, JudgeResult.Ok));
        report.Add(Outcome(threeImages, EncodingScheme.Both, -1, "a distractor"));
        report.Add(Outcome(threeImages, EncodingScheme.None, -1, "a distractor"));

        var row = report.Rows().Single(r => r.Index && r.Shift);
        var table = new StringWriter();
        report.WriteTable(table, [EncodingScheme.None, EncodingScheme.Both]);

        Assert.Equal([new ImageCountRate(2, 1.0, 2), new ImageCountRate(3, 0.5, 2)], row.ByImages);
        var lines = table.ToString().Split(Environment.NewLine);
        Assert.Contains(lines, line => line.StartsWith("edit by images"));
        Assert.Equal(["-", "1.00", "(2)"], lines.Single(line => line.StartsWith("2 images")).Split(' ', StringSplitOptions.RemoveEmptyEntries)[2..]);
        Assert.Equal(["0.00", "(1)", "0.50", "(2)"], lines.Single(line => line.StartsWith("3 images")).Split(' ', StringSplitOptions.RemoveEmptyEntries)[2..]);
        using var json = JsonDocument.Parse(report.ToJson("tiny", 1, 12));
        var byImages = json.RootElement.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("index").GetBoolean()).GetProperty("by_images");
        Assert.Equal([(2, 1.0, 2), (3, 0.5, 2)], byImages.EnumerateArray()
            .Select(b => (b.GetProperty("images").GetInt32(), b.GetProperty("success").GetDouble(), b.GetProperty("cases").GetInt32())));
    }

    [Fact]
    public void Edits_are_also_broken_down_by_the_attribute_they_change()
    {
        var report = new EvaluationReport();
        var samples = Enumerable.Range(0, 60).Select(i => ShapeWorldFactory.CreateHeldOut(1, i, TaskKind.Edit)).ToList();
        var shapeEdit = samples.First(s => EditedAttribute.Of(s) == ShapeWorldAttribute.Shape);
        var colorEdit = samples.First(s => EditedAttribute.Of(s) == ShapeWorldAttribute.Color);
        report.Add(Outcome(shapeEdit, EncodingScheme.Both, 1, "a wrong shape"));
        report.Add(Outcome(shapeEdit, EncodingScheme.Both, 1, JudgeResult.Ok));
        report.Add(Outcome(colorEdit, EncodingScheme.Both, 1, JudgeResult.Ok));
        report.Add(Outcome(colorEdit, EncodingScheme.None, -1, "a distractor"));
        var generation = ShapeWorldFactory.CreateHeldOut(1, 0, TaskKind.Generate);
        report.Add(Outcome(generation, EncodingScheme.Both, 1, JudgeResult.Ok));
        report.Add(Outcome(generation, EncodingScheme.None, 1, JudgeResult.Ok));

        var rows = report.Rows();
        var table = new StringWriter();
        report.WriteTable(table, [EncodingScheme.None, EncodingScheme.Both]);

        Assert.Equal([new ChangeRate("color", 1.0, 1), new ChangeRate("shape", 0.5, 2)], rows.Single(r => r.Task == "edit" && r.Index).ByChange);
        Assert.All(rows.Where(r => r.Task == "generate"), r => Assert.Empty(r.ByChange));
        var lines = table.ToString().Split(Environment.NewLine);
        Assert.Contains(lines, line => line.StartsWith("edit by change"));
        Assert.DoesNotContain(lines, line => line.StartsWith("generate by change"));
        Assert.Equal(["-", "0.50", "(2)"], lines.Single(line => line.StartsWith("shape ")).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..]);
        Assert.Equal(["0.00", "(1)", "1.00", "(1)"], lines.Single(line => line.StartsWith("color ")).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..]);
        using var json = JsonDocument.Parse(report.ToJson("tiny", 1, 12));
        var byChange = json.RootElement.GetProperty("results").EnumerateArray()
            .Single(r => r.GetProperty("task").GetString() == "edit" && r.GetProperty("index").GetBoolean()).GetProperty("by_change");
        Assert.Equal([("color", 1.0, 1), ("shape", 0.5, 2)], byChange.EnumerateArray()
            .Select(b => (b.GetProperty("change").GetString(), b.GetProperty("success").GetDouble(), b.GetProperty("cases").GetInt32())));
    }

    [Fact]
    public void The_failed_case_list_has_one_line_per_failed_output_with_its_reason_and_prompt()
    {
        var report = new EvaluationReport();
        var sample = ShapeWorldFactory.CreateHeldOut(1, 0, TaskKind.Edit);
        report.Add(Outcome(sample, EncodingScheme.Both, 1, JudgeResult.Ok));
        report.Add(Outcome(sample, EncodingScheme.None, -1, "a distractor"));
        report.Add(Outcome(sample, EncodingScheme.Both, 1, "a wrong shape"));

        var list = new StringWriter();
        report.WriteFailedCases(list);

        var lines = list.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("task\tscheme\tcase\timages\treason\tprompt", lines[0]);
        Assert.Equal(
            [
                ["edit", "none", "0", $"{sample.Inputs.Count}", "nearer a distractor", sample.Prompt],
                ["edit", "index + shift", "0", $"{sample.Inputs.Count}", "nearer a wrong shape", sample.Prompt],
            ],
            lines[1..].Select(line => line.Split('\t')));
    }

    private static CaseOutcome Outcome(Sample sample, EncodingScheme scheme, double distractorMargin, string failure)
    {
        var passed = failure == JudgeResult.Ok;
        return new(sample, 0, scheme, sample.Prompt, sample.Target.Rgb,
            new JudgeResult(0, 0, 0, passed ? 1 : -1, distractorMargin, passed ? JudgeResult.Ok : $"nearer {failure}", failure));
    }
}
