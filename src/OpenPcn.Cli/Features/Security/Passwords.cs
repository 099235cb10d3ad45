using Spectre.Console;

namespace OpenPcn.Cli.Features.Security;

/// <summary>
/// Passwords never go on the command line (shell history, process lists): they are read from standard input with
/// <c>--password-stdin</c>, or asked for without echo when a person is at the terminal.
/// </summary>
internal static class Passwords
{
    public static string Read(CliApp app, bool fromStdin, string prompt)
    {
        if (fromStdin)
        {
            return app.Input.ReadLine()?.TrimEnd('\r', '\n')
                ?? throw new InvalidOperationException("--password-stdin was given but standard input was empty.");
        }

        if (!app.Console.Profile.Capabilities.Interactive)
        {
            throw new InvalidOperationException("No terminal to ask for the password: pipe it in with --password-stdin.");
        }

        return app.Console.Prompt(new TextPrompt<string>(prompt).Secret());
    }
}
