using System.CommandLine;
using SglReference.Server;

namespace SglReference.Cli;

/// <summary>
/// sgl serve [--config FILE] [--data DIR] [--urls URL]: the hosted service labs run as their main job — intake over
/// HTTP, rendering, delivery by MLLP and SMTP, the page at /. Stops gracefully on SIGTERM or Ctrl+C.
/// </summary>
internal static class ServeCommand
{
    public static Command Create(CommandContext context)
    {
        var config = CommonOptions.Config();
        var data = new Option<DirectoryInfo>("--data") { Description = "Directory of the embedded SQLite store (when server.database is not set).", DefaultValueFactory = _ => new DirectoryInfo("data") };
        var urls = new Option<string>("--urls") { Description = "Where to listen (Kestrel URLs, ';'-separated).", DefaultValueFactory = _ => "http://127.0.0.1:8080" };
        var command = new Command("serve", "Run the hosted service: POST /api/v1/reports, background rendering and delivery, the web page at /.");
        command.Options.Add(config);
        command.Options.Add(data);
        command.Options.Add(urls);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var settings = new ServeSettings(parse.GetValue(config)?.FullName, parse.GetValue(data)!.FullName, parse.GetValue(urls)!);
            await context.Out.FlushAsync(cancellationToken).ConfigureAwait(false);
            await SglServer.RunAsync(settings, cancellationToken).ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }
}
