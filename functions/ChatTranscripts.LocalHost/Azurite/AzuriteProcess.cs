using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace ChatTranscripts.LocalHost.Azurite;

/// <summary>
/// A running Azurite (blob, queue and table on 127.0.0.1), started with Node.js from the pinned installation.
/// It never outlives its owner, and never loses what it acknowledged: Azurite keeps its data in memory and saves it
/// every 5 seconds, so it is always stopped through its own shutdown, which saves first. Disposing asks it to stop
/// (SIGTERM) and kills it after a short grace period, since Azurite waits for open connections to close; process exit
/// asks it to stop too; and a watchdog loaded into Node stops it the same way when its owner is gone, even after a
/// crash or SIGKILL (<see cref="AzuriteWatchdog"/>). A data folder remembers the Azurite using it, so a new one waits
/// until the last has saved (<see cref="DataFolderLock"/>).
/// </summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    /// <summary>Azurite's well-known development account key: public by design, not a secret.</summary>
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    public const string AccountName = "devstoreaccount1";


    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(2);

    /// <summary>
    /// setsid(1) from util-linux. Started from .NET, Node is never a process group leader, so setsid starts no new
    /// process: it makes the session and runs Node in its place, and the process started is Azurite itself.
    /// </summary>
    private static readonly string[] SessionLaunchers = ["/usr/bin/setsid", "/bin/setsid"];

    private readonly Process _process;
    private readonly StringBuilder _output;
    private readonly EventHandler _stopOnExit;
    private readonly string? _processIdFile;
    private int _disposed;

    private AzuriteProcess(Process process, StringBuilder output, AzuriteStartOptions options, string? processIdFile)
    {
        _process = process;
        _output = output;
        _processIdFile = processIdFile;
        Options = options;
        if (processIdFile is not null)
        {
            DataFolderLock.Record(processIdFile, process.Id, options.OwnerProcessId ?? Environment.ProcessId);
        }
        ConnectionString = string.Create(CultureInfo.InvariantCulture,
            $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
            $"BlobEndpoint=http://127.0.0.1:{options.BlobPort}/{AccountName};" +
            $"QueueEndpoint=http://127.0.0.1:{options.QueuePort}/{AccountName};" +
            $"TableEndpoint=http://127.0.0.1:{options.TablePort}/{AccountName};");
        _stopOnExit = (_, _) => RequestStop();
        AppDomain.CurrentDomain.ProcessExit += _stopOnExit;
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
        var watchdog = await AzuriteWatchdog.EnsureWrittenAsync(home, cancellationToken);
        var workingDirectory = options.InMemory ? Path.GetTempPath() : DataFolder(options);
        if (!options.InMemory)
        {
            await DataFolderLock.WaitForEarlierRunAsync(workingDirectory, logger, cancellationToken);
        }
        // In a session of its own (setsid(1), where there is one), so a signal to the host's whole process group, such as
        // a harness killing `dotnet run` with everything it started, reaches Azurite only through its watchdog.
        var launcher = SessionLaunchers.FirstOrDefault(File.Exists);
        var start = new ProcessStartInfo(launcher ?? "node")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { [AzuriteWatchdog.OwnerVariable] = (options.OwnerProcessId ?? Environment.ProcessId).ToString(CultureInfo.InvariantCulture) },
        };
        if (launcher is not null)
        {
            start.ArgumentList.Add("node");
        }
        foreach (var argument in (string[])["--require", watchdog, AzuriteInstallation.EntryScript(home), .. Arguments(options)])
        {
            start.ArgumentList.Add(argument);
        }
        var output = new StringBuilder();
        var process = AzuriteInstallation.StartTool(start, "node");
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var azurite = new AzuriteProcess(process, output, options, options.InMemory ? null : DataFolderLock.FileIn(workingDirectory));
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
        AppDomain.CurrentDomain.ProcessExit -= _stopOnExit;
        try
        {
            if (!_process.HasExited && !OperatingSystem.IsWindows())
            {
                RequestStop();
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
            DataFolderLock.Forget(_processIdFile, _process.Id);
        }
        finally
        {
            _process.Dispose();
        }
    }

    private static string DataFolder(AzuriteStartOptions options)
    {
        var folder = Path.GetFullPath(options.DataFolder ?? Path.Combine(Directory.GetCurrentDirectory(), ".azurite"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static IEnumerable<string> Arguments(AzuriteStartOptions options)
    {
        string[] common =
        [
            "--blobHost", "127.0.0.1", "--blobPort", options.BlobPort.ToString(CultureInfo.InvariantCulture),
            "--queueHost", "127.0.0.1", "--queuePort", options.QueuePort.ToString(CultureInfo.InvariantCulture),
            "--tableHost", "127.0.0.1", "--tablePort", options.TablePort.ToString(CultureInfo.InvariantCulture),
            "--skipApiVersionCheck", "--loose", "--silent", "--disableTelemetry",
        ];
        // The folder is Azurite's working directory and named relatively, so its command line never names this project:
        // `pkill -9 -f ChatTranscripts.LocalHost` must kill the host, not the storage, which would lose its unsaved writes.
        return options.InMemory ? [.. common, "--inMemoryPersistence"] : [.. common, "--location", "."];
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

    /// <summary>SIGTERM: Azurite saves its data and closes; the watchdog makes it exit once closed.</summary>
    private void RequestStop()
    {
        if (!OperatingSystem.IsWindows() && !_process.HasExited)
        {
            PosixSignals.Terminate(_process.Id);
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
