namespace DreamOmni2.EndToEnd.Support;

/// <summary>One preview frame the page painted, as wwwroot/js/playground.js records it.</summary>
public sealed class PaintedFrame
{
    public int Step { get; set; }

    /// <summary>From the end of the step on the server to the frame about to be painted, on the same clock.</summary>
    public double LatencyMs { get; set; }
}
