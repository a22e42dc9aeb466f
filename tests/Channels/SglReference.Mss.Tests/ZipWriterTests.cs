using System.Globalization;
using System.Text;
using SglReference.Domain.Documents;
using SglReference.Engine;
using SglReference.Mss.Xdm;
using SglReference.Testing;

namespace SglReference.Mss.Tests;

/// <summary>
/// Our ZIP writer read by an independent implementation, Info-ZIP's unzip and zipinfo (Debian package unzip): entry
/// CRCs, methods, sizes, times and bytes.
/// </summary>
[Trait("Needs", "unzip")]
public sealed class ZipWriterTests
{
    private static readonly DateTime Time = new(2026, 12, 3, 7, 42, 17);

    [Fact]
    public void The_next_base64_run_is_the_first_maximal_run_of_the_minimum_length_as_a_character_by_character_scan_finds_it()
    {
        var random = new Random(20261203);
        const string Base64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=";
        const int Minimum = ZipWriter.StoredRunMinimum;
        for (var round = 0; round < 300; round++)
        {
            // Runs of lengths around the minimum, separated by XML-like bytes; some cases start mid-run.
            var content = new List<byte>();
            while (content.Count < 40_000)
            {
                var run = random.Next(4) switch { 0 => random.Next(1, 40), 1 => Minimum - random.Next(0, 3), 2 => Minimum + random.Next(0, 3), _ => random.Next(1, 3 * Minimum) };
                content.AddRange(Enumerable.Range(0, run).Select(_ => (byte)Base64[random.Next(Base64.Length)]));
                content.AddRange(Enumerable.Range(0, random.Next(1, 6)).Select(_ => (byte)"<> \n\"-_."[random.Next(8)]));
            }

            var bytes = content.ToArray();
            var from = random.Next(2) == 0 ? 0 : random.Next(bytes.Length);
            Assert.Equal(ByCharacters(bytes, from), ZipWriter.NextBase64Run(bytes, from));
        }

        static (int Start, int Length) ByCharacters(byte[] bytes, int from)
        {
            var start = from;
            while (start < bytes.Length)
            {
                var end = start;
                while (end < bytes.Length && Base64.Contains((char)bytes[end], StringComparison.Ordinal))
                {
                    end++;
                }

                if (end - start >= Minimum)
                {
                    return (start, end - start);
                }

                start = end + 1;
            }

            return (bytes.Length, 0);
        }
    }

