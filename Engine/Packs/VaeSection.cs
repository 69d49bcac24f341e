namespace DreamOmni2.Engine.Packs;

/// <param name="AppliesScaling">
/// True when the graphs already map between VAE and model space (BFL's exports); false when the engine applies
/// <c>z = (mean − shift)·scale</c> after encoding and <c>z/scale + shift</c> before decoding.
/// </param>
public sealed record VaeSection(VaeGraph Encoder, VaeGraph Decoder, bool AppliesScaling);

public sealed record VaeGraph(string File, string Input, string Output);
