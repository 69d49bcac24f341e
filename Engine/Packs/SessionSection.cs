namespace DreamOmni2.Engine.Packs;

public sealed record SessionSection(GraphOptimization GraphOptimization);

/// <summary>ONNX Runtime's graph optimization levels, as a pack names them.</summary>
public enum GraphOptimization
{
    Disabled,
    Basic,
    Extended,
    All,
}
