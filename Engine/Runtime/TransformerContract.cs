using DreamOmni2.Contracts;
using DreamOmni2.Engine.Latents;
using DreamOmni2.Engine.Packs;

namespace DreamOmni2.Engine.Runtime;

/// <summary>The inputs and output FluxTransformer2DModel's ONNX export must have for the roles the manifest names.</summary>
internal static class TransformerContract
{
    public static void Check(GraphContract contract, TransformerSection section, LatentSection latent)
    {
        var n = section.Inputs;
        string features = $"latent.channels·latent.patch_size² = {latent.Channels}·{latent.PatchSize}²";
        var hidden = contract.Input("transformer.inputs.hidden_states", n.HiddenStates, TensorKind.Float, 3);
        contract.Dimension(hidden, n.HiddenStates, -1, latent.TokenFeatures, features);
        contract.Input("transformer.inputs.encoder_hidden_states", n.EncoderHiddenStates, TensorKind.Float, 3);
        contract.Input("transformer.inputs.pooled_projections", n.PooledProjections, TensorKind.Float, 2);
        contract.Input("transformer.inputs.timestep", n.Timestep, TensorKind.Float, 0, 1);
        var imageIds = contract.Input("transformer.inputs.img_ids", n.ImgIds, TensorKind.Float, 2, 3);
        contract.Dimension(imageIds, n.ImgIds, -1, PositionIds.Axes, "(axis0, row, column)");
        var textIds = contract.Input("transformer.inputs.txt_ids", n.TxtIds, TensorKind.Float, 2, 3);
        contract.Dimension(textIds, n.TxtIds, -1, PositionIds.Axes, "(axis0, row, column)");
        if (n.Guidance is { } guidance)
        {
            contract.Input("transformer.inputs.guidance", guidance, TensorKind.Float, 0, 1);
        }
        var output = contract.Output("transformer.output", section.Output, TensorKind.Float, 3);
        contract.Dimension(output, section.Output, -1, latent.TokenFeatures, features);
        contract.AllInputsNamed(
            [n.HiddenStates, n.EncoderHiddenStates, n.PooledProjections, n.Timestep, n.ImgIds, n.TxtIds, n.Guidance],
            "transformer.inputs");
    }
}
