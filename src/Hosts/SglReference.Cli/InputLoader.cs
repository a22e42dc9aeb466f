using SglReference.Domain.Validation;
using SglReference.Engine;
using SglReference.Input;

namespace SglReference.Cli;

/// <summary>Reads an input file in either form into a validated report, with the engine's lab profiles.</summary>
internal static class InputLoader
{
    public static ReportReadResult Load(SglEngine engine, string path, InputFormat format)
    {
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                throw new UserException($"input file not found: {path}");
            }

            if (info.Length > InputLimits.Default.MaxBytes)
            {
                return ReportReadResult.Failed([new ValidationError("$", $"input has {info.Length} bytes, more than the limit of {InputLimits.Default.MaxBytes}", ErrorCodes.InputSize)]);
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (IOException ex)
        {
            throw new UserException($"cannot read {path}: {ex.Message}", ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new UserException($"cannot read {path}: {ex.Message}", ex);
        }

        return engine.Read(bytes, format);
    }
}
