namespace SglReference.Fhir;

/// <summary>
/// Remembers where each part of the model came from in the Bundle, so that errors the model validator reports on
/// a model path (e.g. <c>patient.ins.matricule</c>) are shown at their FHIR location.
/// </summary>
internal sealed class SourceMap
{
    private readonly Dictionary<string, string> _locations = new(StringComparer.Ordinal);

    public void Add(string modelPath, string fhirLocation) => _locations[modelPath] = fhirLocation;

    /// <summary>The FHIR location of <paramref name="modelPath"/>: the longest mapped prefix, then the rest of the path.</summary>
    public string Translate(string modelPath)
    {
        var probe = modelPath;
        while (true)
        {
            if (_locations.TryGetValue(probe, out var location))
            {
                var rest = modelPath[probe.Length..].TrimStart('.');
                return rest.Length == 0 ? location : $"{location} ({rest})";
            }

            var cut = Math.Max(probe.LastIndexOf('.'), probe.LastIndexOf('['));
            if (cut <= 0)
            {
                return modelPath;
            }

            probe = probe[..cut];
        }
    }
}
