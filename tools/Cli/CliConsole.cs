namespace DreamOmni2.Cli;

/// <summary>Where the CLI writes: results to <paramref name="Out"/>, progress, warnings and errors to <paramref name="Error"/>.</summary>
/// <param name="InteractiveError">Whether <paramref name="Error"/> is a terminal, where a progress bar redraws in place.</param>
public sealed record CliConsole(TextWriter Out, TextWriter Error, bool InteractiveError = false);
