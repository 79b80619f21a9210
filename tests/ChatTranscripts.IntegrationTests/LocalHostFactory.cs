using System.Net.Http.Headers;
using System.Text;
using ChatTranscripts.LocalHost;
using ChatTranscripts.LocalHost.Background;
using ChatTranscripts.Pipeline.Ingest;
using ChatTranscripts.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChatTranscripts.IntegrationTests;

/// <summary>
/// The local host in memory, on the shared Azurite, with its own tables and site container so tests don't see
/// each other's data. (Any public type of the local host's assembly names its entry point; the Functions app has a Program too.) Requests are signed with <see cref="Secret"/> as a webhook sender would.
/// </summary>
public sealed class LocalHostFactory(AzuriteFixture azurite, IReadOnlyDictionary<string, string?>? settings = null) : WebApplicationFactory<DevelopmentStorage>
{
    public const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    public string Prefix { get; } = azurite.UniquePrefix();

    public string Container => "web" + Prefix.ToLowerInvariant();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.ConfigureAppConfiguration((_, configuration) =>
        {
            var values = new Dictionary<string, string?>
            {
                ["AzureWebJobsStorage"] = azurite.ConnectionString,
                ["Storage:TablePrefix"] = Prefix,
                ["Queue:Name"] = "posts" + Prefix.ToLowerInvariant(),
                ["Publishing:Container"] = Container,
                ["Publishing:Delay"] = "00:00:00",
                ["Webhooks:Secret"] = Secret,
                ["LocalHost:PublishInterval"] = "00:00:01",
                ["Logging:LogLevel:Default"] = "Warning",
            };
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            {
                values[key] = value;
            }
            configuration.AddInMemoryCollection(values);
        });
    }

    public Task WaitUntilProcessedAsync(CancellationToken cancellationToken) =>
        Services.GetRequiredService<ContinuousProcessor>().WaitUntilDrainedAsync(cancellationToken);

    /// <summary>Sends a request as a signed webhook delivery.</summary>
    public async Task<HttpResponseMessage> SendSignedAsync(HttpClient client, HttpMethod method, string path, string? json, string contentType = "application/json", string? secret = Secret)
    {
        var body = json is null ? [] : Encoding.UTF8.GetBytes(json);
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }
        if (secret is not null)
        {
            foreach (var header in StandardWebhookSigner.Headers(secret, "msg_" + Guid.NewGuid().ToString("N"), DateTimeOffset.UtcNow, body))
            {
                request.Headers.Add(header.Key, header.Value);
            }
        }
        return await client.SendAsync(request);
    }
}
