using System.Text;
using Npgsql;
using SglReference.Delivery.PostgreSql;
using SglReference.Domain.Documents;
using SglReference.Testing;

namespace SglReference.Delivery.Tests;

/// <summary>How a real PostgreSQL server (Debian's, started by the test) keeps what the store writes.</summary>
[Trait("Needs", "server")]
public sealed class PostgreSqlStorageTests
{
    [Fact]
    public async Task Artifacts_are_stored_without_toast_compression()
    {
        using var postgres = PostgresServer.Start();
        using var store = new PostgreSqlDeliveryStore(postgres.ConnectionString);
        await store.InitializeAsync();
        var t0 = new DateTimeOffset(2026, 12, 3, 8, 0, 0, TimeSpan.Zero);
        var body = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"reportId\":\"PG-1\",\"revision\":1}", 1000)));
        await store.AcceptAsync(new ReportSubmission("PG-1", 1, "920001234", "json", body, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(body)), "test"), t0);
        var job = await store.ClaimJobAsync("worker", t0, t0.AddMinutes(1));
        Assert.NotNull(job);
        var identity = new DocumentIdentity("1.2.3.1.PG-1.1", "1.2.3.2.PG-1", 1, null);
        // 100 kB of repetitive XML: pglz would compress it to a few kB under the default column storage.
        var n3 = Encoding.UTF8.GetBytes("<ClinicalDocument>" + string.Concat(Enumerable.Repeat("<observation classCode=\"OBS\"/>", 3500)) + "</ClinicalDocument>");
        var artifacts = new List<StoredArtifact> { new("cda-n3", "professional", null, identity.Id, identity.SetId, 1, "text/xml", "n3.xml", n3) };
        Assert.True(await store.CommitRenderAsync(new RenderCommit(job!, artifacts, [], [new IssuedDocument(DocumentFormat.N3, Audience.Professional, identity, 1)], "test"), "worker", t0));

        await using var connection = new NpgsqlConnection(postgres.ConnectionString);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand("SELECT pg_column_compression(content), octet_length(content), pg_column_size(content) FROM sgl_artifacts", connection);
        await using var reader = await query.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.True(reader.IsDBNull(0), $"the artifact is stored compressed ({(reader.IsDBNull(0) ? null : reader.GetString(0))})");
        Assert.Equal(n3.Length, reader.GetInt32(1));
        Assert.True(reader.GetInt32(2) >= n3.Length, $"{reader.GetInt32(2)} bytes on disk for {n3.Length}");

        // The reports' JSON keeps the default: compressed.
        await reader.CloseAsync();
        await using var revision = new NpgsqlCommand("SELECT pg_column_compression(body) FROM sgl_revisions", connection);
        Assert.Equal("pglz", await revision.ExecuteScalarAsync());
    }
}
