using DreamOmni2.Contracts;

namespace DreamOmni2.Engine.Packs;

/// <param name="Modes">The transformer graph of each mode; both may name one file, which is then loaded once.</param>
/// <param name="LoraAdapters">For graphs exported with LoRA weights as inputs: the <c>.onnx_adapter</c> file of each mode.</param>
/// <param name="Inputs">The graph's input name for each role of FluxTransformer2DModel.</param>
/// <param name="Output">The graph output holding the velocity of every image token.</param>
public sealed record TransformerSection(
    ModeFiles Modes,
    TransformerInputs Inputs,
    string Output,
    ModeFiles? LoraAdapters = null);

/// <summary>A file per generation mode; a mode with no file is not offered by the pack.</summary>
public sealed record ModeFiles(string? Edit, string? Generate)
{
    public string? For(GenerationMode mode) => mode == GenerationMode.Edit ? Edit : Generate;
}

/// <param name="Guidance">Absent for graphs without guidance embedding (not guidance-distilled).</param>
public sealed record TransformerInputs(
    string HiddenStates,
    string EncoderHiddenStates,
    string PooledProjections,
    string Timestep,
    string ImgIds,
    string TxtIds,
    string? Guidance = null);
