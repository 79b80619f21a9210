using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;

namespace ChatTranscripts.LocalHost.Azurite;

/// <summary>
/// A running Azurite (blob, queue and table on 127.0.0.1), started with Node.js from the pinned installation.
/// It never outlives its owner: disposing asks it to stop (SIGTERM) and kills it after a short grace period, since
/// Azurite waits for open connections to close; process exit kills it too; and a watchdog loaded into Node ends
/// it when this process is gone, even after a crash or SIGKILL.
/// </summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    /// <summary>Azurite's well-known development account key: public by design, not a secret.</summary>
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    public const string AccountName = "devstoreaccount1";

    /// <summary>Tells the watchdog whose death should end Azurite.</summary>
    private const string ParentVariable = "CHATTRANSCRIPTS_AZURITE_PARENT_PID";

    private const int SigTerm = 15;

    private const string Watchdog = """
        // Ends Azurite once the .NET process that started it is gone, however it ended.
        const parent = Number(process.env.CHATTRANSCRIPTS_AZURITE_PARENT_PID);
        if (parent > 0) {
          setInterval(() => {
            let alive = process.ppid === parent;
            if (alive) {
              try { process.kill(parent, 0); } catch { alive = false; }
            }
            if (!alive) { process.exit(0); }
          }, 1000).unref();
        }

        """;

    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(2);
    private readonly Process _process;
    private readonly StringBuilder _output;
    private readonly EventHandler _killOnExit;
    private int _disposed;

    private AzuriteProcess(Process process, StringBuilder output, AzuriteStartOptions options)
    {
        _process = process;
        _output = output;
        Options = options;
        ConnectionString = string.Create(CultureInfo.InvariantCulture,
            $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
            $"BlobEndpoint=http://127.0.0.1:{options.BlobPort}/{AccountName};" +
            $"QueueEndpoint=http://127.0.0.1:{options.QueuePort}/{AccountName};" +
            $"TableEndpoint=http://127.0.0.1:{options.TablePort}/{AccountName};");
        _killOnExit = (_, _) => KillNow();
        AppDomain.CurrentDomain.ProcessExit += _killOnExit;
    }

    /// <summary>A connection string for the three services on their ports, with the well-known development account.</summary>
    public string ConnectionString { get; }

    public AzuriteStartOptions Options { get; }

    /// <summary>The Node.js process, for diagnostics.</summary>
    public int ProcessId => _process.Id;

    /// <summary>Installs Azurite on first use, starts it and returns once all three ports accept connections.</summary>
    public static async Task<AzuriteProcess> StartAsync(AzuriteStartOptions options, ILogger? logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var home = await AzuriteInstallation.EnsureInstalledAsync(logger, cancellationToken);
        var watchdog = await EnsureWatchdogAsync(home, cancellationToken);
        var workingDirectory = options.InMemory ? Path.GetTempPath() : DataFolder(options);
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { [ParentVariable] = Environment.ProcessId.ToString(CultureInfo.InvariantCulture) },
        };
        foreach (var argument in (string[])["--require", watchdog, AzuriteInstallation.EntryScript(home), .. Arguments(options, workingDirectory)])
        {
            start.ArgumentList.Add(argument);
        }
        var output = new StringBuilder();
        var process = AzuriteInstallation.StartTool(start, "node");
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var azurite = new AzuriteProcess(process, output, options);
        try
        {
            await azurite.WaitUntilListeningAsync(cancellationToken);
            logger?.LogDebug("Azurite (process {ProcessId}) listens on ports {BlobPort}, {QueuePort} and {TablePort}", process.Id, options.BlobPort, options.QueuePort, options.TablePort);
            return azurite;
        }
        catch
        {
            await azurite.DisposeAsync();
            throw;
        }
    }

    /// <summary>True when something accepts connections on any of the ports on 127.0.0.1.</summary>
    public static bool AnyPortInUse(params int[] ports)
    {
        ArgumentNullException.ThrowIfNull(ports);
        return ports.Any(IsListening);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }
        AppDomain.CurrentDomain.ProcessExit -= _killOnExit;
        try
        {
            if (!_process.HasExited && !OperatingSystem.IsWindows())
            {
                _ = SendSignal(_process.Id, SigTerm);
                using var grace = new CancellationTokenSource(StopGrace);
                try
                {
                    await _process.WaitForExitAsync(grace.Token);
                }
                catch (OperationCanceledException)
                {
                    // Still closing its connections: the kill below ends it.
                }
            }
            KillNow();
            await _process.WaitForExitAsync();
        }
        finally
        {
            _process.Dispose();
        }
    }

    /// <summary>POSIX kill(2): .NET can only send SIGKILL, which gives Azurite no chance to close its servers.</summary>
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int SendSignal(int processId, int signal);

    private static string DataFolder(AzuriteStartOptions options)
    {
        var folder = Path.GetFullPath(options.DataFolder ?? Path.Combine(Directory.GetCurrentDirectory(), ".azurite"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static IEnumerable<string> Arguments(AzuriteStartOptions options, string dataFolder)
    {
        string[] common =
        [
            "--blobHost", "127.0.0.1", "--blobPort", options.BlobPort.ToString(CultureInfo.InvariantCulture),
            "--queueHost", "127.0.0.1", "--queuePort", options.QueuePort.ToString(CultureInfo.InvariantCulture),
            "--tableHost", "127.0.0.1", "--tablePort", options.TablePort.ToString(CultureInfo.InvariantCulture),
            "--skipApiVersionCheck", "--loose", "--silent", "--disableTelemetry",
        ];
        return options.InMemory ? [.. common, "--inMemoryPersistence"] : [.. common, "--location", dataFolder];
    }

    /// <summary>Writes the watchdog next to the installation (atomically, since parallel starts may race) and returns its path.</summary>
    private static async Task<string> EnsureWatchdogAsync(string home, CancellationToken cancellationToken)
    {
        var path = Path.Combine(home, "parent-watchdog.cjs");
        if (File.Exists(path) && string.Equals(await File.ReadAllTextAsync(path, cancellationToken), Watchdog, StringComparison.Ordinal))
        {
            return path;
        }
        var staging = $"{path}.{Guid.NewGuid():N}";
        await File.WriteAllTextAsync(staging, Watchdog, cancellationToken);
        File.Move(staging, path, overwrite: true);
        return path;
    }

    private async Task WaitUntilListeningAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + Options.StartTimeout;
        int[] ports = [Options.BlobPort, Options.QueuePort, Options.TablePort];
        while (!ports.All(IsListening))
        {
            if (_process.HasExited || DateTime.UtcNow > deadline)
            {
                var what = _process.HasExited ? $"it exited with code {_process.ExitCode}" : $"it did not within {Options.StartTimeout}";
                throw new InvalidOperationException(
                    $"Azurite did not start listening on 127.0.0.1 ports {string.Join(", ", ports)}: {what}. Its output:{Environment.NewLine}{Output()}");
            }
            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }
    }

    private void KillNow()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // It exited between the check and the kill.
        }
    }

    private string Output()
    {
        lock (_output)
        {
            return _output.ToString();
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static bool IsListening(int port)
    {
        try
        {
            using var client = new TcpClient();
            return client.ConnectAsync("127.0.0.1", port).Wait(TimeSpan.FromMilliseconds(250)) && client.Connected;
        }
        catch (AggregateException)
        {
            return false;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
