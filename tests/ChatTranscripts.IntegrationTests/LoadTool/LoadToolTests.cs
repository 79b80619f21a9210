using System.Diagnostics;
using System.Text.Json;
using ChatTranscripts.IntegrationTests.Hosts;
using ChatTranscripts.Testing;

namespace ChatTranscripts.IntegrationTests.LoadTool;

/// <summary>
/// The load tool, as the README runs it, against a real local host process on Azurite: it must finish, report every
/// post stored exactly once, and fill in every figure and ratio. Figures are checked for being measured (present,
/// positive, consistent with each other), never for their size: tests do not judge speed (design.md).
/// </summary>
public sealed class LoadToolTests(AzuriteFixture azurite)
{
    private const int Posts = 300;

    [Fact]
    public async Task A_small_run_against_the_local_host_stores_every_post_once_and_reports_every_measure()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var prefix = azurite.UniquePrefix();
        var queue = "posts" + prefix.ToLowerInvariant();
        await using var host = await LocalHostProcess.StartAsync(FreePorts.Take(1)[0], new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Storage:TablePrefix"] = prefix,
            ["Queue:Name"] = queue,
            ["Publishing:Container"] = "web" + prefix.ToLowerInvariant(),
            ["Webhooks:Secret"] = ChatHostSettings.Secret,
            ["Logging:LogLevel:Default"] = "Warning",
        }, cancellationToken);
        var json = Path.Combine(Path.GetTempPath(), $"load-{prefix}.json");

        var (exitCode, output) = await RunToolAsync(
            ["--posts", $"{Posts}", "--batch", "25", "--concurrency", "4", "--target", host.BaseAddress.ToString(),
             "--secret", ChatHostSettings.Secret, "--storage", azurite.ConnectionString, "--table-prefix", prefix,
             "--queue", queue, "--json", json, "--timeout-s", "300", "--probes", "3"],
            cancellationToken);

        Assert.True(exitCode == 0, $"The load tool exited with {exitCode}:\n{output}");
        Assert.Contains($"all {Posts} posts stored exactly once, edits applied", output, StringComparison.Ordinal);
        Assert.Contains("stored / raw queue pass-through", output, StringComparison.Ordinal);
        using var results = JsonDocument.Parse(await File.ReadAllTextAsync(json, cancellationToken));
        File.Delete(json);
        var root = results.RootElement;

        var stored = root.GetProperty("stored");
        Assert.True(stored.GetProperty("exactlyOnce").GetBoolean());
        Assert.Equal(Posts, stored.GetProperty("sessionPostCount").GetInt32());
        Assert.Contains("one batch at this size", output, StringComparison.Ordinal);
        var deliveries = root.GetProperty("run").GetProperty("deliveries").GetInt32();
        Assert.InRange(deliveries, Posts, Posts * 2);
        var requests = root.GetProperty("ingest").GetProperty("requests").GetInt32();
        Assert.Equal((deliveries + 24) / 25, requests);
        var probes = stored.GetProperty("probeMs");
        Assert.Equal(3, probes.GetProperty("count").GetInt32());
        Assert.True(probes.GetProperty("maxMs").GetDouble() >= probes.GetProperty("p50Ms").GetDouble());

        var raw = root.GetProperty("raw");
        // The raw measures use the session's rows after the probes, which added 3 deliveries of 25 posts.
        Assert.Equal(Posts + (3 * 25), raw.GetProperty("rows").GetInt32());
        Assert.Equal(requests, raw.GetProperty("queueMessages").GetInt32());
        Assert.InRange(raw.GetProperty("queueMessageBytes").GetInt32(), 100, 48 * 1024);
        Assert.Equal(5, raw.GetProperty("pageUploadsMs").GetArrayLength());
        foreach (var measure in new[] { "writesPerSecond", "readsPerSecond", "queueSendsPerSecond", "queueSettlesPerSecond", "queuePassThroughPerSecond" })
        {
            Assert.True(raw.GetProperty(measure).GetDouble() > 0, $"raw.{measure} was not measured.");
        }

        var storedPerSecond = stored.GetProperty("storedPerSecond").GetDouble();
        var ratios = root.GetProperty("ratios");
        AssertRatio(storedPerSecond / raw.GetProperty("writesPerSecond").GetDouble(), ratios.GetProperty("storedVersusRawWrite").GetDouble());
        AssertRatio(storedPerSecond / raw.GetProperty("queuePassThroughPerSecond").GetDouble(), ratios.GetProperty("storedVersusRawQueue").GetDouble());
        var publish = root.GetProperty("publish");
        Assert.True(publish.GetProperty("pageBytes").GetInt32() > Posts * 100, "The published page is missing or nearly empty.");
        Assert.True(ratios.GetProperty("publishVersusReadPlusUpload").GetDouble() > 0);
        Assert.NotEqual(0, root.GetProperty("progress").GetArrayLength());
    }

    private static void AssertRatio(double expected, double reported) =>
        Assert.InRange(reported, expected * 0.999, expected * 1.001);

    /// <summary>Runs the tool's own build, copied beside the tests by the project reference, as `dotnet run` would.</summary>
    private static async Task<(int ExitCode, string Output)> RunToolAsync(IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ChatTranscripts.LoadTool.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("The load tool did not start.");
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        var output = await process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return (process.ExitCode, output + await error);
    }
}
