using F = Hl7.Fhir.Model;

namespace SglReference.Fhir;

/// <summary>Extension lookup without importing Hl7.Fhir.Model (whose type names collide with the domain's).</summary>
internal static class ExtensionAccess
{
    public static F.Extension? GetExtension(this F.IExtendable element, string url) => F.ExtensionExtensions.GetExtension(element, url);
}
