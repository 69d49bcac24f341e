using System.Text.Json;
using System.Text.Json.Serialization;
using DreamOmni2.DataFactory.Tasks;
using DreamOmni2.Engine.Latents;

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
            Rate(g, o => o.Verdict.Passed), g.Count(), Rate(g, o => o.Verdict.TookTheRightImages)))
        .ToList();

    /// <summary>The success table, then the share of outputs that took what they took from the right images.</summary>
    public void WriteTable(TextWriter writer, IReadOnlyList<EncodingScheme> schemes)
    {
        var rows = Rows();
        WriteRates(writer, "success", rows, schemes, r => r.Success);
        writer.WriteLine();
        WriteRates(writer, "right images", rows, schemes, r => r.RightImages);
    }

    private static void WriteRates(
        TextWriter writer, string title, IReadOnlyList<EvaluationRow> rows, IReadOnlyList<EncodingScheme> schemes, Func<EvaluationRow, double> rate)
    {
        writer.WriteLine(title.PadRight(15) + string.Concat(schemes.Select(s => s.Label.PadLeft(16))));
        foreach (var task in rows.Select(r => r.Task).Distinct())
        {
            var cells = schemes.Select(s => rows.Single(r => r.Task == task && r.Index == s.Index && r.Shift == s.Shift))
                .Select(r => $"{rate(r):0.00} ({r.Cases})".PadLeft(16));
            writer.WriteLine(task.PadRight(15) + string.Concat(cells));
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
public sealed record EvaluationRow(string Task, bool Index, bool Shift, double Success, int Cases, double RightImages);

internal sealed record EvaluationDocument(
    string Pack,
    int CaseSeed,
    int Steps,
    [property: JsonPropertyName("results")] IReadOnlyList<EvaluationRow> Results);
