using System.CommandLine;
using SglReference.Hosting;
using SglReference.Input;

namespace SglReference.Cli;

/// <summary>Arguments and options several commands share.</summary>
internal static class CommonOptions
{
    public static Argument<FileInfo> Input() => new("input") { Description = "The report: SglReference JSON contract or FHIR R4 Bundle." };

    public static Option<InputFormat> Format() => new("--format")
    {
        Description = "Input form: auto (default), json or fhir.",
        DefaultValueFactory = _ => InputFormat.Auto,
    };

    public static Option<FileInfo?> Config() => new("--config") { Description = "Configuration file (JSON); embedded defaults when absent." };

    public static SglConfiguration LoadConfiguration(FileInfo? file) => file is null ? SglConfiguration.Default : SglConfiguration.Load(file.FullName);
}
