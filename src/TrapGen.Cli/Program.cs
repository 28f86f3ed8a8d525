return TrapGen.Cli.CliApplication.Run(args, System.Console.Out, System.Console.Error, System.Console.In);
