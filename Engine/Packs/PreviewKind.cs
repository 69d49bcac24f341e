namespace DreamOmni2.Engine.Packs;

/// <summary>How a pack turns a step's denoised estimate into a preview (<c>latent.preview.kind</c>).</summary>
public enum PreviewKind
{
    /// <summary>A per-pixel linear map from the latent channels to RGB, at the latent's size: almost free, blurry.</summary>
    Linear,

    /// <summary>The pack's own VAE decoder: exact, at the output's size; worth it only where the VAE is cheap.</summary>
    Vae,

    /// <summary>A small decoder file of the pack's (TAEF1-style): close to the VAE's picture for a fraction of its cost.</summary>
    Decoder,
}
