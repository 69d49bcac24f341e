using System.Text.Json;
using System.Text.Json.Serialization;
using DreamOmni2.Contracts;
using DreamOmni2.DataFactory.Tasks;
using DreamOmni2.Engine.Latents;
using DreamOmni2.ShapeWorld.Prompting;

namespace DreamOmni2.Cli.Evaluation;

/// <summary>Success rates per task and scheme: the printed table and the JSON file.</summary>
public sealed class EvaluationReport
{
    private readonly List<CaseOutcome> _outcomes = [];

    public IReadOnlyList<CaseOutcome> Outcomes => _outcomes;

    public void Add(CaseOutcome outcome) => _outcomes.Add(outcome);

    public IReadOnlyList<EvaluationRow> Rows() => _outcomes
        .GroupBy(o => (o.Sample.Task, o.Scheme))
        .Select(g => new EvaluationRow(g.Key.Task.Name(), g.Key.Scheme.Index, g.Key.Scheme.Shift,
            Rate(g, o => o.Verdict.Passed), g.Count(), Rate(g, o => o.Verdict.TookTheRightImages), Failures(g), ByImages(g), ByChange(g)))
        .ToList();

    /// <summary>The success table, the share of outputs that took what they took from the right images, then per task
    /// the success by how many images a case has, for edits by the attribute changed, and how many outputs failed for
    /// each reason.</summary>
    public void WriteTable(TextWriter writer, IReadOnlyList<EncodingScheme> schemes)
    {
        var rows = Rows();
        WriteRates(writer, "success", rows, schemes, r => r.Success);
        writer.WriteLine();
        WriteRates(writer, "right images", rows, schemes, r => r.RightImages);
        foreach (var task in rows.Select(r => r.Task).Distinct())
        {
            var taskRows = rows.Where(r => r.Task == task).ToList();
            writer.WriteLine();
            WriteSuccessBy(writer, $"{task} by images", taskRows, schemes,
                r => r.ByImages.Select(b => (b.Images == 1 ? "1 image" : $"{b.Images} images", b.Success, b.Cases)));
            writer.WriteLine();
            if (taskRows.Any(r => r.ByChange.Count > 0))
            {
                WriteSuccessBy(writer, $"{task} by change", taskRows, schemes, r => r.ByChange.Select(b => (b.Change, b.Success, b.Cases)));
                writer.WriteLine();
            }
            WriteFailures(writer, task, taskRows, schemes);
        }
    }

    /// <summary>One line per part of the cases (an image count, a changed attribute), with each scheme's success among
    /// them, or "-" where a scheme has no such case.</summary>
    private static void WriteSuccessBy(
        TextWriter writer, string title, IReadOnlyList<EvaluationRow> rows, IReadOnlyList<EncodingScheme> schemes,
        Func<EvaluationRow, IEnumerable<(string Part, double Success, int Cases)>> parts)
    {
        writer.WriteLine(title.PadRight(20) + string.Concat(schemes.Select(s => s.Label.PadLeft(16))));
        foreach (var part in rows.SelectMany(parts).Select(p => p.Part).Distinct().Order(StringComparer.Ordinal))
        {
            var cells = schemes.Select(s => parts(RowOf(rows, s)).Where(p => p.Part == part)
                    .Select(p => $"{p.Success:0.00} ({p.Cases})").SingleOrDefault() ?? "-")
                .Select(cell => cell.PadLeft(16));
            writer.WriteLine(part.PadRight(20) + string.Concat(cells));
        }
    }

    private static EvaluationRow RowOf(IEnumerable<EvaluationRow> rows, EncodingScheme scheme) =>
        rows.Single(r => r.Index == scheme.Index && r.Shift == scheme.Shift);

    private static List<ImageCountRate> ByImages(IEnumerable<CaseOutcome> outcomes) => outcomes
        .GroupBy(o => o.Sample.Inputs.Count)
        .OrderBy(g => g.Key)
        .Select(g => new ImageCountRate(g.Key, Rate(g, o => o.Verdict.Passed), g.Count()))
        .ToList();

