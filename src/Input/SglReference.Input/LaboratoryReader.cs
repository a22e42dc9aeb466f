using System.Text.Json;
using SglReference.Domain;
using SglReference.Domain.Validation;
using SglReference.Input.Json;

namespace SglReference.Input;

/// <summary>Reads a laboratory object of the contract on its own: a lab profile in the configuration file.</summary>
public static class LaboratoryReader
{
    /// <summary>
    /// The laboratory <paramref name="element"/> describes, checked by the same rules as a report's, or every error
    /// with its path under <paramref name="path"/>. Properties in <paramref name="extraFields"/> are left to the caller.
    /// </summary>
    public static (Laboratory? Laboratory, IReadOnlyList<ValidationError> Errors) Read(JsonElement element, string path, params string[] extraFields)
    {
        ArgumentNullException.ThrowIfNull(path);
        var sink = new ErrorSink();
        var laboratory = JsonReportMapper.LaboratoryAt(element, path, sink, extraFields);
        if (laboratory is null || sink.HasErrors)
        {
            return (null, sink.Complete(_ => { }));
        }

        var errors = ReportValidator.ValidateLaboratory(laboratory, path);
        return errors.Count == 0 ? (laboratory, []) : (null, errors);
    }
}
