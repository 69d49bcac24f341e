namespace DreamOmni2.Server.Auth;

/// <summary>
/// Where sign-in may send a person back to: a path on this server, nothing else. Browsers forgive a lot in a
/// Location header (they drop tabs and newlines, read a backslash as a slash), so anything but a plain local path is
/// refused rather than cleaned.
/// </summary>
public static class ReturnUrls
{
    public const string Home = "/";

    public static string Safe(string? url) => IsLocalPath(url) ? url! : Home;

    public static bool IsLocalPath(string? url) =>
        url is { Length: > 0 and <= 2048 }
        && url[0] == '/'
        && (url.Length == 1 || url[1] is not ('/' or '\\'))
        && url.All(c => c is > ' ' and < (char)0x7F and not '\\');
}
