namespace DreamOmni2.Engine.Packs;

/// <param name="IntraOpThreads">
/// The most threads ONNX Runtime may use inside one graph run; left out: the machine's physical cores. A pack for a
/// machine shared with other work sets it lower.
/// </param>
public sealed record SessionSection(GraphOptimization GraphOptimization, int? IntraOpThreads = null);

/// <summary>ONNX Runtime's graph optimization levels, as a pack names them.</summary>
public enum GraphOptimization
{
    Disabled,
    Basic,
    Extended,
    All,
}
