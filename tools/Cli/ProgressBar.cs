using DreamOmni2.Engine.Pipeline;

namespace DreamOmni2.Cli;

/// <summary>"step k/N [#####·····] s/step, ETA" on stderr: redrawn in place on a terminal, one line per step otherwise.</summary>
internal sealed class ProgressBar(CliConsole console)
{
    private const int Width = 24;
    private TimeSpan _total;

    public void Report(PipelineEvent.Step step)
    {
        _total += step.Elapsed;
        double secondsPerStep = _total.TotalSeconds / step.Number;
        double eta = secondsPerStep * (step.Count - step.Number);
        int filled = Width * step.Number / step.Count;
        string line = $"step {step.Number}/{step.Count} [{new string('#', filled)}{new string('·', Width - filled)}] " +
                      $"{secondsPerStep:0.00} s/step, ETA {eta:0.0} s";
        if (console.InteractiveError)
        {
            console.Error.Write($"\r{line}");
            if (step.Number == step.Count)
            {
                console.Error.WriteLine();
            }
        }
        else
        {
            console.Error.WriteLine(line);
        }
    }
}
