using System.Diagnostics;
using System.Globalization;
using Azure.Identity;
using Azure.Messaging.ServiceBus;
using ChatTranscripts.DeadLetters;

// Inspect and replay the posts queue's dead letters. Signs in as you (az login, azd auth login, Visual Studio...):
// the deployment gives the deploying user Service Bus Data Receiver and Sender on the queue.
const string Usage = """
    Usage: dotnet run --project infra/tools/ChatTranscripts.DeadLetters -- <command> [options]

    Commands:
      list [--max N]                 Peek at the dead letters (default: the first 50): sequence number, when, why, what.
      show <sequence number>         Print one dead letter's reason, properties and body.
      replay --all                   Send every dead letter back to the queue, then remove it from the dead letters.
      replay <sequence number>...    The same, for the given dead letters only.
      discard <sequence number>...   Remove the given dead letters for good.

    Options:
      --namespace <host>   Service Bus namespace, such as sb-abc123.servicebus.windows.net
                           (default: SERVICEBUS_NAMESPACE, from the environment or from `azd env get-value`).
      --queue <name>       Queue name (default: SERVICEBUS_QUEUE_NAME, likewise, else posts).
    """;

try
{
    var arguments = Arguments.Parse(args);
    if (arguments is null)
    {
        Console.Error.WriteLine(Usage);
        return 2;
    }
    var fullyQualifiedNamespace = arguments.Namespace ?? Setting("SERVICEBUS_NAMESPACE")
        ?? throw new InvalidOperationException("No namespace: pass --namespace, or run this in the azd project after `azd up`.");
    var queue = arguments.Queue ?? Setting("SERVICEBUS_QUEUE_NAME") ?? "posts";
    await using var client = new ServiceBusClient(fullyQualifiedNamespace, new DefaultAzureCredential());
    var deadLetters = new DeadLetterQueue(client, queue, Console.Out);
    using var cancel = new CancellationTokenSource();
    Console.CancelKeyPress += (_, e) =>
    {
        e.Cancel = true;
        cancel.Cancel();
    };
    return arguments.Command switch
    {
        "list" => await deadLetters.ListAsync(arguments.Max, cancel.Token),
        "show" => await deadLetters.ShowAsync(arguments.SequenceNumbers.Single(), cancel.Token),
        "replay" => await deadLetters.ReplayAsync(arguments.All ? null : arguments.SequenceNumbers, cancel.Token),
        "discard" => await deadLetters.DiscardAsync(arguments.SequenceNumbers, cancel.Token),
        _ => throw new UnreachableException(),
    };
}
catch (Exception e) when (e is InvalidOperationException or ServiceBusException or AuthenticationFailedException or UnauthorizedAccessException)
{
    Console.Error.WriteLine(e.Message);
    return 1;
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

/// <summary>The command line, or null when it is not one this tool understands.</summary>
internal sealed record Arguments(string Command, IReadOnlySet<long> SequenceNumbers, bool All, int Max, string? Namespace, string? Queue)
{
    public static Arguments? Parse(string[] args)
    {
        if (args.Length == 0)
        {
            return null;
        }
        var sequenceNumbers = new HashSet<long>();
        var all = false;
        var max = 50;
        string? fullyQualifiedNamespace = null;
        string? queue = null;
        for (var i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--all":
                    all = true;
                    break;
                case "--max" when i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out max) && max > 0:
                    i++;
                    break;
                case "--namespace" when i + 1 < args.Length:
                    fullyQualifiedNamespace = args[++i];
                    break;
                case "--queue" when i + 1 < args.Length:
                    queue = args[++i];
                    break;
                default:
                    if (!long.TryParse(args[i], NumberStyles.None, CultureInfo.InvariantCulture, out var sequenceNumber))
                    {
                        return null;
                    }
                    sequenceNumbers.Add(sequenceNumber);
                    break;
            }
        }
        var command = args[0];
        var valid = command switch
        {
            "list" => sequenceNumbers.Count == 0 && !all,
            "show" => sequenceNumbers.Count == 1 && !all,
            "replay" => all != (sequenceNumbers.Count > 0),
            "discard" => sequenceNumbers.Count > 0 && !all,
            _ => false,
        };
        return valid ? new Arguments(command, sequenceNumbers, all, max, fullyQualifiedNamespace, queue) : null;
    }
}
