using Microsoft.Extensions.Logging;

namespace DreamOmni2.Cli;

/// <summary>Writes the engine's log lines to stderr as "warning: …" or "info: …"; debug and trace are dropped.</summary>
internal sealed class StderrLogger(TextWriter error) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (IsEnabled(logLevel))
        {
            error.WriteLine($"{(logLevel >= LogLevel.Warning ? "warning" : "info")}: {formatter(state, exception)}");
        }
    }
}