    [Fact]
    public void Info_zip_tests_and_extracts_deflated_stored_and_empty_entries_byte_for_byte()
    {
        var random = new byte[40_000];
        new Random(15).NextBytes(random);
        var text = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("<observation classCode=\"OBS\" moodCode=\"EVN\"/>\r\n", 2000)));
        var entries = new (string Name, byte[] Content)[]
        {
            ("INDEX.HTM", Encoding.UTF8.GetBytes("<html>é</html>")),
            ("IHE_XDM/SUBSET01/DOC0001.XML", text),
            ("IHE_XDM/SUBSET01/RANDOM.BIN", random),
            ("IHE_XDM/SUBSET01/EMPTY.TXT", []),
        };
        using var temp = Repo.TempDirectory();
        var (file, test) = Tested(temp, "test.zip", Zip(entries));
        Assert.Contains("No errors detected", test.StandardOutput, StringComparison.Ordinal);
        foreach (var (name, content) in entries)
        {
            Assert.Equal(content, Extract(file, name));
        }

        // zipinfo -l: permissions, version, system, size, type, compressed size, method, date time, name.
        var listing = Listing(file);
        Assert.Equal(entries.Select(e => e.Name), listing.Select(l => l.Name));
        Assert.Equal("defN", listing[1].Method);
        Assert.True(listing[1].Compressed < text.Length / 10, $"{listing[1].Compressed} bytes for {text.Length} repetitive bytes");
        Assert.Equal("stor", listing[2].Method);
        Assert.Equal(random.Length, listing[2].Compressed);
        Assert.Equal("stor", listing[3].Method);
        Assert.All(listing, l => Assert.Equal("20261203.074216", l.Time)); // 2-second precision
    }

    [Fact]
    public void Info_zip_reads_every_rendered_xdm_archive_and_finds_the_rendered_cda_in_it()
    {
        var checkedArchives = 0;
        using var temp = Repo.TempDirectory();
        foreach (var fixture in Repo.FixtureNames)
        {
            var artifacts = RenderedMss.Artifacts(fixture);
            foreach (var archive in RenderedMss.Archives(artifacts))
            {
                var (file, _) = Tested(temp, $"{fixture}-{archive.Audience}.zip", archive.Content.ToArray());
                var listing = Listing(file);
                Assert.Equal(["INDEX.HTM", "README.TXT", "IHE_XDM/SUBSET01/METADATA.XML", "IHE_XDM/SUBSET01/DOC0001.XML"], listing.Take(4).Select(l => l.Name));
                Assert.All(listing, l => Assert.Equal("defN", l.Method));
                var n3 = artifacts.Single(a => a.Kind == ArtifactKinds.CdaN3 && a.Audience == archive.Audience);
                Assert.Equal(n3.Content.ToArray(), Extract(file, "IHE_XDM/SUBSET01/DOC0001.XML"));
                checkedArchives++;
            }
        }

        // Every fixture but the minor's (hidden from her legal representatives, connexion secrète: the routing matrix mails
        // no one) sends one or two archives.
        Assert.True(checkedArchives >= Repo.FixtureNames.Count, $"{checkedArchives} archives checked");
    }

    [Fact]
    public void Long_base64_runs_go_stored_inside_the_deflated_entry_and_come_back_byte_for_byte()
    {
        // Runs at the start, in the middle (longer than one stored block of 65,535 bytes), at the end, and a short one
        // that stays deflated; the XML around them is deflated. Info-ZIP inflates the one stream.
        string Base64(int bytes, int seed)
        {
            var random = new byte[bytes];
            new Random(seed).NextBytes(random);
            return Convert.ToBase64String(random);
        }

        var xml = string.Concat(Enumerable.Repeat("<observation classCode=\"OBS\" moodCode=\"EVN\"><code code=\"2160-0\"/></observation>\r\n", 300));
        var contents = new[]
        {
            Base64(9_000, 1) + xml,
            xml + "<text mediaType=\"application/pdf\" representation=\"B64\">" + Base64(80_000, 2) + "</text>" + xml + "ABCD" + xml,
            xml + Base64(5_000, 3),
            Base64(ZipWriter.StoredRunMinimum, 4),
        }.Select(Encoding.ASCII.GetBytes).ToArray();
        var zip = Zip(contents.Select((content, i) => ($"DOC{i}.XML", content)));
        using var temp = Repo.TempDirectory();
        var (file, _) = Tested(temp, "runs.zip", zip);
        var listing = Listing(file);
        for (var i = 0; i < contents.Length; i++)
        {
            Assert.Equal(contents[i], Extract(file, $"DOC{i}.XML"));
        }

        // The 80,000-byte payload's base64 (106,668 characters) is in the archive as it is: stored, not deflated.
        var run = Encoding.ASCII.GetBytes(Base64(80_000, 2));
        Assert.True(zip.AsSpan().IndexOf(run.AsSpan(0, 60_000)) >= 0, "the first stored block holds the run's start verbatim");
        Assert.True(zip.AsSpan().IndexOf(run.AsSpan(run.Length - 40_000)) >= 0, "the second stored block holds the run's end verbatim");
        Assert.Equal("defN", listing[1].Method);
        Assert.InRange(listing[1].Compressed, run.Length, run.Length + ((contents[1].Length - run.Length) / 10)); // the XML around it deflated
    }

    [Fact]
    public void Names_outside_ascii_are_refused()
    {
        using var writer = new ZipWriter(256, Time);
        Assert.Throws<ArgumentException>(() => writer.Add("RÉSULTAT.XML", [1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ZipWriter(256, new DateTime(1979, 12, 31)));
    }

    private static byte[] Zip(IEnumerable<(string Name, byte[] Content)> entries)
    {
        using var writer = new ZipWriter(1024, Time);
        foreach (var (name, content) in entries)
        {
            writer.Add(name, content);
        }

        return writer.Finish();
    }

    /// <summary>Writes <paramref name="zip"/> to a file that Info-ZIP's <c>unzip -t</c> then tests (exit code 0 asserted).</summary>
    private static (string File, ExternalProcess.Result Test) Tested(TempDirectory temp, string name, byte[] zip)
    {
        var file = temp.File(name);
        File.WriteAllBytes(file, zip);
        var test = ExternalProcess.Run("unzip", ["-t", file]);
        Assert.True(test.ExitCode == 0, $"{name}: {test.All}");
        return (file, test);
    }

    private static byte[] Extract(string path, string name)
    {
        var (exitCode, bytes, error) = ExternalProcess.RunBinary("unzip", ["-p", path, name]);
        Assert.True(exitCode == 0, error);
        return bytes;
    }

    private static List<(string Name, string Method, long Compressed, string Time)> Listing(string path)
    {
        var result = ExternalProcess.Run("zipinfo", ["-l", "-T", path]);
        Assert.True(result.ExitCode == 0, result.All);
        // e.g. "-rw----     2.0 fat    14000 b-     1234 defN 20261203.074216 IHE_XDM/SUBSET01/DOC0001.XML"
        return result.StandardOutput.Split('\n')
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(f => f.Length == 9 && f[2] == "fat")
            .Select(f => (f[8], f[6], long.Parse(f[5], CultureInfo.InvariantCulture), f[7]))
            .ToList();
    }
}
