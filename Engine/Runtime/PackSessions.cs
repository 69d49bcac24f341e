using DreamOmni2.Contracts;
using DreamOmni2.Engine.Packs;
using DreamOmni2.Engine.Requests;
using DreamOmni2.Engine.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging;
using Microsoft.ML.OnnxRuntime;

namespace DreamOmni2.Engine.Runtime;

/// <summary>
/// Every ONNX Runtime session of one pack, created once (a file named by several roles is loaded once) and checked
/// against the manifest as it is created. Owns the sessions and adapters; dispose it to release them.
/// </summary>
public sealed class PackSessions : IDisposable
{
    private readonly List<IDisposable> _owned;
    private readonly Dictionary<GenerationMode, TransformerGraph> _transformers;

    private PackSessions(
        ModelPack pack,
        ExecutionProviderChoice provider,
        List<IDisposable> owned,
        Dictionary<GenerationMode, TransformerGraph> transformers,
        IReadOnlyList<TextEncoder> textEncoders,
        Vae vae,
        ILatentDecoder? previewDecoder)
    {
        Pack = pack;
        Rules = new RequestRules(pack.Manifest);
        Provider = provider;
        _owned = owned;
        _transformers = transformers;
        TextEncoders = textEncoders;
        Vae = vae;
        PreviewDecoder = previewDecoder;
    }

    public ModelPack Pack { get; }

    /// <summary>What requests this pack accepts, and the sizes it gives their images.</summary>
    public RequestRules Rules { get; }

    /// <summary>The provider that runs, which is the CPU when CUDA was requested but could not be had.</summary>
    public ExecutionProviderChoice Provider { get; }

    public IReadOnlyList<TextEncoder> TextEncoders { get; }

    public Vae Vae { get; }

    /// <summary>What decodes step previews: the pack's VAE, its preview decoder file, or null for the linear map.</summary>
    public ILatentDecoder? PreviewDecoder { get; }

    public bool Supports(GenerationMode mode) => _transformers.ContainsKey(mode);

    public TransformerGraph Transformer(GenerationMode mode) => _transformers.TryGetValue(mode, out var graph)
        ? graph
        : throw new NotSupportedException($"pack '{Pack.Name}' has no {mode.Name()} transformer");

    /// <summary>Creates and checks every session; throws <see cref="PackValidationException"/> listing every mismatch.</summary>
    /// <param name="maxIntraOpThreads">The host's limit on ONNX Runtime's threads per graph run; null: the physical cores.</param>
    public static PackSessions Open(
        ModelPack pack, ExecutionProviderChoice provider = ExecutionProviderChoice.Cpu, ILogger? logger = null, int? maxIntraOpThreads = null)
    {
        logger ??= NullLogger.Instance;
        var actual = ExecutionProviders.Resolve(provider, logger);
        int threads = ExecutionProviders.IntraOpThreads(pack.Manifest.Session.IntraOpThreads, maxIntraOpThreads);
        var opener = new PackGraphOpener(pack, actual, threads);
        try
        {
            var sessions = opener.OpenAll();
            logger.LogInformation(
                "Pack '{Pack}' runs on ONNX Runtime {Version} with the {Provider} execution provider (graph optimization: {Optimization}, {Threads} intra-op threads)",
                pack.Name, OrtEnv.Instance().GetVersionString(), actual == ExecutionProviderChoice.Cuda ? "CUDA" : "CPU",
                pack.Manifest.Session.GraphOptimization.ToString().ToLowerInvariant(), threads);
            return sessions;
        }
        catch
        {
            opener.DisposeAll();
            throw;
        }
    }

    public void Dispose()
    {
        foreach (var item in _owned)
        {
            item.Dispose();
        }
    }

    /// <summary>Opens the pack's graphs one by one, collecting every problem before failing.</summary>
    private sealed class PackGraphOpener(ModelPack pack, ExecutionProviderChoice provider, int intraOpThreads)
    {
        private readonly List<IDisposable> _owned = [];
        private readonly List<string> _problems = [];
        private readonly Dictionary<string, InferenceSession?> _sessions = new(StringComparer.Ordinal);
        private readonly SessionOptions _options = ExecutionProviders.CreateOptions(provider, pack.Manifest.Session.GraphOptimization, intraOpThreads);

