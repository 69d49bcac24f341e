using System.CommandLine;
using DreamOmni2.Cli.Evaluation;

namespace DreamOmni2.Cli.Commands;

/// <summary>
/// <c>dreamomni2 eval reader</c>: the built-in translator's image reader on held-out factory pictures, each attribute's
/// accuracy for pictures as drawn and as people upload them (PNG, JPEG, resized); needs no pack.
/// </summary>
public static class EvalReaderCommand
{
    public static Command Create(CliConsole console)
    {
        var cases = new Option<int>("--cases") { Description = "held-out cases per task (their inputs and targets are read)", DefaultValueFactory = _ => 100 };
        var caseSeed = new Option<int>("--case-seed") { Description = "chooses the held-out cases", DefaultValueFactory = _ => 1 };
        var misread = new Option<FileInfo>("--misread") { Description = "list every misread picture here", HelpName = "FILE" };
        var command = new Command("reader", "accuracy of the image reader on held-out shape-world pictures") { cases, caseSeed, misread };
        command.Validators.Add(result =>
        {
            if (result.GetValue(cases) < 1)
            {
                result.AddError("--cases must be at least 1");
            }
        });
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var scores = ReaderEvaluation.Run(parsed.GetValue(cases), parsed.GetValue(caseSeed), Enum.GetValues<PictureDelivery>());
            await console.Out.WriteLineAsync(
                $"image reader on {scores[0].Images} held-out pictures (case-seed {parsed.GetValue(caseSeed)}, {parsed.GetValue(cases)} cases a task, inputs and targets)");
            await console.Out.WriteLineAsync(
                $"{"delivery",-22}" + string.Concat(ReaderEvaluation.Attributes.Select(a => $"{a,11}")) + $"{"ms/image",10}");
            foreach (var score in scores)
            {
                await console.Out.WriteLineAsync(
                    $"{score.Delivery.Name(),-22}" + string.Concat(ReaderEvaluation.Attributes.Select(a => $"{score.Accuracy(a),11:0.0000}")) +
                    $"{score.MillisecondsPerImage,10:0.00}");
            }
            if (parsed.GetValue(misread) is { } file)
            {
                await File.WriteAllLinesAsync(file.FullName,
                    scores.SelectMany(s => s.Misread.Select(line => $"{s.Delivery.Name()}\t{line}")), cancellationToken);
            }
            return ExitCodes.Success;
        });
        return command;
    }
}
