using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;

namespace ChatTranscripts.LocalHost.Azurite;

/// <summary>
/// A running Azurite (blob, queue and table on 127.0.0.1), started with Node.js from the pinned installation.
/// It never outlives its owner, and never loses what it acknowledged: Azurite keeps its data in memory and saves it
/// every 5 seconds, so it is always stopped through its own shutdown, which saves first. Disposing asks it to stop
/// (SIGTERM) and kills it after a short grace period, since Azurite waits for open connections to close; process exit
/// asks it to stop too; and a watchdog loaded into Node stops it the same way when its owner is gone, even after a
/// crash or SIGKILL. A data folder remembers the Azurite using it, so a new one waits until the last has saved.
/// </summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    /// <summary>Azurite's well-known development account key: public by design, not a secret.</summary>
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    public const string AccountName = "devstoreaccount1";

    /// <summary>Tells the watchdog whose death should end Azurite.</summary>
    private const string ParentVariable = "CHATTRANSCRIPTS_AZURITE_PARENT_PID";

    private const int SigTerm = 15;

    /// <summary>In the data folder: the process ids of the Azurite using it and of its owner.</summary>
    private const string ProcessIdFile = "chattranscripts-azurite.pid";

    private const string Watchdog = """
        // Stops Azurite once the .NET process that owns it is gone, however it ended, through Azurite's own shutdown:
        // it saves its data on the way (a plain exit loses the writes of the last few seconds). Then exits as soon as
        // its three services report closed, rather than waiting for clients' open connections, or after a minute.
        const owner = Number(process.env.CHATTRANSCRIPTS_AZURITE_PARENT_PID);
        // Whoever read the output may be gone: a write to a closed pipe must not crash Azurite before it has saved.
        process.stdout.on('error', () => {});
        process.stderr.on('error', () => {});
        let stopping = false;
        // Kept, and registered before Azurite's own once-handlers: a second signal must not kill Azurite mid-save.
        process.on('SIGTERM', () => { stopping = true; });
        process.on('SIGINT', () => { stopping = true; });
        let closed = 0;
        const log = console.log.bind(console);
        console.log = (...args) => {
          log(...args);
          if (stopping && / service successfully closed$/.test(String(args[0])) && ++closed === 3) { process.exit(0); }
        };
        if (owner > 0) {
          // A child notices its parent's death by being adopted, which survives the reuse of the parent's id.
          const child = process.ppid === owner;
          let exitScheduled = false;
          setInterval(() => {
            let alive = !child || process.ppid === owner;
            if (alive) {
              try { process.kill(owner, 0); } catch { alive = false; }
            }
            if (!alive && !exitScheduled) {
              exitScheduled = true;
              setTimeout(() => process.exit(0), 60000).unref();
              if (!stopping) { process.kill(process.pid, 'SIGTERM'); }
            }
          }, 1000).unref();
        }

        """;

    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(2);

    /// <summary>
    /// setsid(1) from util-linux. Started from .NET, Node is never a process group leader, so setsid starts no new
    /// process: it makes the session and runs Node in its place, and the process started is Azurite itself.
    /// </summary>
    private static readonly string[] SessionLaunchers = ["/usr/bin/setsid", "/bin/setsid"];

    /// <summary>How long a new Azurite waits for the last one on its data folder to save and exit before stopping it.</summary>
    private static readonly TimeSpan EarlierRunExit = TimeSpan.FromSeconds(60);
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
            File.WriteAllText(processIdFile, string.Create(CultureInfo.InvariantCulture, $"{process.Id} {options.OwnerProcessId ?? Environment.ProcessId}"));
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
        var watchdog = await EnsureWatchdogAsync(home, cancellationToken);
        var workingDirectory = options.InMemory ? Path.GetTempPath() : DataFolder(options);
        if (!options.InMemory)
        {
            await WaitForEarlierRunAsync(workingDirectory, logger, cancellationToken);
        }
        // In a session of its own (setsid(1), where there is one), so a signal to the host's whole process group, such as
        // a harness killing `dotnet run` with everything it started, reaches Azurite only through its watchdog.
        var launcher = SessionLaunchers.FirstOrDefault(File.Exists);
        var start = new ProcessStartInfo(launcher ?? "node")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { [ParentVariable] = (options.OwnerProcessId ?? Environment.ProcessId).ToString(CultureInfo.InvariantCulture) },
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

        var azurite = new AzuriteProcess(process, output, options, options.InMemory ? null : Path.Combine(workingDirectory, ProcessIdFile));
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
            ForgetProcessId(_processIdFile, _process.Id);
        }
        finally
        {
            _process.Dispose();
        }
    }

    /// <summary>
    /// Waits while an Azurite started on <paramref name="dataFolder"/> by an earlier run whose owner is gone is still
    /// saving, as one whose owner was killed is for a moment; one that will not exit within a minute is killed. An
    /// Azurite whose owner still runs is left alone: it is in use, and its ports tell the caller so.
    /// </summary>
    public static async Task WaitForEarlierRunAsync(string dataFolder, ILogger? logger, CancellationToken cancellationToken)
    {
        var file = Path.Combine(dataFolder, ProcessIdFile);
        if (!File.Exists(file))
        {
            return;
        }
        var ids = (await File.ReadAllTextAsync(file, cancellationToken)).Split(' ');
        if (ids.Length != 2
            || !int.TryParse(ids[0], NumberStyles.None, CultureInfo.InvariantCulture, out var earlier)
            || !int.TryParse(ids[1], NumberStyles.None, CultureInfo.InvariantCulture, out var owner)
            || IsRunning(owner))
        {
            return;
        }
        var deadline = DateTime.UtcNow + EarlierRunExit;
        if (IsRunning(earlier, "node"))
        {
            logger?.LogInformation("Waiting for the Azurite of an earlier run (process {ProcessId}) to save its data and exit", earlier);
        }
        while (IsRunning(earlier, "node"))
        {
            if (DateTime.UtcNow > deadline)
            {
                logger?.LogWarning("The Azurite of an earlier run (process {ProcessId}) did not exit within {Timeout}; stopping it", earlier, EarlierRunExit);
                using var stuck = Process.GetProcessById(earlier);
                stuck.Kill();
                deadline = DateTime.MaxValue;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }
        ForgetProcessId(file, earlier);
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

    /// <summary>SIGTERM: Azurite saves its data and closes; the watchdog makes it exit once closed.</summary>
    private void RequestStop()
    {
        if (!OperatingSystem.IsWindows() && !_process.HasExited)
        {
            _ = SendSignal(_process.Id, SigTerm);
        }
    }

    /// <summary>
    /// A live process with this id (and this name, when given). On Linux, /proc also tells a zombie (exited, not yet
    /// reaped by whoever adopted it) from a live process.
    /// </summary>
    private static bool IsRunning(int processId, string? name = null)
    {
        if (Directory.Exists("/proc/self"))
        {
            try
            {
                var stat = File.ReadAllText($"/proc/{processId.ToString(CultureInfo.InvariantCulture)}/stat");
                var command = stat[(stat.IndexOf('(', StringComparison.Ordinal) + 1)..stat.LastIndexOf(')')];
                var state = stat[stat.LastIndexOf(')') + 2];
                return (name is null || command == name) && state is not ('Z' or 'X');
            }
            catch (IOException)
            {
                return false;
            }
        }
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited && (name is null || process.ProcessName == name);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static void ForgetProcessId(string? file, int processId)
    {
        if (file is not null && File.Exists(file) && File.ReadAllText(file).Split(' ')[0] == processId.ToString(CultureInfo.InvariantCulture))
        {
            File.Delete(file);
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
