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
            Math.Round((double)g.Count(o => o.Verdict.Passed) / g.Count(), 4), g.Count()))
        .ToList();

    public void WriteTable(TextWriter writer, IReadOnlyList<EncodingScheme> schemes)
    {
        var rows = Rows();
        writer.WriteLine("task".PadRight(15) + string.Concat(schemes.Select(s => s.Label.PadLeft(16))));
        foreach (var task in rows.Select(r => r.Task).Distinct())
        {
            var cells = schemes.Select(s => rows.Single(r => r.Task == task && r.Index == s.Index && r.Shift == s.Shift))
                .Select(r => $"{r.Success:0.00} ({r.Cases})".PadLeft(16));
            writer.WriteLine(task.PadRight(15) + string.Concat(cells));
        }
    }

    public string ToJson(string packName, int caseSeed, int steps) => JsonSerializer.Serialize(
        new EvaluationDocument(packName, caseSeed, steps, Rows()), JsonOptions);

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };
}

public sealed record EvaluationRow(string Task, bool Index, bool Shift, double Success, int Cases);

internal sealed record EvaluationDocument(
    string Pack,
    int CaseSeed,
    int Steps,
    [property: JsonPropertyName("results")] IReadOnlyList<EvaluationRow> Results);
