using System.Security.Cryptography;

namespace DreamOmni2.Server.Storage;

/// <summary>
/// Files named by the SHA-256 of their bytes, under <c>files/ab/abcd…</c>. A name is only ever a validated hash,
/// so nothing a user sends becomes part of a path.
/// </summary>
public sealed class ContentStore
{
    private readonly string _root;

    public ContentStore(string root)
    {
        _root = root;
        DataFolders.Create(root);
    }

    public static bool IsHash(string? value) =>
        value is { Length: 64 } && value.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');

    public string Put(ReadOnlySpan<byte> bytes)
    {
        string hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        string path = PathOf(hash);
        if (!File.Exists(path))
        {
            DataFolders.Create(Path.GetDirectoryName(path)!);
            string temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
            DataFolders.WriteFile(temporary, bytes);
            File.Move(temporary, path, overwrite: true);
        }
        return hash;
    }

    public bool Contains(string hash) => IsHash(hash) && File.Exists(PathOf(hash));

    /// <summary>The stored file's size in bytes, or null when no file has that hash.</summary>
    public long? SizeOf(string hash)
    {
        var file = new FileInfo(PathOf(hash));
        return file.Exists ? file.Length : null;
    }

    /// <exception cref="FileNotFoundException">No file has that hash.</exception>
    public byte[] Read(string hash) => File.ReadAllBytes(PathOf(hash));

    public void Delete(string hash) => File.Delete(PathOf(hash));

    private string PathOf(string hash)
    {
        if (!IsHash(hash))
        {
            throw new ArgumentException("not a SHA-256 content hash", nameof(hash));
        }
        return Path.Combine(_root, hash[..2], hash);
    }
}
