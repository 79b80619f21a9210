using ChatTranscripts.LocalHost;
using ChatTranscripts.LocalHost.Background;
using ChatTranscripts.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChatTranscripts.IntegrationTests.Hosts;

/// <summary>
/// The local host in memory, on the shared Azurite, with its own tables and site container so tests don't see
/// each other's data. (Any public type of the local host's assembly names its entry point; the Functions app has a Program too.)
/// </summary>
public sealed class LocalHostFactory(AzuriteFixture azurite, IReadOnlyDictionary<string, string?>? settings = null)
    : WebApplicationFactory<DevelopmentStorage>, IChatHost
{
    public HostKind Kind => HostKind.Local;

    public string Prefix { get; } = azurite.UniquePrefix();

    public string Container => "web" + Prefix.ToLowerInvariant();

    IServiceProvider IChatHost.Services => Services;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.ConfigureAppConfiguration((_, configuration) =>
        {
            var overrides = new Dictionary<string, string?>
            {
                ["LocalHost:PublishInterval"] = "00:00:01",
                ["Logging:LogLevel:Default"] = "Warning",
            };
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            {
                overrides[key] = value;
            }
            configuration.AddInMemoryCollection(ChatHostSettings.Create(azurite, Prefix, overrides).Select(pair => KeyValuePair.Create(pair.Key, (string?)pair.Value)));
        });
    }

    public Task WaitUntilProcessedAsync(CancellationToken cancellationToken) =>
        Services.GetRequiredService<ContinuousProcessor>().WaitUntilDrainedAsync(cancellationToken);
}
