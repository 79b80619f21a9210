using System.Net.Http.Headers;
using ChatTranscripts.LocalHost.Background;

namespace ChatTranscripts.LocalHost.Demo;

/// <summary><c>--demo</c>: sends the sample chat to this host, waits until it is processed, publishes it and prints its URL.</summary>
public static class DemoRun
{
    public static async Task RunAsync(WebApplication app)
    {
        var stopping = app.Lifetime.ApplicationStopping;
        var address = LoopbackAddress(app);
        var chat = DemoChat.Load();
        using var client = new HttpClient { BaseAddress = address };
        if (app.Configuration["LocalHost:OrganiserToken"] is { Length: > 0 } token)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        await chat.SendAsync(client, app.Configuration["Webhooks:Secret"], TimeProvider.System, batchSize: 25, stopping);
        await app.Services.GetRequiredService<ContinuousProcessor>().WaitUntilDrainedAsync(stopping);
        using var publish = await client.PostAsync(new Uri($"/api/sessions/{chat.SessionId}/publish", UriKind.Relative), content: null, stopping);
        publish.EnsureSuccessStatusCode();
        app.Logger.LogInformation("Demo chat published: {Url}", new Uri(address, $"/{chat.SessionId}/index.html"));
        Console.WriteLine($"Demo transcript: {new Uri(address, $"/{chat.SessionId}/index.html")}");
    }

    private static Uri LoopbackAddress(WebApplication app)
    {
        var address = app.Urls.First();
        var uri = new UriBuilder(address.Replace("://+", "://127.0.0.1", StringComparison.Ordinal).Replace("://*", "://127.0.0.1", StringComparison.Ordinal));
        if (uri.Host is "0.0.0.0" or "[::]")
        {
            uri.Host = "127.0.0.1";
        }
        return uri.Uri;
    }
}