    private static List<ChangeRate> ByChange(IEnumerable<CaseOutcome> outcomes) => outcomes
        .Select(o => (Outcome: o, Change: EditedAttribute.Of(o.Sample)))
        .Where(c => c.Change is not null)
        .GroupBy(c => c.Change!.Value.Word(), c => c.Outcome)
        .OrderBy(g => g.Key, StringComparer.Ordinal)
        .Select(g => new ChangeRate(g.Key, Rate(g, o => o.Verdict.Passed), g.Count()))
        .ToList();

    private static void WriteFailures(TextWriter writer, string task, IReadOnlyList<EvaluationRow> rows, IReadOnlyList<EncodingScheme> schemes)
    {
        writer.WriteLine($"{task} failures".PadRight(20) + string.Concat(schemes.Select(s => s.Label.PadLeft(16))));
        var kinds = rows.SelectMany(r => r.Failures)
            .GroupBy(f => f.Key)
            .OrderByDescending(g => g.Sum(f => f.Value)).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key);
        foreach (var kind in kinds)
        {
            var counts = schemes.Select(s => RowOf(rows, s))
                .Select(r => r.Failures.GetValueOrDefault(kind).ToString().PadLeft(16));
            writer.WriteLine(kind.PadRight(20) + string.Concat(counts));
        }
    }

    private static Dictionary<string, int> Failures(IEnumerable<CaseOutcome> outcomes) => outcomes
        .Where(o => !o.Verdict.Passed)
        .GroupBy(o => o.Verdict.Failure)
        .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.Count());

    private static void WriteRates(
        TextWriter writer, string title, IReadOnlyList<EvaluationRow> rows, IReadOnlyList<EncodingScheme> schemes, Func<EvaluationRow, double> rate)
    {
        writer.WriteLine(title.PadRight(15) + string.Concat(schemes.Select(s => s.Label.PadLeft(16))));
        foreach (var task in rows.Select(r => r.Task).Distinct())
        {
            var cells = schemes.Select(s => RowOf(rows.Where(r => r.Task == task), s))
                .Select(r => $"{rate(r):0.00} ({r.Cases})".PadLeft(16));
            writer.WriteLine(task.PadRight(15) + string.Concat(cells));
        }
    }

    /// <summary>One tab-separated line per failed output: task, scheme, case number, image count, the judge's reason
    /// and the prompt, so a pack's failures can be read case by case.</summary>
    public void WriteFailedCases(TextWriter writer)
    {
        writer.WriteLine("task\tscheme\tcase\timages\treason\tprompt");
        foreach (var o in _outcomes.Where(o => !o.Verdict.Passed))
        {
            writer.WriteLine($"{o.Sample.Task.Name()}\t{o.Scheme.Label}\t{o.CaseNumber}\t{o.Sample.Inputs.Count}\t{o.Verdict.Reason}\t{o.Prompt}");
        }
    }

    private static double Rate(IEnumerable<CaseOutcome> outcomes, Func<CaseOutcome, bool> counts) =>
        Math.Round((double)outcomes.Count(counts) / outcomes.Count(), 4);

    public string ToJson(string packName, int caseSeed, int steps) => JsonSerializer.Serialize(
        new EvaluationDocument(packName, caseSeed, steps, Rows()), JsonOptions);

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };
}

/// <param name="RightImages">The share of outputs nearer the target than every answer built from a wrong image.</param>
/// <param name="Failures">How many outputs failed for each reason (the judge's failure kinds), most frequent first.</param>
/// <param name="ByImages">The success rate among the cases with each number of input images, fewest first.</param>
/// <param name="ByChange">For edits and text edits, the success rate among the cases that change each attribute of the
/// source (empty for the other tasks).</param>
public sealed record EvaluationRow(
    string Task,
    bool Index,
    bool Shift,
    double Success,
    int Cases,
    double RightImages,
    IReadOnlyDictionary<string, int> Failures,
    IReadOnlyList<ImageCountRate> ByImages,
    IReadOnlyList<ChangeRate> ByChange);

public sealed record ImageCountRate(int Images, double Success, int Cases);

public sealed record ChangeRate(string Change, double Success, int Cases);

internal sealed record EvaluationDocument(
    string Pack,
    int CaseSeed,
    int Steps,
    [property: JsonPropertyName("results")] IReadOnlyList<EvaluationRow> Results);
