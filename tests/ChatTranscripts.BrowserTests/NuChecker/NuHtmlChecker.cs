using System.Diagnostics;
using System.Text.Json;

namespace ChatTranscripts.BrowserTests.NuChecker;

/// <summary>
/// Runs the W3C Nu Html Checker (vnu.jar, on the machine's Java) over documents, all in one run since starting the
/// JVM is the slow part. Only errors are reported: warnings are advice, errors are invalid HTML.
/// </summary>
public static class NuHtmlChecker
{
    private static readonly TimeSpan RunLimit = TimeSpan.FromMinutes(3);

    /// <summary>Skips (or fails under CI) the calling test when Java is not on the PATH.</summary>
    public static void RequireJava()
    {
        if (JavaOnPath() is null)
        {
            RequiredTool.Missing("Java 11 or later is not on the PATH: the W3C Nu Html Checker (vnu.jar) runs on it. Install it with 'apt-get install default-jre-headless'.");
        }
    }

    /// <summary>The errors in each document, by the document's name (a file-name-safe string).</summary>
    public static async Task<IReadOnlyDictionary<string, IReadOnlyList<NuMessage>>> CheckAsync(IReadOnlyDictionary<string, string> documents, CancellationToken cancellationToken)
    {
        var java = JavaOnPath() ?? throw new InvalidOperationException("Java is not on the PATH.");
        var jar = await NuCheckerInstallation.JarAsync(cancellationToken);
        var folder = Directory.CreateTempSubdirectory("nu-check-");
        try
        {
            var files = new List<string>();
            foreach (var (name, html) in documents)
            {
                var file = Path.Combine(folder.FullName, name + ".html");
                await File.WriteAllTextAsync(file, html, cancellationToken);
                files.Add(file);
            }
            var output = await RunAsync(java, ["-jar", jar, "--errors-only", "--no-langdetect", "--format", "json", "--stdout", .. files], cancellationToken);
            var messages = documents.Keys.ToDictionary(name => name, _ => new List<NuMessage>(), StringComparer.Ordinal);
            using var report = JsonDocument.Parse(output);
            foreach (var message in report.RootElement.GetProperty("messages").EnumerateArray())
            {
                var url = message.TryGetProperty("url", out var u) ? u.GetString() : null;
                var type = message.GetProperty("type").GetString()!;
                var entry = new NuMessage(
                    message.TryGetProperty("subType", out var subType) ? $"{type} ({subType.GetString()})" : type,
                    message.GetProperty("message").GetString()!,
                    message.TryGetProperty("lastLine", out var line) ? line.GetInt32() : null,
                    message.TryGetProperty("lastColumn", out var column) ? column.GetInt32() : null,
                    message.TryGetProperty("extract", out var extract) ? extract.GetString() : null);
                // The checker names each document by a file: URL; the file's name is the document's.
                var name = url is null ? null : Path.GetFileNameWithoutExtension(Uri.UnescapeDataString(url));
                if (name is null || !messages.ContainsKey(name))
                {
                    throw new InvalidOperationException($"The Nu Html Checker reported a message about no checked document: {entry}");
                }
                messages[name].Add(entry);
            }
            return messages.ToDictionary(m => m.Key, m => (IReadOnlyList<NuMessage>)m.Value, StringComparer.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task<string> RunAsync(string java, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(java) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(RunLimit);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start Java.");
        var output = process.StandardOutput.ReadToEndAsync(limit.Token);
        var errors = process.StandardError.ReadToEndAsync(limit.Token);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        // Exit code 1 means "found errors", which the JSON lists; anything without JSON is the checker failing.
        var json = await output;
        if (!json.TrimStart().StartsWith('{'))
        {
            throw new InvalidOperationException($"The Nu Html Checker exited with code {process.ExitCode} and no report: {await errors}");
        }
        return json;
    }

    private static string? JavaOnPath()
    {
        var name = OperatingSystem.IsWindows() ? "java.exe" : "java";
        return (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, name))
            .FirstOrDefault(File.Exists);
    }
}
