using System.Globalization;

namespace DreamOmni2.DataFactory.Cli;

/// <summary>The <c>--name value</c> options after a command name.</summary>
public sealed class CommandArguments
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public CommandArguments(IEnumerable<string> arguments)
    {
        using var walker = arguments.GetEnumerator();
        while (walker.MoveNext())
        {
            var name = walker.Current;
            if (!name.StartsWith("--", StringComparison.Ordinal) || !walker.MoveNext())
            {
                throw new UsageException($"expected '--option value', got '{name}'");
            }
            _values[name[2..]] = walker.Current;
        }
    }

    public string String(string name) =>
        _values.TryGetValue(name, out var value) ? value : throw new UsageException($"--{name} is required");

    public long Long(string name) => ParseLong(name, String(name));

    public long? OptionalLong(string name) => _values.TryGetValue(name, out var value) ? ParseLong(name, value) : null;

    private static long ParseLong(string name, string value) =>
        long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new UsageException($"--{name} must be an integer, got '{value}'");
}

/// <summary>A command line that does not say what it should.</summary>
public sealed class UsageException(string message) : Exception(message);
