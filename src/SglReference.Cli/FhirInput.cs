using SglReference.Domain.Validation;

namespace SglReference.Cli;

/// <summary>Reads a FHIR R4 Bundle (SglReference.Fhir).</summary>
internal static class FhirInput
{
    public static ReportReadResult Read(byte[] bytes) => SglReference.Fhir.FhirBundleReader.Read(bytes);
}
