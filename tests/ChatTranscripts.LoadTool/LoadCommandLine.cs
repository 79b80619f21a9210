using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace ChatTranscripts.LoadTool;

/// <summary>
/// The command line (System.CommandLine): <c>--name value</c> or <c>--name=value</c>, <c>--help</c> lists every option;
/// anything unknown, malformed or out of range is an error naming the option.
/// </summary>
internal static class LoadCommandLine
{
    private static readonly Option<int> Posts = Int("--posts", 3000, 4, 1_000_000, "Distinct posts to send; about 1% more deliveries are edits of them.");
    private static readonly Option<double> Rate = new("--rate")
    {
        Description = "Posts per second, paced; 0 sends as fast as the host accepts.",
        HelpName = "N",
        DefaultValueFactory = _ => 0,
        CustomParser = ParseRate,
    };
    private static readonly Option<int> Concurrency = Int("--concurrency", 8, 1, 256, "Requests in flight, and parallel transactions in the raw table test.");
    private static readonly Option<int> Batch = Int("--batch", 100, 1, 100, "Posts per request, 1 to 100.");
    private static readonly Option<Uri> Target = new("--target")
    {
        Description = "The host.",
        HelpName = "URL",
        DefaultValueFactory = _ => new Uri("http://127.0.0.1:7071"),
        CustomParser = ParseTarget,
    };
    private static readonly Option<string?> Secret = new("--secret")
    {
        Description = "Standard Webhooks secret, the host's Webhooks:Secret; omit to send unsigned.",
        HelpName = "whsec_...",
    };
    private static readonly Option<string?> Key = new("--key") { Description = "Function key for Azure (sent as x-functions-key).", HelpName = "KEY" };
    private static readonly Option<string> Storage = Text("--storage", "CS", "UseDevelopmentStorage=true", "The host's storage connection string.");
    private static readonly Option<string> TablePrefix = Text("--table-prefix", "P", "", "The host's Storage:TablePrefix (default none).");
    private static readonly Option<string> Queue = Text("--queue", "NAME", "posts", "The host's Queue:Name, shown in progress when it is a Storage queue.");
    private static readonly Option<int> PollMs = Int("--poll-ms", 100, 10, 60_000, "How often the session's partition is polled, in milliseconds.");
    private static readonly Option<int> TimeoutS = Int("--timeout-s", 1800, 1, 86_400, "Give up waiting for posts to be stored after this many seconds.");
    private static readonly Option<int> RequestTimeoutS = Int("--request-timeout-s", 100, 1, 3_600,
        "Give up on one request after this many seconds and retry it, as a sender would.");
    private static readonly Option<int> Attempts = Int("--attempts", 12, 1, 1_000,
        "Tries per request before the run fails; backoff doubles from 250 ms to 15 s with jitter, so 12 ride out about a minute of host restart.");
    private static readonly Option<int> Probes = Int("--probes", 0, 0, 10_000,
        "After the load is stored, send N more deliveries of --batch posts one at a time and time each from sending to stored: the cost of one batch at the session's size.");
    private static readonly Option<int> Seed = Int("--seed", 20_120_806, 0, int.MaxValue, "Fixes the generated texts and shapes (ids are always new).");
    private static readonly Option<string?> Json = new("--json") { Description = "Also write the results as JSON.", HelpName = "PATH" };

    /// <summary>The root command, running <paramref name="run"/> with the options read when the command line is valid.</summary>
    public static RootCommand Create(Func<LoadOptions, CancellationToken, Task<int>> run)
    {
        var command = new RootCommand("""
            Sends a generated live chat through POST /api/posts, measures how fast posts are accepted and stored and how
            long publishing takes, then measures the same storage account's raw limits for comparison. See docs/performance.md.
            Run it with: dotnet run -c Release --project tests/ChatTranscripts.LoadTool -- [options]
            """)
        {
            Posts, Rate, Concurrency, Batch, Target, Secret, Key, Storage, TablePrefix, Queue,
            PollMs, TimeoutS, RequestTimeoutS, Attempts, Probes, Seed, Json,
        };
        command.SetAction((result, cancellationToken) => run(Read(result), cancellationToken));
        return command;
    }

    private static LoadOptions Read(ParseResult result) => new()
    {
        Posts = result.GetValue(Posts),
        Rate = result.GetValue(Rate),
        Concurrency = result.GetValue(Concurrency),
        Batch = result.GetValue(Batch),
        Target = result.GetRequiredValue(Target),
        Secret = NullIfEmpty(result.GetValue(Secret)),
        FunctionKey = NullIfEmpty(result.GetValue(Key)),
        Storage = result.GetRequiredValue(Storage),
        TablePrefix = result.GetRequiredValue(TablePrefix),
        Queue = result.GetRequiredValue(Queue),
        PollInterval = TimeSpan.FromMilliseconds(result.GetValue(PollMs)),
        Timeout = TimeSpan.FromSeconds(result.GetValue(TimeoutS)),
        RequestTimeout = TimeSpan.FromSeconds(result.GetValue(RequestTimeoutS)),
        Attempts = result.GetValue(Attempts),
        Probes = result.GetValue(Probes),
        Seed = result.GetValue(Seed),
        JsonPath = result.GetValue(Json),
    };

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static Option<int> Int(string name, int defaultValue, int min, int max, string description) => new(name)
    {
        Description = description,
        HelpName = "N",
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result =>
        {
            var token = result.Tokens.Single().Value;
            if (!int.TryParse(token, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
            {
                result.AddError($"{name} must be a whole number from {min} to {max}, not '{token}'.");
            }
            return value;
        },
    };

    private static Option<string> Text(string name, string helpName, string defaultValue, string description) =>
        new(name) { Description = description, HelpName = helpName, DefaultValueFactory = _ => defaultValue };

    // Numbers are parsed here rather than by the library so that "0.5" means the same in every culture.
    private static double ParseRate(ArgumentResult result)
    {
        var token = result.Tokens.Single().Value;
        if (!double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var rate) || rate < 0)
        {
            result.AddError($"--rate must be a number of posts per second, 0 or more, not '{token}'.");
        }
        return rate;
    }

    private static Uri ParseTarget(ArgumentResult result)
    {
        var token = result.Tokens.Single().Value;
        if (Uri.TryCreate(token, UriKind.Absolute, out var target))
        {
            return target;
        }
        result.AddError($"--target must be an absolute URL such as http://127.0.0.1:7071, not '{token}'.");
        // Never read: a parse error stops the command line before the run.
        return null!;
    }
}
