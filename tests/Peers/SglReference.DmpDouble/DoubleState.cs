using System.Text.Json.Nodes;
using System.Xml;

namespace SglReference.DmpDouble;

/// <summary>A registry entry the double keeps.</summary>
internal sealed class Entry
{
    public required string Id { get; init; }
    public required string Lid { get; init; }
    public required int Version { get; init; }
    public required string Status { get; set; }
    public required string UniqueId { get; init; }
    public required string PatientKey { get; init; }
    public required string Hash { get; init; }
    public required string Size { get; init; }
    public required IReadOnlyList<string> AuthorInstitutions { get; init; }
    public required IReadOnlyList<string> AuthorPersons { get; init; }
    public required IReadOnlyList<string> Confidentiality { get; init; }
    public required string Xml { get; set; }
}

/// <summary>One injected fault.</summary>
internal sealed record Fault(string Kind, string Path, int DelayMilliseconds);

/// <summary>Everything the double remembers; one lock.</summary>
internal sealed class DoubleState
{
    public object Gate { get; } = new();

    public List<Entry> Entries { get; } = [];

    public HashSet<string> SubmissionSets { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> Patients { get; } = new(StringComparer.Ordinal);

    public List<Fault> Faults { get; } = [];

    public List<JsonObject> Log { get; } = [];

    public int Requests { get; set; }

    public Fault? TakeFault(string path)
    {
        lock (Gate)
        {
            var fault = Faults.FirstOrDefault(f => f.Path == "*" || f.Path == path);
            if (fault is not null)
            {
                Faults.Remove(fault);
            }

            return fault;
        }
    }

    public string PatientState(string matricule)
    {
        lock (Gate)
        {
            return Patients.TryGetValue(matricule, out var state) ? state : "open";
        }
    }

    public static string Serialize(XmlElement element) => element.OuterXml;
}
