using System.Net.Http.Headers;
using ChatTranscripts.LocalHost.Background;

namespace ChatTranscripts.LocalHost.Demo;

/// <summary><c>--demo</c>: sends the sample chat to this host, waits until it is processed and publishes it.</summary>
public static class DemoRun
{
    /// <returns>The published transcript's URL.</returns>
    public static async Task<Uri> RunAsync(WebApplication app)
    {
        var stopping = app.Lifetime.ApplicationStopping;
        var address = LoopbackAddress.Of(app);
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
        return new Uri(address, $"/{chat.SessionId}/index.html");
    }
}
