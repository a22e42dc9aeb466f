using SglReference.Domain.Validation;
using SglReference.Engine;
using SglReference.Input;

namespace SglReference.Cli;

/// <summary>Reads an input file in either form into a validated report, with the engine's lab profiles.</summary>
internal static class InputLoader
{
    /// <summary>
    /// Reads and validates the file. The read runs apart from the command so that a termination request (SIGTERM,
    /// Ctrl+C) ends the command at once, whatever the input holds.
    /// </summary>
    public static async Task<ReportReadResult> LoadAsync(SglEngine engine, string path, InputFormat format, CancellationToken cancellationToken)
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

            bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            throw new UserException($"cannot read {path}: {ex.Message}", ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new UserException($"cannot read {path}: {ex.Message}", ex);
        }

        return await Task.Run(() => engine.Read(bytes, format), cancellationToken).WaitAsync(cancellationToken).ConfigureAwait(false);
    }
}
