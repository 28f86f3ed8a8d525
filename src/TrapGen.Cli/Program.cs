return TrapGen.Cli.ConsoleStreams.Run(args);
