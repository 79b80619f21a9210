using ChatTranscripts.LocalHost.OpenApi;
using ChatTranscripts.Pipeline.Http;

namespace ChatTranscripts.LocalHost;

/// <summary>
/// The one thing a first run prints once the host is ready: where the API, the site and the OpenAPI document are (and
/// the demo's transcript), rather than the framework's start-up lines and a log line per request.
/// </summary>
public static class StartupBanner
{
    /// <summary>The logging category of ASP.NET Core's per-request lines, at Warning unless configured otherwise.</summary>
    public const string RequestLogCategory = "Microsoft.AspNetCore";

    public static string Text(Uri address, Uri? demoTranscript, bool requestLogsOn)
    {
        var lines = new List<string>
        {
            "ChatTranscripts is running. Press Ctrl+C to stop.",
            $"  API       {new Uri(address, "/" + ApiRoutes.Prefix)}",
            $"  Site      {new Uri(address, "/")}",
            $"  OpenAPI   {new Uri(address, ApiDocument.Path)}",
        };
        if (demoTranscript is not null)
        {
            lines.Add($"  Demo      {demoTranscript}");
        }
        if (!requestLogsOn)
        {
            lines.Add($"Requests are not logged; --Logging:LogLevel:{RequestLogCategory}=Information logs each one.");
        }
        return string.Join(Environment.NewLine, lines);
    }

    public static void Print(WebApplication app, Uri? demoTranscript)
    {
        var requestLogsOn = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(RequestLogCategory).IsEnabled(LogLevel.Information);
        Console.WriteLine(Text(LoopbackAddress.Of(app), demoTranscript, requestLogsOn));
    }
}
