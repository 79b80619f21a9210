using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace ChatTranscripts.LocalHost.Azurite;

/// <summary>
/// A running Azurite (blob, queue and table on 127.0.0.1). Azurite ignores SIGTERM for a long while, so disposing
/// asks it to stop with SIGINT and kills the process tree after a short grace period.
/// </summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    /// <summary>Azurite's well-known development account key: public by design, not a secret.</summary>
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(2);
    private readonly Process _process;
    private readonly StringBuilder _output;

    private AzuriteProcess(Process process, StringBuilder output, AzuriteStartOptions options)
    {
        _process = process;
        _output = output;
        ConnectionString = string.Create(CultureInfo.InvariantCulture,
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};" +
            $"BlobEndpoint=http://127.0.0.1:{options.BlobPort}/devstoreaccount1;" +
            $"QueueEndpoint=http://127.0.0.1:{options.QueuePort}/devstoreaccount1;" +
            $"TableEndpoint=http://127.0.0.1:{options.TablePort}/devstoreaccount1;");
    }

    public string ConnectionString { get; }

    public static async Task<AzuriteProcess> StartAsync(AzuriteStartOptions options, ILogger? logger, CancellationToken cancellationToken)
    {
        var entry = await AzuriteInstallation.EnsureInstalledAsync(logger, cancellationToken);
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(entry);
        foreach (var argument in Arguments(options))
        {
            start.ArgumentList.Add(argument);
        }
        var output = new StringBuilder();
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node. Is Node.js installed?");
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var azurite = new AzuriteProcess(process, output, options);
        try
        {
            await azurite.WaitUntilListeningAsync(options, cancellationToken);
            return azurite;
        }
        catch
        {
            await azurite.DisposeAsync();
            throw;
        }
    }

    /// <summary>True when something accepts connections on any of the ports on 127.0.0.1.</summary>
    public static bool AnyPortInUse(params int[] ports) => ports.Any(IsListening);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            if (!OperatingSystem.IsWindows())
            {
                using var interrupt = Process.Start("kill", ["-INT", _process.Id.ToString(CultureInfo.InvariantCulture)]);
                await interrupt.WaitForExitAsync();
            }
            using var grace = new CancellationTokenSource(StopGrace);
            try
            {
                await _process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
        _process.Dispose();
    }

    private static IEnumerable<string> Arguments(AzuriteStartOptions options)
    {
        string[] common =
        [
            "--blobHost", "127.0.0.1", "--blobPort", options.BlobPort.ToString(CultureInfo.InvariantCulture),
            "--queueHost", "127.0.0.1", "--queuePort", options.QueuePort.ToString(CultureInfo.InvariantCulture),
            "--tableHost", "127.0.0.1", "--tablePort", options.TablePort.ToString(CultureInfo.InvariantCulture),
            "--skipApiVersionCheck", "--loose", "--silent",
        ];
        if (options.InMemory)
        {
            return [.. common, "--inMemoryPersistence"];
        }
        var folder = options.DataFolder ?? Path.Combine(Directory.GetCurrentDirectory(), ".azurite");
        Directory.CreateDirectory(folder);
        return [.. common, "--location", folder];
    }

    private async Task WaitUntilListeningAsync(AzuriteStartOptions options, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + options.StartTimeout;
        int[] ports = [options.BlobPort, options.QueuePort, options.TablePort];
        while (!ports.All(IsListening))
        {
            if (_process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException(
                    $"Azurite did not start listening on ports {string.Join(", ", ports)}: {(_process.HasExited ? "it exited" : "timed out")}. Its output: {Output()}");
            }
            await Task.Delay(100, cancellationToken);
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
