namespace DreamOmni2.Engine.Translation;

/// <summary>One input image as encoded bytes ("image/png", "image/jpeg", "image/webp" …).</summary>
public sealed record TranslationImage(ReadOnlyMemory<byte> Bytes, string ContentType);
