namespace DreamOmni2.Cli;

public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>Something went wrong inside the engine; the message and stack trace go to stderr.</summary>
    public const int InternalError = 1;

    /// <summary>The input was refused (arguments, images, the pack); a one-line message says why.</summary>
    public const int BadInput = 2;

    /// <summary><c>device-check --require-device</c>: the requested execution provider did not run the graphs.</summary>
    public const int DeviceNotUsed = 3;

    /// <summary>Interrupted (Ctrl+C), as shells report SIGINT.</summary>
    public const int Cancelled = 130;
}
