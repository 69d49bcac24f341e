using System.Security.Cryptography;
using System.Text;

namespace DreamOmni2.Engine.Packs;

/// <summary>
/// Identifies a pack's contents cheaply: SHA-256 over pack.json and, for each file it names, its name, its size and its
/// first and last mebibyte. Retrained weights change those bytes (an ONNX file's initializers fill it), while a 24 GB
/// transformer is not read whole at every start.
/// </summary>
public static class PackHash
{
    private const int SampledBytes = 1 << 20;

    public static string Compute(byte[] manifestJson, IEnumerable<(string RelativePath, string FullPath)> files)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(manifestJson);
        var buffer = new byte[SampledBytes];
        foreach (var (path, fullPath) in files.DistinctBy(f => f.RelativePath).OrderBy(f => f.RelativePath, StringComparer.Ordinal))
        {
            using var stream = File.OpenRead(fullPath);
            hash.AppendData(Encoding.UTF8.GetBytes($"\n{path}\t{stream.Length}\n"));
            AppendSample(hash, stream, 0, buffer);
            AppendSample(hash, stream, Math.Max(SampledBytes, stream.Length - SampledBytes), buffer);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static void AppendSample(IncrementalHash hash, FileStream stream, long offset, byte[] buffer)
    {
        if (offset >= stream.Length)
        {
            return;
        }
        stream.Position = offset;
        int read = stream.ReadAtLeast(buffer, (int)Math.Min(buffer.Length, stream.Length - offset));
        hash.AppendData(buffer, 0, read);
    }
}
