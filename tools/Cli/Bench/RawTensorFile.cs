using System.Runtime.InteropServices;

namespace DreamOmni2.Cli.Bench;

/// <summary>Tensors as raw little-endian files, the form <c>numpy.fromfile</c> reads (the shapes travel separately).</summary>
internal static class RawTensorFile
{
    public static void Write<T>(string path, ReadOnlySpan<T> values)
        where T : unmanaged
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("the reference files are little-endian");
        }
        File.WriteAllBytes(path, MemoryMarshal.AsBytes(values).ToArray());
    }

    public static float[] ReadFloats(string path) => MemoryMarshal.Cast<byte, float>(File.ReadAllBytes(path)).ToArray();
}
