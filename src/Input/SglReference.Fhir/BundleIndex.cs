using SglReference.Input.Json;
using SglReference.Domain.Validation;
using F = Hl7.Fhir.Model;

namespace SglReference.Fhir;

/// <summary>The resources of a Bundle, addressable by fullUrl and by "Type/id", each with its location for messages.</summary>
internal sealed class BundleIndex
{
    private readonly Dictionary<string, F.Resource> _byReference = new(StringComparer.Ordinal);
    private readonly Dictionary<F.Resource, string> _location = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<string> _dangling = new(StringComparer.Ordinal);
    private readonly ErrorSink _sink;

    public BundleIndex(F.Bundle bundle, ErrorSink sink)
    {
        _sink = sink;
        for (var i = 0; i < bundle.Entry.Count; i++)
        {
            var entry = bundle.Entry[i];
            if (entry.Resource is not { } resource)
            {
                continue;
            }

            Resources.Add(resource);
            var typeAndId = resource.Id is null ? null : $"{resource.TypeName}/{resource.Id}";
            _location[resource] = typeAndId is null ? $"Bundle.entry[{i}]" : $"{typeAndId}";
            if (entry.FullUrl is { } fullUrl)
            {
                _byReference.TryAdd(fullUrl, resource);
            }

            if (typeAndId is not null && !_byReference.TryAdd(typeAndId, resource))
            {
                sink.Add($"Bundle.entry[{i}]", ErrorCodes.FhirReference, $"two resources are {typeAndId}");
            }
        }
    }

    public List<F.Resource> Resources { get; } = [];

    public string LocationOf(F.Resource resource) => _location.TryGetValue(resource, out var l) ? l : resource.TypeName;

    /// <summary>Resolves a reference to a resource of type <typeparamref name="T"/>; reports what goes wrong.</summary>
    public T? Resolve<T>(F.ResourceReference? reference, string path, bool required)
        where T : F.Resource
    {
        if (reference?.Reference is not { } target)
        {
            if (required)
            {
                _sink.Add(path, ErrorCodes.Required, $"a reference to a {typeof(T).Name} is required");
            }

            return null;
        }

        if (!_byReference.TryGetValue(target, out var resource))
        {
            Dangling(target, path);
            return null;
        }

        if (resource is not T typed)
        {
            _sink.Add(path, ErrorCodes.FhirReference, $"reference \"{JsonObject.Shorten(target)}\" points to a {resource.TypeName}, expected a {typeof(T).Name}");
            return null;
        }

        return typed;
    }

    /// <summary>The resource a reference points to, or null; reports nothing (for lookups that only ask).</summary>
    public F.Resource? TryResolve(F.ResourceReference? reference) =>
        reference?.Reference is { } target && _byReference.TryGetValue(target, out var resource) ? resource : null;

    /// <summary>Resolves a reference whose target may be of several types.</summary>
    public F.Resource? ResolveAny(F.ResourceReference? reference, string path)
    {
        if (reference?.Reference is not { } target)
        {
            return null;
        }

        if (_byReference.TryGetValue(target, out var resource))
        {
            return resource;
        }

        Dangling(target, path);
        return null;
    }

    /// <summary>One missing resource, one error: later references to the same missing target are not reported again.</summary>
    private void Dangling(string target, string path)
    {
        if (_dangling.Add(target))
        {
            _sink.Add(path, ErrorCodes.FhirReference, $"reference \"{JsonObject.Shorten(target)}\" does not resolve to a resource of the Bundle");
        }
    }
}
