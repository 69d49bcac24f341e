using System.Diagnostics;
using System.Text.Json;
using DreamOmni2.Engine.Tests.Support;

namespace DreamOmni2.Engine.Tests.Parity;

/// <summary>Runs <c>tools/trainer/print_parity.py</c> with Debian's Python, which needs nothing beyond the standard library.</summary>
internal static class TrainerScript
{
    public const string Python = "/usr/bin/python3";

    private static readonly JsonSerializerOptions s_json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static TrainerNumbers Ask(TrainerRequest request)
    {
        if (!File.Exists(Python))
        {
            throw new InvalidOperationException(
                $"the trainer parity tests run the Python trainer's own code and need {Python} (apt-get install -y python3)");
        }
        var script = Path.Combine(TestPacks.RepoRoot, "tools", "trainer", "print_parity.py");
        var start = new ProcessStartInfo(Python, $"\"{script}\"")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {Python}");
        process.StandardInput.Write(JsonSerializer.Serialize(request, s_json));
        process.StandardInput.Close();
        var errors = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{script} exited with {process.ExitCode}: {errors.Result}");
        }
        return JsonSerializer.Deserialize<TrainerNumbers>(output, s_json)
            ?? throw new InvalidOperationException($"{script} printed no answer");
    }
}