        public PackSessions OpenAll()
        {
            using (_options)
            {
                var m = pack.Manifest;
                var transformers = OpenTransformers(m);
                var textEncoders = OpenTextEncoders(m);
                var vae = OpenVae(m);
                var previewFile = m.Latent.Preview.Kind == PreviewKind.Decoder ? OpenPreviewDecoder(m.Latent.Preview.Decoder!, m.Latent.Channels) : null;
                CheckTextWidths(m, transformers.Values.FirstOrDefault(), textEncoders);
                if (_problems.Count > 0)
                {
                    throw PackValidationException.FromProblems(_problems);
                }
                ILatentDecoder? preview = m.Latent.Preview.Kind switch
                {
                    PreviewKind.Vae => vae,
                    PreviewKind.Decoder => previewFile,
                    _ => null,
                };
                return new PackSessions(pack, provider, _owned, transformers, textEncoders, vae!, preview);
            }
        }

        public void DisposeAll()
        {
            foreach (var item in _owned)
            {
                item.Dispose();
            }
        }

        private (InferenceSession Session, GraphContract Contract)? Open(string relativePath, string field)
        {
            string path = pack.PathOf(relativePath);
            if (_sessions.TryGetValue(relativePath, out var cached))
            {
                return cached is null ? null : (cached, new GraphContract(path, cached, _problems));
            }
            InferenceSession? session = null;
            try
            {
                session = new InferenceSession(path, _options);
                _owned.Add(session);
            }
            catch (OnnxRuntimeException e)
            {
                _problems.Add($"{path} ({field}): ONNX Runtime cannot load it: {e.Message}");
            }
            _sessions[relativePath] = session;
            return session is null ? null : (session, new GraphContract(path, session, _problems));
        }

        private Dictionary<GenerationMode, TransformerGraph> OpenTransformers(PackManifest m)
        {
            var graphs = new Dictionary<GenerationMode, TransformerGraph>();
            var checkedFiles = new HashSet<string>(StringComparer.Ordinal);
            foreach (var mode in Enum.GetValues<GenerationMode>())
            {
                string modeName = mode.Name();
                if (m.Transformer.Modes.For(mode) is not { } file || Open(file, $"transformer.modes.{modeName}") is not (var session, var contract))
                {
                    continue;
                }
                if (checkedFiles.Add(file))
                {
                    TransformerContract.Check(contract, m.Transformer, m.Latent);
                }
                OrtLoraAdapter? adapter = null;
                if (m.Transformer.LoraAdapters?.For(mode) is { } adapterFile)
                {
                    try
                    {
                        // No allocator: ONNX Runtime wants a device allocator here and refuses the CPU one; without one the
                        // parameters stay in host memory and are copied to the device when a run needs them.
                        adapter = OrtLoraAdapter.Create(pack.PathOf(adapterFile), null);
                        _owned.Add(adapter);
                    }
                    catch (OnnxRuntimeException e)
                    {
                        _problems.Add($"{pack.PathOf(adapterFile)} (transformer.lora_adapters.{modeName}): ONNX Runtime cannot load it: {e.Message}");
                    }
                }
                graphs[mode] = new TransformerGraph(session, m.Transformer, adapter);
            }
            return graphs;
        }

        private List<TextEncoder> OpenTextEncoders(PackManifest m)
        {
            var encoders = new List<TextEncoder>();
            for (int e = 0; e < m.TextEncoders.Count; e++)
            {
                var section = m.TextEncoders[e];
                if (Open(section.File, $"text_encoders[{e}].file") is not (var session, var contract))
                {
                    continue;
                }
                int problemsBefore = _problems.Count;
                var ids = contract.Input($"text_encoders[{e}].input", section.Input, TensorKind.TokenIds, 2);
                contract.Dimension(ids, section.Input, 1, section.MaxLength, $"text_encoders[{e}].max_length");
                foreach (var (output, role) in section.Outputs)
                {
                    int rank = role == TextEmbeddingRole.EncoderHiddenStates ? 3 : 2;
                    contract.Output($"text_encoders[{e}].outputs", output, TensorKind.Float, rank);
                }
                contract.AllInputsNamed([section.Input], $"text_encoders[{e}].input");
                if (_problems.Count > problemsBefore)
                {
                    continue;
                }
                try
                {
                    encoders.Add(new TextEncoder(section, session, TokenizerFactory.Create(section.Tokenizer, pack.Directory)));
                }
                catch (Exception ex) when (ex is IOException or ArgumentException or FormatException or InvalidDataException)
                {
                    _problems.Add($"{pack.Directory} (text_encoders[{e}].tokenizer): the tokenizer cannot be loaded: {ex.Message}");
                }
            }
            return encoders;
        }

