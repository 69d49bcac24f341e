using Microsoft.ML.OnnxRuntime;
using DreamOmni2.Engine.Packs;

namespace DreamOmni2.Engine.Runtime;

/// <summary>The transformer session of one mode, with the LoRA adapter the mode activates, if any.</summary>
public sealed record TransformerGraph(InferenceSession Session, TransformerSection Section, OrtLoraAdapter? Adapter);
