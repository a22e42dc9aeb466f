namespace SglReference.Fhir;

/// <summary>
/// Remembers where each part of the model came from in the Bundle, so that errors the model validator reports on
/// a model path (e.g. <c>patient.ins.matricule</c>) are shown at their FHIR location.
/// </summary>
internal sealed class SourceMap
{
    private readonly Dictionary<string, string> _locations = new(StringComparer.Ordinal);
    private readonly HashSet<string> _reported = new(StringComparer.Ordinal);

    public void Add(string modelPath, string fhirLocation) => _locations[modelPath] = fhirLocation;

    /// <summary>
    /// Marks <paramref name="modelPath"/> as already reported by the mapper (a missing resource or element): the
    /// model validator's errors on it or below it are follow-on errors and are dropped.
    /// </summary>
    public void Reported(string modelPath) => _reported.Add(modelPath);

    /// <summary>True when <paramref name="modelPath"/> is, or is inside, a part already reported.</summary>
    public bool IsReported(string modelPath)
    {
        var probe = modelPath;
        while (true)
        {
            if (_reported.Contains(probe))
            {
                return true;
            }

            var cut = Math.Max(probe.LastIndexOf('.'), probe.LastIndexOf('['));
            if (cut <= 0)
            {
                return false;
            }

            probe = probe[..cut];
        }
    }

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
