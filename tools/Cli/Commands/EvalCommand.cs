using System.CommandLine;
using DreamOmni2.Cli.Evaluation;
using DreamOmni2.Contracts;
using DreamOmni2.DataFactory.Tasks;
using DreamOmni2.Engine.Latents;
using DreamOmni2.Engine.Packs;
using DreamOmni2.Engine.Runtime;
using DreamOmni2.ShapeWorld.Reading;
using DreamOmni2.Translation;

namespace DreamOmni2.Cli.Commands;

/// <summary>
/// <c>dreamomni2 eval</c>: held-out shape-world cases under the four encoding schemes, judged from the ground truth;
/// prints the success table, writes it as JSON and draws a contact sheet.
/// </summary>
public static class EvalCommand
{
    public static Command Create(CliConsole console)
    {
        var pack = CommonOptions.Pack();
        var provider = CommonOptions.Provider();
        var cases = new Option<int>("--cases") { Description = "held-out cases per task", DefaultValueFactory = _ => 48 };
        var caseSeed = new Option<int>("--case-seed") { Description = "chooses the held-out cases", DefaultValueFactory = _ => 1 };
        var tasks = new Option<string[]>("--task")
        {
            Description = "tasks to evaluate (repeatable): edit, generate, text_edit, text_to_image",
            DefaultValueFactory = _ => ["edit", "generate"],
        };
        tasks.AcceptOnlyFromAmong(Enum.GetValues<TaskKind>().Select(t => t.Name()).ToArray());
        var steps = new Option<int?>("--steps") { Description = "denoising steps (default: the pack's)" };
        var translate = new Option<bool>("--translate") { Description = "send a loose phrasing through the built-in translator instead of the standard prompt" };
        var place = new Option<string>("--place")
        {
            Description = "draw each edit's and text edit's object as the factory placed it, at the canvas center, or snapped onto the 8-pixel token grid",
            DefaultValueFactory = _ => PlacementNames[EditPlacement.AsDrawn],
        };
        place.AcceptOnlyFromAmong(PlacementNames.Values.ToArray());
        var json = new Option<FileInfo>("--json") { Description = "write the results here as JSON", HelpName = "FILE" };
        var failures = new Option<FileInfo>("--failures") { Description = "list each failed output here (tab-separated: task, scheme, case, images, reason, prompt)", HelpName = "FILE.tsv" };
        var sheet = new Option<FileInfo>("--sheet") { Description = "write a contact sheet PNG of the first cases here", HelpName = "FILE.png" };
        var sheetCases = new Option<int>("--sheet-cases") { Description = "cases per task on the contact sheet", DefaultValueFactory = _ => 6 };

        var command = new Command("eval", "success rates of a shape-world pack on held-out cases under the four encoding schemes")
        {
            pack, provider, cases, caseSeed, tasks, steps, translate, place, json, failures, sheet, sheetCases,
        };
        command.Subcommands.Add(EvalReaderCommand.Create(console));
        command.Validators.Add(result =>
        {
            if (result.GetValue(cases) < 1)
            {
                result.AddError("--cases must be at least 1");
            }
        });
        command.SetAction(async (parsed, cancellationToken) =>
        {
            using var sessions = PackSessions.Open(
                ModelPack.Load(parsed.GetValue(pack) ?? PackLocator.DefaultPack()), parsed.GetValue(provider), new StderrLogger(console.Error));
            var plan = new EvaluationPlan(
                parsed.GetValue(cases),
                parsed.GetValue(caseSeed),
                parsed.GetValue(tasks)!.Select(ParseTask).ToList(),
                EncodingScheme.All,
                parsed.GetValue(steps),
                parsed.GetValue(translate),
                PlacementNames.Single(p => p.Value == parsed.GetValue(place)).Key);
            var report = new EvaluationReport();
            int total = plan.Cases * plan.Tasks.Count * plan.Schemes.Count;
            var translator = InstructionTranslators.ForPack(sessions.Pack.Manifest, null, new ShapeWorldTranslatorFactory());
            await foreach (var outcome in new AblationEvaluation(sessions, translator).RunAsync(plan, cancellationToken))
            {
                report.Add(outcome);
                await console.Error.WriteAsync($"\r{report.Outcomes.Count}/{total} runs");
            }
            await console.Error.WriteLineAsync();
            report.WriteTable(console.Out, plan.Schemes);
            int stepsUsed = plan.Steps ?? sessions.Pack.Manifest.Defaults.Steps;
            if (parsed.GetValue(json) is { } jsonFile)
            {
                await File.WriteAllTextAsync(jsonFile.FullName, report.ToJson(sessions.Pack.Name, plan.CaseSeed, stepsUsed), cancellationToken);
            }
            if (parsed.GetValue(failures) is { } failuresFile)
            {
                await using var failuresWriter = failuresFile.CreateText();
                report.WriteFailedCases(failuresWriter);
            }
            if (parsed.GetValue(sheet) is { } sheetFile)
            {
                await File.WriteAllBytesAsync(
                    sheetFile.FullName, EvaluationSheet.RenderPng(report.Outcomes, plan.Schemes, parsed.GetValue(sheetCases)), cancellationToken);
            }
            return ExitCodes.Success;
        });
        return command;
    }

    private static readonly IReadOnlyDictionary<EditPlacement, string> PlacementNames = new Dictionary<EditPlacement, string>
    {
        [EditPlacement.AsDrawn] = "as-drawn",
        [EditPlacement.Center] = "center",
        [EditPlacement.Grid] = "grid",
    };

    private static TaskKind ParseTask(string name) => Enum.GetValues<TaskKind>().Single(t => t.Name() == name);
}
