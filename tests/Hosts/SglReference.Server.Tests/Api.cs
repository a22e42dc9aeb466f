using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SglReference.Testing;

namespace SglReference.Server.Tests;

/// <summary>Talks to a running service over HTTP, as a lab's SGL would.</summary>
internal static class Api
{
    public static HttpClient Client(ServerProcess server, string? key = TestConfig.Key)
    {
        var client = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("X-API-Key", key);
        }

        return client;
    }

    /// <summary>A fixture as JSON bytes with another report id (and revision 2, corrected, when asked).</summary>
    public static byte[] Report(string fixture, string reportId, int revision = 1)
    {
        var node = JsonNode.Parse(File.ReadAllText(Repo.Fixture(fixture)))!.AsObject();
        node["reportId"] = reportId;
        node["revision"] = revision;
        if (revision > 1)
        {
            node["status"] = "corrected";
            node["correctionReason"] = "Résultat corrigé après contrôle.";
        }
        else
        {
            node["status"] = "complete";
            node.Remove("correctionReason");
        }

        return Encoding.UTF8.GetBytes(node.ToJsonString());
    }

    public static async Task<(HttpStatusCode Status, JsonElement Body, HttpResponseMessage Response)> PostAsync(HttpClient client, byte[] body, string contentType = "application/json")
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        var response = await client.PostAsync(new Uri("api/v1/reports", UriKind.Relative), content);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone(), response);
    }

    public static async Task<JsonElement?> GetReportAsync(HttpClient client, string reportId)
    {
        using var response = await client.GetAsync(new Uri("api/v1/reports/" + Uri.EscapeDataString(reportId), UriKind.Relative));
        return response.StatusCode == HttpStatusCode.OK ? JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone() : null;
    }

    public static async Task<JsonElement> HealthAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("health/ready", UriKind.Relative));
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    /// <summary>Waits until no render job is left and every message is sent (or, with <paramref name="allowDead"/>, dead).</summary>
    public static async Task WaitSettledAsync(HttpClient client, TimeSpan timeout, bool allowDead = false)
    {
        var deadline = DateTime.UtcNow + timeout;
        JsonElement health = default;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                health = await HealthAsync(client);
                var open = health.GetProperty("deliveries").EnumerateArray()
                    .Where(t => t.GetProperty("status").GetString() is not ("sent" or "dead") || (!allowDead && t.GetProperty("status").GetString() == "dead"))
                    .Sum(t => t.GetProperty("count").GetInt32());
                if (health.GetProperty("backlog").GetInt32() == 0 && open == 0 && health.GetProperty("deliveries").GetArrayLength() > 0)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(250);
        }

        throw new TimeoutException("the service did not settle: " + health);
    }

    public static string S(int value) => value.ToString(CultureInfo.InvariantCulture);
}
