using System.Globalization;
using System.Net;
using System.Text;

namespace SglReference.Server.Page;

/// <summary>A small HTML writer: every text goes through <see cref="Text"/> (encoded), the page frame is shared.</summary>
internal sealed class Html
{
    private readonly StringBuilder _builder = new(8 * 1024);

    public Html Raw(string markup)
    {
        _builder.Append(markup);
        return this;
    }

    public Html Text(string? text)
    {
        _builder.Append(WebUtility.HtmlEncode(text ?? string.Empty));
        return this;
    }

    public static string Encode(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

    public static string Attribute(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

    public static string When(DateTimeOffset? time) => time is { } t ? t.ToOffset(TimeSpan.Zero).ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture) : "—";

    public static string Page(string title, string body) => $$"""
        <!DOCTYPE html>
        <html lang="fr">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{Encode(title)}} — SglReference</title>
        <style>
        body { font-family: "DejaVu Sans", system-ui, sans-serif; margin: 0; color: #1d2433; background: #f5f7fa; }
        header { background: #16325c; color: #fff; padding: .8rem 1.5rem; display: flex; justify-content: space-between; align-items: baseline; }
        header a { color: #fff; text-decoration: none; font-weight: bold; }
        main { padding: 1rem 1.5rem; }
        h1 { font-size: 1.3rem; } h2 { font-size: 1.1rem; margin-top: 1.6rem; }
        table { border-collapse: collapse; width: 100%; background: #fff; font-size: .9rem; }
        th, td { border: 1px solid #d5dbe5; padding: .35rem .5rem; text-align: left; vertical-align: top; }
        th { background: #e8edf5; }
        .status { display: inline-block; padding: .05rem .45rem; border-radius: .6rem; font-size: .8rem; margin: .05rem; }
        .sent, .rendered, .ok { background: #d7f0dd; } .pending, .accepted, .withdrawing { background: #e4e8f0; }
        .failed, .expiring { background: #fde9c9; } .dead, .expired, .withdrawn { background: #f8d3d3; }
        .banner { background: #fde9c9; border: 1px solid #e0a840; padding: .6rem 1rem; margin-bottom: 1rem; }
        .banner.expired { background: #f8d3d3; border-color: #c44; }
        iframe { width: 100%; height: 38rem; border: 1px solid #d5dbe5; background: #fff; }
        button { cursor: pointer; }
        .muted { color: #5b6475; font-size: .85rem; }
        </style>
        </head>
        <body>
        <header><a href="/">SglReference — comptes rendus de biologie</a><span class="muted" style="color:#c9d4e8">{{Encode(title)}}</span></header>
        <main>
        {{body}}
        </main>
        </body>
        </html>
        """;

    public override string ToString() => _builder.ToString();
}
