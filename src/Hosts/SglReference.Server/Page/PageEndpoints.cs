using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SglReference.Delivery;

namespace SglReference.Server.Page;

/// <summary>
/// The lab's web page, server-rendered, in French: the reports with their status per channel, a report's documents
/// (its PDF shown), deliveries and audit trail, the dead letters with a retry button, the certificates. Reading it
/// takes the API key once (a signed session cookie, SameSite=Strict, so that the retry form cannot be posted from
/// another site). The list shows report ids and statuses only; patient data appears only in a report's documents.
/// </summary>
internal static class PageEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/", HomeAsync).ExcludeFromDescription();
        app.MapGet("/connexion", (HttpContext http) => Login(http, null)).ExcludeFromDescription();
        app.MapPost("/connexion", LoginAsync).ExcludeFromDescription().DisableAntiforgery();
        app.MapGet("/rapports/{reportId}", ReportAsync).ExcludeFromDescription();
        app.MapPost("/lettres-mortes/{deliveryId:long}/relancer", RetryAsync).ExcludeFromDescription().DisableAntiforgery();
    }

    private static IResult Login(HttpContext http, string? error)
    {
        var body = $"""
            <h1>Connexion</h1>
            <p>Saisissez une clé d'API du service pour consulter les comptes rendus.</p>
            {(error is null ? string.Empty : $"<p class=\"banner expired\" role=\"alert\">{Html.Encode(error)}</p>")}
            <form method="post" action="/connexion">
            <label for="cle">Clé d'API</label>
            <input id="cle" name="cle" type="password" autocomplete="off" required>
            <button type="submit">Se connecter</button>
            </form>
            """;
        return Results.Content(Html.Page("Connexion", body), "text/html; charset=utf-8", statusCode: error is null ? 200 : 401);
    }

    private static async Task<IResult> LoginAsync(HttpContext http, Callers callers)
    {
        var form = await http.Request.ReadFormAsync(http.RequestAborted).ConfigureAwait(false);
        if (callers.FindKey(form["cle"].ToString()) is not { } key)
        {
            return Login(http, "Clé d'API inconnue.");
        }

        http.Response.Cookies.Append(Callers.Cookie, callers.Session(key), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = http.Request.IsHttps,
            Path = "/",
            MaxAge = TimeSpan.FromHours(12),
        });
        return Results.Redirect("/");
    }

    private static async Task<IResult> HomeAsync(HttpContext http, ServerRuntime runtime, Callers callers, CertificateMonitor certificates)
    {
        if (callers.Of(http) is not { } caller)
        {
            return Results.Redirect("/connexion");
        }

        var recent = await runtime.Store.RecentAsync(100, http.RequestAborted).ConfigureAwait(false);
        var dead = await runtime.Store.DeadLettersAsync(100, http.RequestAborted).ConfigureAwait(false);
        var html = new Html();
        html.Raw(CertificateBanner(certificates.Warnings));
        html.Raw("<h1>Comptes rendus</h1>");
        html.Raw($"<p class=\"muted\">Connecté : {Html.Encode(caller.Name)} — instance {Html.Encode(runtime.Instance)} — base {Html.Encode(runtime.Store.Dialect.Name)}</p>");

        html.Raw($"<h2 id=\"lettres-mortes\">Lettres mortes ({dead.Count})</h2>");
        if (dead.Count == 0)
        {
            html.Raw("<p class=\"muted\">Aucun message en lettre morte.</p>");
        }
        else
        {
            html.Raw("<table><thead><tr><th>Compte rendu</th><th>Canal</th><th>Destinataire</th><th>Tentatives</th><th>Dernière erreur</th><th></th></tr></thead><tbody>");
            foreach (var (reportId, d) in dead)
            {
                html.Raw($"<tr data-dead-letter=\"{d.Id}\" data-report=\"{Html.Attribute(reportId)}\"><td><a href=\"/rapports/{Uri.EscapeDataString(reportId)}\">{Html.Encode(reportId)}</a></td>")
                    .Raw($"<td>{Html.Encode(FrenchLabels.Channel(d.Channel))}</td><td>{Html.Encode(FrenchLabels.Recipient(d.Recipient))}</td><td>{d.Attempts}</td><td>{Html.Encode(d.LastError)}</td>")
                    .Raw($"<td><form method=\"post\" action=\"/lettres-mortes/{d.Id}/relancer\"><button type=\"submit\" data-retry=\"{d.Id}\">Relancer</button></form></td></tr>");
            }

            html.Raw("</tbody></table>");
        }

        html.Raw("<h2>Comptes rendus récents</h2>");
        html.Raw("<table><thead><tr><th>Compte rendu</th><th>Révision</th><th>Statut</th><th>Envois par canal</th><th>Mis à jour</th></tr></thead><tbody>");
        foreach (var r in recent)
        {
            html.Raw($"<tr data-report=\"{Html.Attribute(r.ReportId)}\" data-status=\"{Html.Attribute(r.Status)}\"><td><a href=\"/rapports/{Uri.EscapeDataString(r.ReportId)}\">{Html.Encode(r.ReportId)}</a></td>")
                .Raw($"<td>{r.Revision}</td><td><span class=\"status {Html.Attribute(r.Status)}\">{Html.Encode(FrenchLabels.Report(r.Status))}</span></td><td>");
            foreach (var channel in r.Deliveries.GroupBy(t => t.Channel, StringComparer.Ordinal))
            {
                html.Raw($"<div data-channel=\"{Html.Attribute(channel.Key)}\"><strong>{Html.Encode(FrenchLabels.Channel(channel.Key))}</strong> ");
                foreach (var t in channel)
                {
                    html.Raw($"<span class=\"status {Html.Attribute(t.Status)}\" data-delivery-status=\"{Html.Attribute(t.Status)}\">{t.Count} {Html.Encode(FrenchLabels.Delivery(t.Status, t.Count))}</span>");
                }

                html.Raw("</div>");
            }

            html.Raw($"</td><td>{Html.Encode(Html.When(r.UpdatedAt))}</td></tr>");
        }

        html.Raw("</tbody></table>");
        html.Raw(CertificateTable(certificates.Current));
        return Results.Content(Html.Page("Comptes rendus", html.ToString()), "text/html; charset=utf-8");
    }

    private static async Task<IResult> ReportAsync(string reportId, HttpContext http, ServerRuntime runtime, Callers callers, CertificateMonitor certificates)
    {
        if (callers.Of(http) is not { } caller)
        {
            return Results.Redirect("/connexion");
        }

        var view = await runtime.Store.FindAsync(reportId, http.RequestAborted).ConfigureAwait(false);
        if (view is null || (caller.Laboratory is { } lab && !string.Equals(lab, view.Laboratory, StringComparison.Ordinal)))
        {
            return Results.Content(Html.Page("Introuvable", $"<h1>Compte rendu {Html.Encode(reportId)} introuvable</h1><p><a href=\"/\">Retour</a></p>"), "text/html; charset=utf-8", statusCode: 404);
        }

        var audit = await runtime.Store.AuditAsync(reportId, http.RequestAborted).ConfigureAwait(false);
        var html = new Html();
        html.Raw(CertificateBanner(certificates.Warnings));
        html.Raw($"<h1 data-report=\"{Html.Attribute(view.ReportId)}\" data-status=\"{Html.Attribute(view.Status)}\">Compte rendu {Html.Encode(view.ReportId)} — révision {view.Revision} — <span class=\"status {Html.Attribute(view.Status)}\">{Html.Encode(FrenchLabels.Report(view.Status))}</span></h1>");
        if (view.Error is { } error)
        {
            html.Raw($"<p class=\"banner expired\">{Html.Encode(error)}</p>");
        }

        var latest = view.Artifacts.Where(a => a.Revision == view.Revision && a.Channel is null).ToList();
        var pdf = latest.FirstOrDefault(a => a.Kind == "pdf" && a.Audience is "professional" or null) ?? latest.FirstOrDefault(a => a.Kind == "pdf");
        html.Raw("<h2>Documents</h2><ul>");
        foreach (var a in view.Artifacts.Where(a => a.Channel is null))
        {
            html.Raw($"<li><a href=\"{Html.Attribute(ArtifactUrl(view.ReportId, a))}\">{Html.Encode(FrenchLabels.Kind(a.Kind, a.Audience))}</a> ")
                .Raw($"<span class=\"muted\">révision {a.Revision}, version {a.Version}, {a.Size.ToString("N0", CultureInfo.InvariantCulture)} octets, {Html.Encode(a.DocumentId)}</span></li>");
        }

        html.Raw("</ul>");
        if (pdf is not null)
        {
            html.Raw($"<iframe title=\"PDF du compte rendu\" src=\"{Html.Attribute(ArtifactUrl(view.ReportId, pdf))}\"></iframe>");
        }

        html.Raw("<h2>Envois</h2><table><thead><tr><th>Canal</th><th>Destinataire</th><th>Document</th><th>Statut</th><th>Tentatives</th><th>Dernière erreur</th><th>Envoyé le</th><th>Accusé métier</th><th></th></tr></thead><tbody>");
        foreach (var d in view.Deliveries)
        {
            html.Raw($"<tr data-delivery=\"{d.Id}\" data-channel=\"{Html.Attribute(d.Channel)}\" data-delivery-status=\"{Html.Attribute(d.Status)}\">")
                .Raw($"<td>{Html.Encode(FrenchLabels.Channel(d.Channel))}</td><td>{Html.Encode(FrenchLabels.Recipient(d.Recipient))}</td><td>version {d.Version}{(d.Sequence % 2 == 1 ? " (suppression)" : string.Empty)}</td>")
                .Raw($"<td><span class=\"status {Html.Attribute(d.Status)}\">{Html.Encode(FrenchLabels.Delivery(d.Status))}</span></td><td>{d.Attempts}</td><td>{Html.Encode(d.LastError)}</td>")
                .Raw($"<td>{Html.Encode(Html.When(d.SentAt))}</td><td>{Html.Encode(d.Acknowledgement)}</td><td>")
                .Raw(d.Status == "dead" ? $"<form method=\"post\" action=\"/lettres-mortes/{d.Id}/relancer\"><button type=\"submit\" data-retry=\"{d.Id}\">Relancer</button></form>" : string.Empty)
                .Raw("</td></tr>");
        }

        html.Raw("</tbody></table><h2>Journal</h2><table><thead><tr><th>Date</th><th>Révision</th><th>Événement</th><th>Par</th><th>Détail</th></tr></thead><tbody>");
        foreach (var a in audit)
        {
            html.Raw($"<tr data-event=\"{Html.Attribute(a.Event)}\"><td>{Html.Encode(Html.When(a.At))}</td><td>{a.Revision}</td><td>{Html.Encode(FrenchLabels.Event(a.Event))}</td><td>{Html.Encode(a.Actor)}</td><td>{Html.Encode(a.Detail)}</td></tr>");
        }

        html.Raw("</tbody></table>");
        return Results.Content(Html.Page("Compte rendu " + view.ReportId, html.ToString()), "text/html; charset=utf-8");
    }

    private static async Task<IResult> RetryAsync(long deliveryId, HttpContext http, ServerRuntime runtime, Callers callers, TimeProvider time)
    {
        if (callers.Of(http) is not { } caller)
        {
            return Results.Redirect("/connexion");
        }

        await runtime.Store.RetryAsync(deliveryId, caller.Name + " (page)", time.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
        runtime.DeliveryWork.Notify();
        var back = http.Request.Headers.Referer.ToString();
        return Results.Redirect(Uri.TryCreate(back, UriKind.Absolute, out var uri) && uri.Host == http.Request.Host.Host ? uri.PathAndQuery : "/");
    }

    private static string ArtifactUrl(string reportId, ArtifactView a) =>
        string.Create(CultureInfo.InvariantCulture, $"/api/v1/reports/{Uri.EscapeDataString(reportId)}/artifacts/{Uri.EscapeDataString(a.DocumentId ?? "-")}?kind={Uri.EscapeDataString(a.Kind)}&id={a.Id}");

    private static string CertificateBanner(IReadOnlyList<CertificateStatus> warnings)
    {
        if (warnings.Count == 0)
        {
            return string.Empty;
        }

        var lines = string.Join("<br>", warnings.Select(w => w.State switch
        {
            "expired" => $"Le certificat « {Html.Encode(w.Purpose)} » ({Html.Encode(w.Subject)}) a expiré le {w.NotAfter:yyyy-MM-dd}.",
            "unusable" => $"Le certificat « {Html.Encode(w.Purpose)} » ({Html.Encode(w.Subject)}) est inutilisable : {Html.Encode(w.Problem ?? string.Empty)}.",
            _ => $"Le certificat « {Html.Encode(w.Purpose)} » ({Html.Encode(w.Subject)}) expire le {w.NotAfter:yyyy-MM-dd}, dans {w.DaysLeft} jours : renouvelez-le.",
        }));
        var expired = warnings.Any(w => w.State is "expired" or "unusable") ? " expired" : string.Empty;
        return $"<div class=\"banner{expired}\" role=\"alert\" data-certificate-warning=\"{warnings.Count}\">{lines}</div>";
    }

    private static string CertificateTable(IReadOnlyList<CertificateStatus> statuses)
    {
        if (statuses.Count == 0)
        {
            return "<h2>Certificats</h2><p class=\"muted\">Aucun certificat configuré.</p>";
        }

        var rows = string.Concat(statuses.Select(s =>
            $"<tr data-certificate=\"{Html.Attribute(s.Purpose)}\" data-state=\"{Html.Attribute(s.State)}\"><td>{Html.Encode(s.Purpose)}</td><td>{Html.Encode(s.Subject)}</td><td>{s.NotAfter:yyyy-MM-dd}</td><td>{s.DaysLeft}</td><td><span class=\"status {Html.Attribute(s.State)}\">{Html.Encode(FrenchLabels.Certificate(s.State))}</span></td></tr>"));
        return $"<h2>Certificats</h2><table><thead><tr><th>Usage</th><th>Sujet</th><th>Expire le</th><th>Jours restants</th><th>État</th></tr></thead><tbody>{rows}</tbody></table>";
    }
}
