using DreamOmni2.DataFactory.Cli;

return CommandLine.Run(args);
