using DreamOmni2.Cli;

return await CliApp.RunAsync(args, new CliConsole(Console.Out, Console.Error, InteractiveError: !Console.IsErrorRedirected));
