using System.Globalization;

namespace ChatTranscripts.LoadTool;

/// <summary>The command line: <c>--name value</c> or <c>--name=value</c>; anything unknown or malformed is an error.</summary>
internal sealed record LoadOptions
{
    public const string Usage = """
        Usage: dotnet run -c Release --project tests/ChatTranscripts.LoadTool -- [options]

        Sends a generated live chat through POST /api/posts, measures how fast posts are accepted and stored and how
        long publishing takes, then measures the same storage account's raw limits for comparison. See docs/performance.md.

        Options:
          --posts N              distinct posts to send (default 3000); about 1% more deliveries are edits of them
          --rate N               posts per second, paced; 0 sends as fast as the host accepts (default 0)
          --concurrency N        requests in flight, and parallel transactions in the raw table test (default 8)
          --batch N              posts per request, 1 to 100 (default 100)
          --target URL           the host (default http://127.0.0.1:7071)
          --secret whsec_...     Standard Webhooks secret, the host's Webhooks:Secret; omit to send unsigned
          --key KEY              function key for Azure (sent as x-functions-key)
          --storage CS           the host's storage connection string (default UseDevelopmentStorage=true)
          --table-prefix P       the host's Storage:TablePrefix (default none)
          --queue NAME           the host's Queue:Name, shown in progress when it is a Storage queue (default posts)
          --poll-ms N            how often the session's partition is polled (default 100)
          --timeout-s N          give up waiting for posts to be stored after this long (default 1800)
          --request-timeout-s N  give up on one request after this long and retry it, as a sender would (default 100)
          --attempts N           tries per request before the run fails; backoff doubles from 250 ms to 15 s with
                                 jitter, so 12 ride out about a minute of host restart (default 12)
          --probes N             after the load is stored, send N more deliveries of --batch posts one at a time and
                                 time each from sending to stored: the cost of one batch at the session's size (default 0)
          --seed N               fixes the generated texts and shapes (ids are always new; default 20120806)
          --json PATH            also write the results as JSON
        """;

    public int Posts { get; init; } = 3000;

    public double Rate { get; init; }

    public int Concurrency { get; init; } = 8;

    public int Batch { get; init; } = 100;

    public Uri Target { get; init; } = new("http://127.0.0.1:7071");

    public string? Secret { get; init; }

    public string? FunctionKey { get; init; }

    public string Storage { get; init; } = "UseDevelopmentStorage=true";

    public string TablePrefix { get; init; } = "";

    public string Queue { get; init; } = "posts";

    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(30);

    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(100);

    public int Attempts { get; init; } = 12;

    public int Probes { get; init; }

    public int Seed { get; init; } = 20_120_806;

    public string? JsonPath { get; init; }

    /// <summary>Null with a message in <paramref name="error"/> when the arguments are wrong.</summary>
    public static LoadOptions? Parse(IReadOnlyList<string> args, out string? error)
    {
        var options = new LoadOptions();
        error = null;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "-h" or "--help")
            {
                return null;
            }
            string name;
            string? value;
            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                name = arg[..equals];
                value = arg[(equals + 1)..];
            }
            else
            {
                name = arg;
                value = i + 1 < args.Count ? args[++i] : null;
            }
            if (value is null)
            {
                error = $"{name} needs a value.";
                return null;
            }
            try
            {
                options = name switch
                {
                    "--posts" => options with { Posts = Int(value, 4, 1_000_000) },
                    "--rate" => options with { Rate = Number(value) },
                    "--concurrency" => options with { Concurrency = Int(value, 1, 256) },
                    "--batch" => options with { Batch = Int(value, 1, 100) },
                    "--target" => options with { Target = new Uri(value, UriKind.Absolute) },
                    "--secret" => options with { Secret = value.Length == 0 ? null : value },
                    "--key" => options with { FunctionKey = value.Length == 0 ? null : value },
                    "--storage" => options with { Storage = value },
                    "--table-prefix" => options with { TablePrefix = value },
                    "--queue" => options with { Queue = value },
                    "--poll-ms" => options with { PollInterval = TimeSpan.FromMilliseconds(Int(value, 10, 60_000)) },
                    "--timeout-s" => options with { Timeout = TimeSpan.FromSeconds(Int(value, 1, 86_400)) },
                    "--request-timeout-s" => options with { RequestTimeout = TimeSpan.FromSeconds(Int(value, 1, 3_600)) },
                    "--attempts" => options with { Attempts = Int(value, 1, 1_000) },
                    "--probes" => options with { Probes = Int(value, 0, 10_000) },
                    "--seed" => options with { Seed = Int(value, 0, int.MaxValue) },
                    "--json" => options with { JsonPath = value },
                    _ => throw new FormatException($"unknown option {name}"),
                };
            }
            catch (Exception e) when (e is FormatException or OverflowException or ArgumentOutOfRangeException or UriFormatException)
            {
                error = $"{name} {value}: {e.Message}";
                return null;
            }
        }
        return options;
    }

    private static int Int(string value, int min, int max)
    {
        var number = int.Parse(value, NumberStyles.Integer, CultureInfo.InvariantCulture);
        ArgumentOutOfRangeException.ThrowIfLessThan(number, min, "value");
        ArgumentOutOfRangeException.ThrowIfGreaterThan(number, max, "value");
        return number;
    }

    private static double Number(string value)
    {
        var number = double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture);
        ArgumentOutOfRangeException.ThrowIfNegative(number, "value");
        return number;
    }
}
