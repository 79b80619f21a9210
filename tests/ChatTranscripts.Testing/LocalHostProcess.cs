using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;

namespace ChatTranscripts.Testing;

/// <summary>
/// The local host as a separate process (the build copies it beside the tests), so a test can kill it the hard way
/// (<c>kill -9</c>) and start it again on the same port and storage.
/// </summary>
public sealed class LocalHostProcess : IAsyncDisposable
{
    private const string OrganiserTokenSetting = "LocalHost:OrganiserToken";
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private LocalHostProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    /// <summary>Where this machine reaches the host: loopback, whichever address it listens on.</summary>
    public Uri BaseAddress { get; }

    /// <summary>What the host has written to stdout and stderr so far.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>
    /// Starts the host listening on <paramref name="listenAddress"/> (loopback unless a test needs it reachable from
    /// other machines) and waits until it answers; fails with the host's output if it exits first.
    /// </summary>
    /// <param name="arguments">Further command-line arguments, such as <c>--demo</c>.</param>
    public static async Task<LocalHostProcess> StartAsync(
        int port, IReadOnlyDictionary<string, string> settings, CancellationToken cancellationToken, string listenAddress = "127.0.0.1",
        IReadOnlyList<string>? arguments = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ChatTranscripts.LocalHost.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://{listenAddress}:{port}");
        foreach (var argument in arguments ?? [])
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("The local host did not start.");
        var host = new LocalHostProcess(process, new Uri($"http://127.0.0.1:{port}"));
        // Read as it comes, so a chatty host never blocks on a full pipe.
        process.OutputDataReceived += (_, line) => host.Append(line.Data);
        process.ErrorDataReceived += (_, line) => host.Append(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        await host.WaitUntilListeningAsync(settings.GetValueOrDefault(OrganiserTokenSetting), cancellationToken);
        return host;
    }

    /// <summary>SIGKILL: no shutdown, no flushing, no settling of messages in hand.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    /// <summary>Waits until the host has written <paramref name="text"/>; fails with its output if it exits or stays silent for a minute.</summary>
    public async Task WaitForOutputAsync(string text, CancellationToken cancellationToken)
    {
        var giveUp = DateTimeOffset.UtcNow.AddSeconds(60);
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            if (_process.HasExited || DateTimeOffset.UtcNow > giveUp)
            {
                throw new InvalidOperationException($"The local host did not write '{text}':\n{Output}");
            }
            await Task.Delay(100, cancellationToken);
        }
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }

    private async Task WaitUntilListeningAsync(string? organiserToken, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        if (organiserToken is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", organiserToken);
        }
        var giveUp = DateTimeOffset.UtcNow.AddSeconds(60);
        while (true)
        {
            if (_process.HasExited)
            {
                await _process.WaitForExitAsync(cancellationToken);
                throw new InvalidOperationException($"The local host exited with code {_process.ExitCode} before it listened:\n{Output}");
            }
            try
            {
                using var response = await client.GetAsync(new Uri("/api/sessions", UriKind.Relative), cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
            }
            if (DateTimeOffset.UtcNow > giveUp)
            {
                throw new TimeoutException("The local host did not answer within 60 seconds of starting.");
            }
            await Task.Delay(200, cancellationToken);
        }
    }
}
