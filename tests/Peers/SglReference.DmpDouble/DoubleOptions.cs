using System.Security.Cryptography.X509Certificates;
using System.Xml;

namespace SglReference.DmpDouble;

/// <summary>The double's command line.</summary>
internal sealed class DoubleOptions
{
    public int Port { get; private set; }
    public string? Certificate { get; private set; }
    public string? Key { get; private set; }
    public X509Certificate2Collection Authorities { get; } = [];
    public HashSet<string> Structures { get; } = new(StringComparer.Ordinal);
    public string? Out { get; private set; }
    public List<string> CipherSuites { get; } = [];
    public Dictionary<string, HashSet<string>> ValueSets { get; } = new(StringComparer.Ordinal);

    public static DoubleOptions Parse(string[] args)
    {
        var o = new DoubleOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException("missing value after " + args[i]);
            switch (args[i])
            {
                case "--port": o.Port = int.Parse(Next(), System.Globalization.CultureInfo.InvariantCulture); break;
                case "--cert": o.Certificate = Next(); break;
                case "--key": o.Key = Next(); break;
                case "--ca": o.Authorities.ImportFromPemFile(Next()); break;
                case "--structure": o.Structures.Add(Next()); break;
                case "--out": o.Out = Next(); break;
                case "--cipher": o.CipherSuites.Add(Next()); break;
                case "--value-set":
                    var file = Next();
                    var doc = new XmlDocument { XmlResolver = null };
                    doc.Load(file);
                    var codes = doc.GetElementsByTagName("Concept").OfType<XmlElement>().Select(c => c.GetAttribute("code")).ToHashSet(StringComparer.Ordinal);
                    o.ValueSets[Path.GetFileNameWithoutExtension(file).Split('_')[1]] = codes;
                    break;
                default: throw new ArgumentException("unknown argument " + args[i]);
            }
        }

        return o;
    }

    /// <summary>True when the certificate chains to one of the authorities.</summary>
    public bool Trusts(X509Certificate2 certificate)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(Authorities);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate);
    }

    /// <summary>True when <paramref name="code"/> is in the value set JDV_<paramref name="set"/> given, or when that set was not given.</summary>
    public bool InValueSet(string set, string code) => !ValueSets.TryGetValue(set, out var codes) || codes.Contains(code);
}
