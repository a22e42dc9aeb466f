using System.Text;
using System.Text.Json.Nodes;
using SglReference.Domain.Validation;

namespace SglReference.Testing;

/// <summary>
/// A few hundred malformed inputs generated deterministically (fixed seed) from every JSON fixture, each with the
/// error it must produce: a leaf of the wrong JSON type (SGL-TYPE at that leaf's path), a control character escaped into
/// a string (an error at that string's path), a file cut short (SGL-JSON-SYNTAX), a byte that is not UTF-8
/// (SGL-JSON-ENCODING). Where the code depends on the field, <see cref="MalformedCase.Code"/> is null: any error
/// located at the path will do.
/// </summary>
public static class FuzzCorpus
{
    private const int Seed = 20261202;

    /// <summary>Every generated case.</summary>
    public static IReadOnlyList<FuzzCase> All { get; } = Generate();

    private static List<FuzzCase> Generate()
    {
        var random = new Random(Seed);
        var cases = new List<FuzzCase>();
        var fixtures = Repo.FixtureNames.Where(f => f != "large-300").ToList();
        foreach (var fixture in fixtures)
        {
            var text = File.ReadAllText(Repo.Fixture(fixture));
            var leaves = Leaves(JsonNode.Parse(text)!, string.Empty).Where(l => l.Path != "$schema").ToList();

            // Wrong JSON type at 12 leaves of each fixture.
            foreach (var (path, node) in leaves.OrderBy(_ => random.Next()).Take(12))
            {
                var replacement = node.GetValueKind() switch
                {
                    System.Text.Json.JsonValueKind.String => random.Next(3) switch { 0 => "42", 1 => "[]", _ => "{}" },
                    System.Text.Json.JsonValueKind.Number => "\"1.5\"",
                    _ => "\"true\"",
                };
                cases.Add(new FuzzCase($"{fixture}: {path} as {replacement}", () => Utf8(Replace(text, path, replacement)), ErrorCodes.Type, path));
            }

            // An escaped control character inside 4 strings of each fixture: refused wherever it lands.
            foreach (var (path, node) in leaves.Where(l => l.Node.GetValueKind() == System.Text.Json.JsonValueKind.String).OrderBy(_ => random.Next()).Take(4))
            {
                var control = (char)random.Next(1, 32);
                if (control is '\t' or '\n' or '\r')
                {
                    control = '\u001b'; // tab, LF and CR are allowed in some fields
                }

                var value = node.GetValue<string>();
                var at = random.Next(value.Length + 1);
                var edited = JsonValue.Create(value[..at] + control + value[at..])!.ToJsonString();
                cases.Add(new FuzzCase($"{fixture}: U+{(int)control:X4} in {path}", () => Utf8(Replace(text, path, edited)), null, path));
            }

            var bytes = Encoding.UTF8.GetBytes(text);
            var lastBrace = Array.LastIndexOf(bytes, (byte)'}');

            // Cut short at 3 places (on a character boundary, before the closing brace).
            for (var i = 0; i < 3; i++)
            {
                var cut = random.Next(1, lastBrace);
                while (cut > 1 && (bytes[cut] & 0xC0) == 0x80)
                {
                    cut--;
                }

                var prefix = bytes[..cut];
                cases.Add(new FuzzCase($"{fixture}: cut at byte {cut}", () => prefix, ErrorCodes.JsonSyntax, "$"));
            }

            // A byte that is never UTF-8, at 3 places.
            for (var i = 0; i < 3; i++)
            {
                var at = random.Next(bytes.Length);
                var broken = bytes[..at].Concat(new byte[] { 0xFF }).Concat(bytes[at..]).ToArray();
                cases.Add(new FuzzCase($"{fixture}: 0xFF at byte {at}", () => broken, ErrorCodes.JsonEncoding, "$"));
            }
        }

        return cases;
    }

    /// <summary>Every leaf (string, number, boolean) with its path in the contract's notation.</summary>
    private static IEnumerable<(string Path, JsonNode Node)> Leaves(JsonNode node, string path)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (name, child) in o)
                {
                    if (child is not null)
                    {
                        foreach (var leaf in Leaves(child, path.Length == 0 ? name : path + "." + name))
                        {
                            yield return leaf;
                        }
                    }
                }

                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    if (a[i] is { } child)
                    {
                        foreach (var leaf in Leaves(child, $"{path}[{i}]"))
                        {
                            yield return leaf;
                        }
                    }
                }

                break;
            default:
                yield return (path, node);
                break;
        }
    }

    /// <summary>The fixture with the leaf at <paramref name="path"/> replaced by the raw JSON <paramref name="json"/>.</summary>
    private static string Replace(string text, string path, string json)
    {
        var root = JsonNode.Parse(text)!;
        var (parent, key) = Locate(root, path);
        var replacement = JsonNode.Parse(json);
        switch (parent)
        {
            case JsonObject o:
                o[(string)key] = replacement;
                break;
            case JsonArray a:
                a[(int)key] = replacement;
                break;
        }

        return root.ToJsonString();
    }

    private static (JsonNode Parent, object Key) Locate(JsonNode root, string path)
    {
        var steps = new List<object>();
        foreach (var part in path.Split('.'))
        {
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            steps.Add(bracket < 0 ? part : part[..bracket]);
            for (var i = bracket; i >= 0; i = part.IndexOf('[', i + 1))
            {
                steps.Add(int.Parse(part.AsSpan(i + 1, part.IndexOf(']', i) - i - 1), System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        var node = root;
        for (var i = 0; i < steps.Count - 1; i++)
        {
            node = steps[i] is string name ? node[name]! : node[(int)steps[i]]!;
        }

        return (node, steps[^1]);
    }

    private static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);
}

/// <summary>One generated input and the error it must produce.</summary>
/// <param name="Name">What was done to which fixture.</param>
/// <param name="Bytes">Builds the input.</param>
/// <param name="Code">The code required, or null when any code at <paramref name="Path"/> will do.</param>
/// <param name="Path">The path an error must start with.</param>
public sealed record FuzzCase(string Name, Func<byte[]> Bytes, string? Code, string Path)
{
    public override string ToString() => Name;
}
