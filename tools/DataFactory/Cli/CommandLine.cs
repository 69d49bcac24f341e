namespace DreamOmni2.DataFactory.Cli;

/// <summary>Dispatches <c>DreamOmni2.DataFactory COMMAND --option value …</c>.</summary>
public static class CommandLine
{
    public const string Usage = """
        usage: DreamOmni2.DataFactory COMMAND [options]
          stream  --start S [--count N] [--stride K]   records of samples S, S+K, S+2K, … to stdout (forever without --count)
          bench   [--start S] [--count N]              measure single-core throughput of stream
          vocab   --out FILE                           the token vocabulary, one word a line
          sheet   --start S --count N --out PNG        contact sheet of samples for eyeballing
          samples --start S --count N --out DIR        PNGs and JSON labels of each sample
          examples --pack DIR                          the tiny pack's clickable examples, into DIR/examples
        """;

    public static int Run(string[] args)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            Console.WriteLine(Usage);
            return args.Length == 0 ? 2 : 0;
        }
        try
        {
            var options = new CommandArguments(args.Skip(1));
            switch (args[0])
            {
                case "stream":
                    StreamCommand.Run(options.Long("start"), options.OptionalLong("count"), options.OptionalLong("stride") ?? 1);
                    break;
                case "bench":
                    BenchCommand.Run(options.OptionalLong("start") ?? 0, options.OptionalLong("count") ?? 20_000);
                    break;
                case "vocab":
                    VocabCommand.Run(options.String("out"));
                    break;
                case "sheet":
                    SheetCommand.Run(options.Long("start"), options.Long("count"), options.String("out"));
                    break;
                case "samples":
                    SamplesCommand.Run(options.Long("start"), options.Long("count"), options.String("out"));
                    break;
                case "examples":
                    ExamplesCommand.Run(options.String("pack"));
                    break;
                default:
                    throw new UsageException($"unknown command '{args[0]}'");
            }
            return 0;
        }
        catch (UsageException error)
        {
            Console.Error.WriteLine($"error: {error.Message}");
            Console.Error.WriteLine(Usage);
            return 2;
        }
        catch (ArgumentOutOfRangeException error)
        {
            Console.Error.WriteLine($"error: {error.Message}");
            return 1;
        }
    }
}
