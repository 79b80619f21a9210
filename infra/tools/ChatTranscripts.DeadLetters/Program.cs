using System.CommandLine;
using System.Diagnostics;
using Azure.Identity;
using Azure.Messaging.ServiceBus;
using ChatTranscripts.DeadLetters;

// Inspect and replay the posts queue's dead letters. Signs in as you (az login, azd auth login, Visual Studio...):
// the deployment gives the deploying user Service Bus Data Receiver and Sender on the queue.
var namespaceOption = new Option<string?>("--namespace")
{
    Description = "Service Bus namespace, such as sb-abc123.servicebus.windows.net (default: SERVICEBUS_NAMESPACE, from the environment or `azd env get-value`).",
    Recursive = true,
};
var queueOption = new Option<string?>("--queue")
{
    Description = "Queue name (default: SERVICEBUS_QUEUE_NAME, likewise, else posts).",
    Recursive = true,
};
var maxOption = new Option<int>("--max") { Description = "How many to peek at.", DefaultValueFactory = _ => 50 };
maxOption.Validators.Add(result =>
{
    if (result.GetValueOrDefault<int>() <= 0)
    {
        result.AddError("--max must be a positive number.");
    }
});
var allOption = new Option<bool>("--all") { Description = "Every dead letter." };
Argument<long[]> SequenceNumbers(ArgumentArity arity) => new("sequence-numbers") { Description = "Dead letters' sequence numbers.", Arity = arity };

var list = new Command("list", "Peek at the dead letters: sequence number, when, why, what.") { maxOption };
list.SetAction((result, cancellationToken) => RunAsync(result, (deadLetters, ct) => deadLetters.ListAsync(result.GetValue(maxOption), ct), cancellationToken));

var showNumber = new Argument<long>("sequence-number") { Description = "The dead letter's sequence number." };
var show = new Command("show", "Print one dead letter's reason, properties and body.") { showNumber };
show.SetAction((result, cancellationToken) => RunAsync(result, (deadLetters, ct) => deadLetters.ShowAsync(result.GetValue(showNumber), ct), cancellationToken));

var replayNumbers = SequenceNumbers(ArgumentArity.ZeroOrMore);
var replay = new Command("replay", "Send dead letters back to the queue, then remove them from the dead letters.") { allOption, replayNumbers };
replay.Validators.Add(result =>
{
    if (result.GetValue(allOption) == (result.GetValue(replayNumbers) is { Length: > 0 }))
    {
        result.AddError("Name the dead letters to replay, or pass --all (not both).");
    }
});
replay.SetAction((result, cancellationToken) => RunAsync(result, (deadLetters, ct) =>
    deadLetters.ReplayAsync(result.GetValue(allOption) ? null : result.GetValue(replayNumbers)!.ToHashSet(), ct), cancellationToken));

var discardNumbers = SequenceNumbers(ArgumentArity.OneOrMore);
var discard = new Command("discard", "Remove the given dead letters for good.") { discardNumbers };
discard.SetAction((result, cancellationToken) => RunAsync(result, (deadLetters, ct) => deadLetters.DiscardAsync(result.GetValue(discardNumbers)!.ToHashSet(), ct), cancellationToken));

var root = new RootCommand("Inspect and replay the posts queue's dead letters.") { namespaceOption, queueOption, list, show, replay, discard };
return await root.Parse(args).InvokeAsync();

async Task<int> RunAsync(ParseResult result, Func<DeadLetterQueue, CancellationToken, Task<int>> command, CancellationToken cancellationToken)
{
    try
    {
        var fullyQualifiedNamespace = result.GetValue(namespaceOption) ?? Setting("SERVICEBUS_NAMESPACE")
            ?? throw new InvalidOperationException("No namespace: pass --namespace, or run this in the azd project after `azd up`.");
        var queue = result.GetValue(queueOption) ?? Setting("SERVICEBUS_QUEUE_NAME") ?? "posts";
        await using var client = new ServiceBusClient(fullyQualifiedNamespace, new DefaultAzureCredential());
        return await command(new DeadLetterQueue(client, queue, Console.Out), cancellationToken);
    }
    catch (Exception e) when (e is InvalidOperationException or ServiceBusException or AuthenticationFailedException or UnauthorizedAccessException)
    {
        Console.Error.WriteLine(e.Message);
        return 1;
    }
}

// An azd output, from the environment (as `eval "$(azd env get-values)"` leaves it) or from azd itself.
static string? Setting(string name)
{
    var value = Environment.GetEnvironmentVariable(name);
    if (!string.IsNullOrWhiteSpace(value))
    {
        return value;
    }
    try
    {
        using var azd = Process.Start(new ProcessStartInfo("azd", ["env", "get-value", name])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        });
        if (azd is null)
        {
            return null;
        }
        var output = azd.StandardOutput.ReadToEnd().Trim();
        azd.WaitForExit();
        return azd.ExitCode == 0 && output.Length > 0 ? output : null;
    }
    catch (System.ComponentModel.Win32Exception)
    {
        // azd is not installed.
        return null;
    }
}
