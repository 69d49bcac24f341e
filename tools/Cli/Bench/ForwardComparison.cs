using System.Text.Json;
using DreamOmni2.Contracts;
using DreamOmni2.Engine.Latents;
using DreamOmni2.Engine.Packs;
using DreamOmni2.Engine.Runtime;
using Microsoft.ML.OnnxRuntime;

namespace DreamOmni2.Cli.Bench;

/// <summary>
/// One transformer forward pass on the same seeded inputs through ONNX Runtime (the engine's session options) and
/// through the PyTorch reference: the largest difference in the velocity says whether the two compute the same thing.
/// </summary>
internal static class ForwardComparison
{
    public static double LargestDifference(ModelPack pack, string caseFolder, int imageTokens, float[] imageIds, int threads, ReferenceSampler reference)
    {
        var m = pack.Manifest;
        var names = m.Transformer.Inputs;
        int features = m.Latent.TokenFeatures;
        int textLength = m.TextEncoders[0].MaxLength;
        using var options = ExecutionProviders.CreateOptions(ExecutionProviderChoice.Cpu, m.Session.GraphOptimization, threads);
        using var session = new InferenceSession(pack.PathOf(m.Transformer.Modes.Edit!), options);
        int textWidth = session.InputMetadata[names.EncoderHiddenStates].Dimensions[^1];
        int pooledWidth = session.InputMetadata[names.PooledProjections].Dimensions[^1];
        var inputs = new (string Name, float[] Values, long[] Shape)[]
        {
            (names.HiddenStates, Seeded(imageTokens * features, 11), [1, imageTokens, features]),
            (names.EncoderHiddenStates, Seeded(textLength * textWidth, 12), [1, textLength, textWidth]),
            (names.PooledProjections, Seeded(pooledWidth, 13), [1, pooledWidth]),
            (names.Timestep, [0.5f], [1]),
            (names.ImgIds, imageIds, [imageTokens, 3]),
            (names.TxtIds, PositionIds.Text(textLength), [textLength, 3]),
            (names.Guidance ?? throw new ArgumentException("the reference takes a guidance input"), [m.Defaults.Guidance], [1]),
        };
        string folder = Path.Combine(caseFolder, "forward_inputs");
        Directory.CreateDirectory(folder);
        var roles = new[] { "hidden_states", "encoder_hidden_states", "pooled_projections", "timestep", "img_ids", "txt_ids", "guidance" };
        for (int i = 0; i < inputs.Length; i++)
        {
            RawTensorFile.Write<float>(Path.Combine(folder, roles[i] + ".f32"), inputs[i].Values);
        }
        File.WriteAllText(Path.Combine(folder, "shapes.json"), JsonSerializer.Serialize(roles.Select((role, i) => (role, inputs[i].Shape)).ToDictionary()));

        var values = inputs.Select(input => OrtValue.CreateTensorValueFromMemory(input.Values, input.Shape)).ToList();
        try
        {
            using var runOptions = new RunOptions();
            using var results = session.Run(runOptions, inputs.Select(input => input.Name).ToList(), values, [m.Transformer.Output]);
            var engine = results[0].GetTensorDataAsSpan<float>();
            reference.Forward();
            var torch = RawTensorFile.ReadFloats(Path.Combine(caseFolder, "forward_output.f32"));
            if (torch.Length != engine.Length)
            {
                throw new InvalidOperationException($"the reference's forward pass gave {torch.Length} values, the engine's {engine.Length}");
            }
            double largest = 0;
            for (int i = 0; i < torch.Length; i++)
            {
                largest = Math.Max(largest, Math.Abs(torch[i] - engine[i]));
            }
            return largest;
        }
        finally
        {
            values.ForEach(v => v.Dispose());
        }
    }

    private static float[] Seeded(int length, ulong seed)
    {
        var values = new float[length];
        LatentNoise.Fill(values, seed);
        return values;
    }
}
