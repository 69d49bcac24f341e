using System.Globalization;

namespace DreamOmni2.Contracts;

/// <summary>A file size as people read it in a limit or an error: "20 MB", "1.5 MB", "977 KB", "300 bytes".</summary>
public static class FileSizeText
{
    private const double Kilobyte = 1024;
    private const double Megabyte = 1024 * 1024;

    public static string Of(long bytes) => bytes switch
    {
        >= (long)Megabyte => string.Create(CultureInfo.InvariantCulture, $"{bytes / Megabyte:0.#} MB"),
        >= (long)Kilobyte => string.Create(CultureInfo.InvariantCulture, $"{bytes / Kilobyte:0} KB"),
        _ => $"{bytes} bytes",
    };
}
