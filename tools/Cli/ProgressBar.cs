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
        Report(step.Number, step.Count, _total);
    }

    /// <param name="elapsed">The time the <paramref name="number"/> steps done so far took.</param>
    public void Report(int number, int count, TimeSpan elapsed)
    {
        double secondsPerStep = elapsed.TotalSeconds / number;
        double eta = secondsPerStep * (count - number);
        int filled = Width * number / count;
        string line = $"step {number}/{count} [{new string('#', filled)}{new string('·', Width - filled)}] " +
                      $"{secondsPerStep:0.00} s/step, ETA {eta:0.0} s";
        if (console.InteractiveError)
        {
            console.Error.Write($"\r{line}");
            if (number == count)
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
