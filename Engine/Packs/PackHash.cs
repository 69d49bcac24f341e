using System.Security.Cryptography;
using System.Text;

namespace DreamOmni2.Engine.Packs;

/// <summary>
/// Identifies a pack's contents cheaply: SHA-256 over pack.json and the name and size of each file it names.
/// Weights retrained to the same size keep the hash, which is why pack.json should carry a version in its description.
/// </summary>
public static class PackHash
{
    public static string Compute(byte[] manifestJson, IEnumerable<(string RelativePath, long Length)> files)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(manifestJson);
        foreach (var (path, length) in files.DistinctBy(f => f.RelativePath).OrderBy(f => f.RelativePath, StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes($"\n{path}\t{length}"));
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
