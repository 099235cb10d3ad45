using OpenPcn.Cli;
using Spectre.Console;

return await new CliApp(AnsiConsole.Console, Console.In).RunAsync(args);