        private Vae? OpenVae(PackManifest m)
        {
            int channels = m.Latent.Channels;
            int problemsBefore = _problems.Count;
            var encoder = Open(m.Vae.Encoder.File, "vae.encoder.file");
            if (encoder is (var _, var encoderContract))
            {
                var image = encoderContract.Input("vae.encoder.input", m.Vae.Encoder.Input, TensorKind.Float, 4);
                encoderContract.Dimension(image, m.Vae.Encoder.Input, 1, 3, "RGB");
                var latent = encoderContract.Output("vae.encoder.output", m.Vae.Encoder.Output, TensorKind.Float, 4);
                if (latent is { } l && l.Dimensions[1] > 0 && l.Dimensions[1] != 2 * channels)
                {
                    encoderContract.Dimension(latent, m.Vae.Encoder.Output, 1, channels, "latent.channels");
                }
                encoderContract.AllInputsNamed([m.Vae.Encoder.Input], "vae.encoder.input");
            }
            var decoder = Open(m.Vae.Decoder.File, "vae.decoder.file");
            if (decoder is (var _, var decoderContract))
            {
                var latent = decoderContract.Input("vae.decoder.input", m.Vae.Decoder.Input, TensorKind.Float, 4);
                decoderContract.Dimension(latent, m.Vae.Decoder.Input, 1, channels, "latent.channels");
                var image = decoderContract.Output("vae.decoder.output", m.Vae.Decoder.Output, TensorKind.Float, 4);
                decoderContract.Dimension(image, m.Vae.Decoder.Output, 1, 3, "RGB");
                decoderContract.AllInputsNamed([m.Vae.Decoder.Input], "vae.decoder.input");
            }
            if (encoder is not (var encoderSession, var _) || decoder is not (var decoderSession, var _))
            {
                return null;
            }
            return new Vae(
                new FloatGraph(encoderSession, m.Vae.Encoder.Input, m.Vae.Encoder.Output),
                new FloatGraph(decoderSession, m.Vae.Decoder.Input, m.Vae.Decoder.Output),
                m.Latent,
                m.Vae.AppliesScaling);
        }

        private PreviewDecoder? OpenPreviewDecoder(string file, int channels)
        {
            if (Open(file, "latent.preview.decoder") is not (var session, var contract))
            {
                return null;
            }
            var (input, latent) = contract.Single("latent.preview.decoder", input: true, TensorKind.Float, 4);
            contract.Dimension(latent, input, 1, channels, "latent.channels");
            var (output, image) = contract.Single("latent.preview.decoder", input: false, TensorKind.Float, 4);
            contract.Dimension(image, output, 1, 3, "RGB");
            return latent is null || image is null ? null : new PreviewDecoder(new FloatGraph(session, input, output), channels);
        }

        /// <summary>The text encoders' embedding widths must be the ones the transformer takes.</summary>
        private void CheckTextWidths(PackManifest m, TransformerGraph? transformer, List<TextEncoder> encoders)
        {
            if (transformer is null)
            {
                return;
            }
            var inputs = transformer.Session.InputMetadata;
            foreach (var encoder in encoders)
            {
                var outputs = _sessions[encoder.Section.File]!.OutputMetadata;
                foreach (var (output, role) in encoder.Section.Outputs)
                {
                    string target = role == TextEmbeddingRole.EncoderHiddenStates ? m.Transformer.Inputs.EncoderHiddenStates : m.Transformer.Inputs.PooledProjections;
                    if (!outputs.TryGetValue(output, out var produced) || !inputs.TryGetValue(target, out var taken))
                    {
                        continue;
                    }
                    int width = produced.Dimensions[^1], expected = taken.Dimensions[^1];
                    if (width > 0 && expected > 0 && width != expected)
                    {
                        _problems.Add(
                            $"{pack.PathOf(encoder.Section.File)}: output '{output}' is {width} wide but the transformer's '{target}' takes {expected} (text_encoders[].outputs)");
                    }
                }
            }
        }
    }
}
