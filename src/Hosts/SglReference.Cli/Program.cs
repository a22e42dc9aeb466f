using SglReference.Cli;

return await SglApp.RunAsync(args, Console.Out, Console.Error).ConfigureAwait(false);
