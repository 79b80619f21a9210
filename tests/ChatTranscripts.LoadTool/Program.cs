using System.CommandLine;
using System.Text.Json;
using ChatTranscripts.LoadTool;
using ChatTranscripts.LoadTool.Reporting;

// Load tool for a running host (the local host or the Functions app): see LoadCommandLine (or --help) and docs/performance.md.
var parsed = LoadCommandLine.Create(RunAsync).Parse(args);
if (parsed.Errors.Count > 0)
{
    // Exit code 2, as for any misuse of a command line, rather than the library's 1, which this tool keeps for a failed run.
    foreach (var error in parsed.Errors)
    {
        Console.Error.WriteLine(error.Message);
    }
    Console.Error.WriteLine("Run with --help for the options.");
    return 2;
}
// The run handles Ctrl+C itself (below): it needs longer than the library's grace period to delete its scratch tables.
return await parsed.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });

static async Task<int> RunAsync(LoadOptions options, CancellationToken cancellationToken)
{
    using var cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
    Console.CancelKeyPress += (_, e) =>
    {
        // The first Ctrl+C stops the run cleanly (scratch tables and containers are deleted); a second one ends the process.
        e.Cancel = !cancel.IsCancellationRequested;
        cancel.Cancel();
    };

    try
    {
        var results = await new LoadRun(options, Console.Out).RunAsync(cancel.Token);
        ResultsTable.Write(results, Console.Out);
        if (options.JsonPath is not null)
        {
            await File.WriteAllTextAsync(options.JsonPath, JsonSerializer.Serialize(results, new JsonSerializerOptions(JsonSerializerDefaults.Web)
            {
                WriteIndented = true,
                // Percentiles of an empty set are NaN; written as "NaN" rather than failing the whole file.
                NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
            }));
            Console.WriteLine($"Results written to {options.JsonPath}");
        }
        return results.Stored.ExactlyOnce ? 0 : 1;
    }
    catch (OperationCanceledException) when (cancel.IsCancellationRequested)
    {
        Console.Error.WriteLine("Cancelled.");
        return 130;
    }
    catch (Exception e) when (e is InvalidOperationException or TimeoutException or HttpRequestException or Azure.RequestFailedException)
    {
        Console.Error.WriteLine(e.Message);
        return 1;
    }
}
