using System.Diagnostics;
using System.Text.Json;

namespace ChatTranscripts.FunctionsHost.Host;

/// <summary>
/// Starts the worker as the Functions host does: the command from the app's <c>worker.config.json</c>, the host's
/// gRPC address and ids as arguments, the app settings and the host's own variables in the environment.
/// </summary>
internal sealed class WorkerProcess : IAsyncDisposable
{
    private const int RecentLines = 40;
    private readonly Process _process;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _recent = new();
    private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private WorkerProcess(Process process)
    {
        _process = process;
        _process.EnableRaisingEvents = true;
        _process.Exited += (_, _) => _exited.TrySetResult(_process.ExitCode);
    }

    /// <summary>Completes with the exit code when the worker process ends, for whatever reason.</summary>
    public Task<int> Exited => _exited.Task;

    public int Id => _process.Id;

    /// <summary>The worker's last lines of output, for the message when it fails to start.</summary>
    public string RecentOutput => string.Join("\n", _recent);

    public static WorkerProcess Start(
        string appDirectory, Uri grpcUri, string workerId, string requestId,
        IReadOnlyDictionary<string, string> settings, Action<string> output)
    {
        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(appDirectory, "worker.config.json")));
        var description = config.RootElement.GetProperty("description");
        var executable = description.GetProperty("defaultExecutablePath").GetString()!.Replace("{WorkerRoot}", appDirectory, StringComparison.Ordinal);
        var workerPath = description.TryGetProperty("defaultWorkerPath", out var path) ? path.GetString() : null;

        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = appDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (!string.IsNullOrEmpty(workerPath))
        {
            start.ArgumentList.Add(Path.Combine(appDirectory, workerPath));
        }
        // The host passes both spellings: the older ones for workers that read them, the functions-* ones that the
        // isolated worker reads today.
        string maxMessageLength = int.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var argument in new[]
        {
            "--host", grpcUri.Host, "--port", grpcUri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--workerId", workerId, "--requestId", requestId, "--grpcMaxMessageLength", maxMessageLength,
            "--functions-uri", grpcUri.ToString(), "--functions-worker-id", workerId,
            "--functions-request-id", requestId, "--functions-grpc-max-message-length", maxMessageLength,
        })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
        start.Environment["FUNCTIONS_WORKER_RUNTIME"] = "dotnet-isolated";
        start.Environment["AzureWebJobsScriptRoot"] = appDirectory;
        start.Environment["FUNCTIONS_APPLICATION_DIRECTORY"] = appDirectory;
        start.Environment["FUNCTIONS_WORKER_DIRECTORY"] = appDirectory;
        start.Environment["AZURE_FUNCTIONS_ENVIRONMENT"] = "Development";

        var process = Process.Start(start) ?? throw new InvalidOperationException($"{executable} did not start.");
        var worker = new WorkerProcess(process);
        process.OutputDataReceived += (_, line) => worker.Received("worker stdout: ", line.Data, output);
        process.ErrorDataReceived += (_, line) => worker.Received("worker stderr: ", line.Data, output);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return worker;
    }

    private void Received(string stream, string? line, Action<string> output)
    {
        if (line is null)
        {
            return;
        }
        _recent.Enqueue(line);
        while (_recent.Count > RecentLines && _recent.TryDequeue(out _))
        {
        }
        output(stream + line);
    }

    /// <summary>SIGSTOP: the worker stops where it is, mid-request, until <see cref="Resume"/> or a kill.</summary>
    public void Suspend() => _ = SendSignal(_process.Id, SigStop);

    /// <summary>SIGCONT.</summary>
    public void Resume() => _ = SendSignal(_process.Id, SigCont);

    private const int SigStop = 19;
    private const int SigCont = 18;

    /// <summary>POSIX kill(2); .NET itself sends only SIGKILL.</summary>
    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    [System.Runtime.InteropServices.DefaultDllImportSearchPaths(System.Runtime.InteropServices.DllImportSearchPath.SafeDirectories)]
    private static extern int SendSignal(int processId, int signal);

    /// <summary>SIGKILL, as a crashed or recycled instance would end.</summary>
    public async Task KillAsync()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }
}
