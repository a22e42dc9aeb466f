using System.Text;
using Microsoft.Data.Sqlite;
using SglReference.Delivery.Sql;
using SglReference.Delivery.Sqlite;
using SglReference.Domain.Documents;
using SglReference.Testing;

namespace SglReference.Delivery.Tests;

/// <summary>
/// Messages are stored without the files they carry (<see cref="ArtifactComposition"/>) and read back whole: on
/// synthetic messages carrying files in each encoding (written by .NET's own base64, not by the code under test), and
/// on the fixtures' real packages committed to and claimed from a real SQLite store.
/// </summary>
public sealed class ArtifactCompositionTests
{
    [Fact]
    public void Files_carried_as_they_are_in_base64_or_in_base64_lines_are_found_and_put_back()
    {
        var random = new Random(11);
        var xml = Bytes(random, 9_000);
        var pdf = Bytes(random, 54_321);
        var zip = Bytes(random, 4_096);
        var small = Bytes(random, 1_000);
        var message = Concat(
            "Content-Type: text/xml\r\n\r\n"u8.ToArray(), xml, "\r\nOBX|1|ED|^TEXT^XML^Base64^"u8.ToArray(), Ascii(Convert.ToBase64String(pdf)), "|\r\n"u8.ToArray(),
            "Content-Transfer-Encoding: base64\r\n\r\n"u8.ToArray(), Ascii(Convert.ToBase64String(zip, Base64FormattingOptions.InsertLineBreaks) + "\r\n"),
            "--boundary\r\n\r\n"u8.ToArray(), Ascii(Convert.ToBase64String(small)), "tail"u8.ToArray());
        ReadOnlyMemory<byte>[] sources = [xml, pdf, zip, small];

        var segments = ArtifactComposition.Find(message, sources);

        Assert.NotNull(segments);
        var taken = segments.Where(s => s.Encoding != 'L').Select(s => (s.Encoding, s.Source)).ToList();
        Assert.Equal([('r', 0), ('b', 1), ('m', 2)], taken); // the 1,000-byte file stays in the message
        var literal = ArtifactComposition.Literal(message, segments);
        Assert.Equal(message.Length - xml.Length - (4 * ((pdf.Length + 2) / 3)) - Convert.ToBase64String(zip, Base64FormattingOptions.InsertLineBreaks).Length - 2, literal.Length);
        var recipe = ArtifactComposition.Recipe(segments, [100, 101, 102, 103]);
        Assert.Equal([100L, 101L, 102L], ArtifactComposition.Sources(recipe));
        Assert.Equal(message, ArtifactComposition.Expand(literal, recipe, message.Length, Sources(sources, 100)));
    }

    [Fact]
    public void A_changed_copy_or_a_message_without_files_stays_literal()
    {
        var random = new Random(12);
        var pdf = Bytes(random, 20_000);
        var changed = (byte[])pdf.Clone();
        changed[15_000] ^= 0x20;
        var base64 = Ascii(Convert.ToBase64String(changed));
        var message = Concat("x"u8.ToArray(), changed, base64, "y"u8.ToArray());

        Assert.Null(ArtifactComposition.Find(message, [pdf]));
        Assert.Null(ArtifactComposition.Find("no file here"u8, [pdf]));

        // Looked for where a line or an HL7 component begins only: elsewhere, a copy stays in the message.
        Assert.Null(ArtifactComposition.Find(Concat("|"u8.ToArray(), pdf, "|"u8.ToArray()), [pdf]));
        Assert.NotNull(ArtifactComposition.Find(Concat("\n"u8.ToArray(), pdf, "|"u8.ToArray()), [pdf]));
    }

    [Fact]
    public void A_recipe_that_does_not_add_up_is_refused()
    {
        var random = new Random(13);
        var pdf = Bytes(random, 8_000);
        var message = Concat("head^"u8.ToArray(), Ascii(Convert.ToBase64String(pdf)), "tail"u8.ToArray());
        var segments = ArtifactComposition.Find(message, [pdf])!;
        var literal = ArtifactComposition.Literal(message, segments);
        var recipe = ArtifactComposition.Recipe(segments, [7]);

        Assert.Contains("artifact 7 is missing", Assert.Throws<InvalidDataException>(() => ArtifactComposition.Expand(literal, recipe, message.Length, new Dictionary<long, ReadOnlyMemory<byte>>())).Message);
        Assert.Throws<InvalidDataException>(() => ArtifactComposition.Expand(literal, recipe, message.Length + 1, Sources([pdf], 7)));
        Assert.Throws<InvalidDataException>(() => ArtifactComposition.Expand(literal.AsSpan(1), recipe, message.Length, Sources([pdf], 7)));
        Assert.Throws<InvalidDataException>(() => ArtifactComposition.Expand(literal, "L4,x7", message.Length, Sources([pdf], 7)));
    }

