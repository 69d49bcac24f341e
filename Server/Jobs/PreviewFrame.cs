namespace DreamOmni2.Server.Jobs;

/// <summary>The latest preview of a running job.</summary>
/// <param name="StepEndedUnixMilliseconds">When the step that made it ended, on the wall clock (for latency measurements).</param>
public sealed record PreviewFrame(int Step, byte[] Jpeg, int Width, int Height, double StepEndedUnixMilliseconds);
