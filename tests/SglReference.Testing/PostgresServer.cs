using System.Globalization;

namespace SglReference.Testing;

/// <summary>
/// A real PostgreSQL server from Debian's postgresql package, made by the test in a temporary directory (initdb) and
/// started on a free loopback port (pg_ctl); as root, the server runs as the postgres user. Stopped and removed on dispose.
/// </summary>
public sealed class PostgresServer : IDisposable
{
    private readonly string _directory;
    private readonly string _bin;
    private readonly bool _asPostgres;

    private PostgresServer(string directory, string bin, int port, bool asPostgres)
    {
        _directory = directory;
        _bin = bin;
        Port = port;
        _asPostgres = asPostgres;
    }

    public int Port { get; }

    public string ConnectionString => string.Create(CultureInfo.InvariantCulture, $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=20;Timeout=30");

    /// <summary>The directory of initdb and pg_ctl, or null when PostgreSQL is not installed.</summary>
    public static string? BinDirectory =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb"))).Order(StringComparer.Ordinal).LastOrDefault()
            : null;

    public static PostgresServer Start()
    {
        var bin = BinDirectory ?? throw new InvalidOperationException("PostgreSQL is not installed (Debian package postgresql; ./test installs it)");
        var directory = Path.Combine(Path.GetTempPath(), "sgl-pg-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var asPostgres = Environment.UserName == "root";
        if (asPostgres)
        {
            Run("chown", ["postgres:postgres", directory], false);
        }

        var port = Network.FreePort();
        var server = new PostgresServer(directory, bin, port, asPostgres);
        server.Pg("initdb", ["-D", Path.Combine(directory, "data"), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"]);
        server.Pg("pg_ctl", ["-D", Path.Combine(directory, "data"), "-l", Path.Combine(directory, "log"), "-w", "-t", "60",
            "-o", $"-p {port} -k {directory} -c listen_addresses=127.0.0.1 -c fsync=on -c max_connections=100", "start"]);
        return server;
    }

    private void Pg(string tool, IReadOnlyList<string> arguments)
    {
        var path = Path.Combine(_bin, tool);
        if (_asPostgres)
        {
            Run("runuser", ["-u", "postgres", "--", path, .. arguments], true);
        }
        else
        {
            Run(path, arguments, true);
        }
    }

    private static void Run(string program, IReadOnlyList<string> arguments, bool check)
    {
        var result = ExternalProcess.Run(program, arguments, Path.GetTempPath(), TimeSpan.FromMinutes(2));
        if (check && result.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({result.ExitCode}): {result.All}");
        }
    }

    public void Dispose()
    {
        try
        {
            Pg("pg_ctl", ["-D", Path.Combine(_directory, "data"), "-m", "immediate", "-w", "stop"]);
        }
        catch (InvalidOperationException)
        {
        }

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
