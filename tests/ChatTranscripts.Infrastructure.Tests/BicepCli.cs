using System.Diagnostics;
using System.Reflection;

namespace ChatTranscripts.Infrastructure.Tests;

/// <summary>
/// The Bicep CLI from the NuGet package pinned in Directory.Packages.props, the one .ci/bicep-check runs. Its path and
/// the repository's are baked into this assembly at build time, so the tests run the same way from any output folder.
/// </summary>
internal static class BicepCli
{
    private static readonly TimeSpan RunLimit = TimeSpan.FromMinutes(3);

    public static string RepositoryRoot { get; } = Metadata("RepositoryRoot");

    public static string InfraDirectory { get; } = Path.Combine(RepositoryRoot, "infra");

    public static string MainTemplate { get; } = Path.Combine(InfraDirectory, "main.bicep");

    private static string CliPath { get; } = Metadata("BicepPath");

    public static async Task<BicepRun> RunAsync(string workingDirectory, params string[] arguments)
    {
        if (!File.Exists(CliPath))
        {
            throw new InvalidOperationException($"The Bicep CLI is not at '{CliPath}': restore this project (dotnet restore) to download it.");
        }
        var start = new ProcessStartInfo(CliPath)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start '{CliPath}'.");
        using var limit = new CancellationTokenSource(RunLimit);
        var output = process.StandardOutput.ReadToEndAsync(limit.Token);
        var errors = process.StandardError.ReadToEndAsync(limit.Token);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', arguments)} did not finish within {RunLimit}.");
        }
        return new BicepRun(process.ExitCode, await output, await errors);
    }

    private static string Metadata(string key) =>
        typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().SingleOrDefault(a => a.Key == key)?.Value
        ?? throw new InvalidOperationException($"This test assembly was built without its {key} metadata: restore and build it again.");
}

/// <summary>What one Bicep CLI run printed. Diagnostics read <c>file(line,column) : Level code: message</c>.</summary>
public sealed record BicepRun(int ExitCode, string Output, string Errors)
{
    public IReadOnlyList<string> Diagnostics =>
        [.. $"{Output}\n{Errors}".Split('\n').Select(line => line.Trim()).Where(line => line.Contains(" : Error ", StringComparison.Ordinal) || line.Contains(" : Warning ", StringComparison.Ordinal))];
}