    [Theory]
    [InlineData("biochemistry", false)]
    [InlineData("biochemistry", true)]
    [InlineData("microbiology-urine", true)]
    [InlineData("large-300", false)]
    public async Task A_fixtures_messages_are_stored_without_their_files_and_claimed_whole(string fixture, bool dmp)
    {
        using var temp = Repo.TempDirectory();
        using var certificates = new TestCertificates();
        var package = dmp
            ? RenderCache.Render(Repo.Load(fixture), DmpTestKit.Create(certificates, new Uri("https://dmp.invalid/si-dmp-server/v2/services"), temp.File("kit")).Configuration)
            : RenderCache.Package(fixture);
        using var store = new SqliteDeliveryStore(temp.File("store"));
        await store.InitializeAsync();
        var t0 = StoreFixture.T0;
        var body = Encoding.UTF8.GetBytes("{}");
        await store.AcceptAsync(new ReportSubmission(fixture, 1, "920001234", "json", body, "hash", "test"), t0);
        var job = await store.ClaimJobAsync("worker", t0, t0.AddMinutes(1));
        var artifacts = package.Artifacts.Select(a => new StoredArtifact(a.Kind, a.AudienceName, a.Channel, a.Document?.Id, a.Document?.SetId, a.Document?.Version,
            a.MediaType, a.FileName, a.Content)).ToList();
        var messages = package.Messages.Select((m, i) => new OutboxMessage(m.Channel, m.Kind, m.Destination, m.IdempotencyKey, m.ChainKey, m.Sequence, m.Document.Id,
            m.Document.Version, m.CorrelationId, IndexOf(package.Artifacts, m.Content))).ToList();
        Assert.NotEmpty(messages);
        Assert.True(await store.CommitRenderAsync(new RenderCommit(job!, artifacts, messages, package.Issued, "test"), "worker", t0));

        var claimed = await store.ClaimAsync("sender", ["hl7v2", "mss", "dmp"], 100, t0.AddSeconds(1), t0.AddMinutes(1));
        Assert.Equal(messages.Count, claimed.Count);
        foreach (var m in claimed)
        {
            var original = package.Messages.Single(p => p.IdempotencyKey == m.IdempotencyKey);
            Assert.True(original.Content.Span.SequenceEqual(m.Content.Span), $"{m.Channel} to {m.Destination}: the claimed bytes differ from the rendered ones");
        }

        // The API reads every artifact whole too; the messages' rows hold far fewer bytes than they read.
        var view = await store.FindAsync(fixture);
        Assert.NotNull(view);
        foreach (var a in view.Artifacts)
        {
            var read = await store.ArtifactAsync(fixture, a.Id);
            Assert.True(package.Artifacts.Single(p => p.FileName == a.FileName && p.Kind == a.Kind).Content.Span.SequenceEqual(read!.Value.Content), a.FileName);
        }

        // Each channel's message leaves out its files in the encoding its format carries them in.
        var expected = new Dictionary<string, char>(StringComparer.Ordinal) { ["hl7v2"] = 'b', ["mss"] = 'm', ["dmp"] = 'r' };
        foreach (var channel in package.Messages.Select(m => m.Channel).Distinct())
        {
            var recipes = Recipes(store.DatabasePath, channel);
            Assert.NotEmpty(recipes);
            Assert.All(recipes, r => Assert.Contains(expected[channel] + string.Empty, r.Split(',').Select(p => p[..1])));
        }

        Assert.Equal(dmp, package.Messages.Any(m => m.Channel == "dmp"));
        var (stored, size) = StoredBytes(store.DatabasePath, "channel IS NOT NULL AND composition IS NOT NULL");
        Assert.True(stored * 4 < size, $"the messages keep {stored} of their {size} bytes");
    }

    [Fact]
    public async Task A_store_created_before_compositions_gains_the_column()
    {
        using var temp = Repo.TempDirectory();
        using (var store = new SqliteDeliveryStore(temp.Path))
        {
            await store.InitializeAsync();
        }

        Execute(Path.Combine(temp.Path, "sgl.db"), "ALTER TABLE sgl_artifacts DROP COLUMN composition");
        Assert.Equal(0L, Scalar(Path.Combine(temp.Path, "sgl.db"), "SELECT COUNT(*) FROM pragma_table_info('sgl_artifacts') WHERE name = 'composition'"));
        using (var store = new SqliteDeliveryStore(temp.Path))
        {
            await store.InitializeAsync();
            Assert.Equal(1L, Scalar(store.DatabasePath, "SELECT COUNT(*) FROM pragma_table_info('sgl_artifacts') WHERE name = 'composition'"));
            await store.InitializeAsync(); // and a second start leaves it alone
        }
    }

    private static int IndexOf(IReadOnlyList<Engine.Artifact> artifacts, ReadOnlyMemory<byte> content)
    {
        for (var i = 0; i < artifacts.Count; i++)
        {
            if (artifacts[i].Channel is not null && artifacts[i].Content.Span.SequenceEqual(content.Span))
            {
                return i;
            }
        }

        throw new InvalidOperationException("a message without its artifact");
    }

    private static (long Stored, long Size) StoredBytes(string database, string where)
    {
        using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COALESCE(SUM(length(content)), 0), COALESCE(SUM(size), 0) FROM sgl_artifacts WHERE {where}";
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    private static List<string> Recipes(string database, string channel)
    {
        using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT a.composition FROM sgl_outbox o JOIN sgl_artifacts a ON a.id = o.artifact_id WHERE o.channel = @c";
        command.Parameters.AddWithValue("@c", channel);
        using var reader = command.ExecuteReader();
        var recipes = new List<string>();
        while (reader.Read())
        {
            recipes.Add(reader.IsDBNull(0) ? "(none)" : reader.GetString(0));
        }

        return recipes;
    }

    private static void Execute(string database, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static long Scalar(string database, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    private static Dictionary<long, ReadOnlyMemory<byte>> Sources(ReadOnlyMemory<byte>[] sources, long firstId) =>
        sources.Select((s, i) => (Id: firstId + i, Source: s)).ToDictionary(p => p.Id, p => p.Source);

    private static byte[] Bytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

    private static byte[] Concat(params byte[][] parts) => [.. parts.SelectMany(p => p)];
}
