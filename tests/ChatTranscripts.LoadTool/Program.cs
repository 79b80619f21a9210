using System.Text.Json;
using ChatTranscripts.LoadTool;
using ChatTranscripts.LoadTool.Reporting;

// Load tool for a running host (the local host or the Functions app): see LoadOptions.Usage and docs/performance.md.
var options = LoadOptions.Parse(args, out var error);
if (options is null)
{
    if (error is not null)
    {
        Console.Error.WriteLine(error);
    }
    Console.Error.WriteLine(LoadOptions.Usage);
    return error is null ? 0 : 2;
}

using var cancel = new CancellationTokenSource();
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
