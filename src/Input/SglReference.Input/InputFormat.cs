namespace SglReference.Input;

/// <summary>The input forms a report is read from.</summary>
public enum InputFormat
{
    /// <summary>Detect: a JSON object with "resourceType": "Bundle" is FHIR, anything else the JSON contract.</summary>
    Auto,

    /// <summary>The SglReference JSON contract.</summary>
    Json,

    /// <summary>A FHIR R4 Bundle.</summary>
    Fhir,
}
