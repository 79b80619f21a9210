using System.Globalization;
using System.Net;
using ChatTranscripts.LocalHost;
using ChatTranscripts.LocalHost.Background;
using ChatTranscripts.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChatTranscripts.BrowserTests.Site;

/// <summary>
/// The local host on a real Kestrel port on 127.0.0.1, which a browser can reach (the in-memory test server cannot
/// be), storing into the given Azurite and serving its <c>$web</c> container at '/'. Any public type of the local
/// host's assembly names its entry point.
/// </summary>
public sealed class SiteHost : WebApplicationFactory<DevelopmentStorage>
{
    private readonly string _storage;

    public SiteHost(string storageConnectionString)
    {
        _storage = storageConnectionString;
        var port = FreePorts.Take(1)[0];
        BaseAddress = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/"));
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
    }

    /// <summary>The site's origin; also its configured base URL, as a deployment's static website address would be.</summary>
    public Uri BaseAddress { get; }

    public Task WaitUntilProcessedAsync(CancellationToken cancellationToken) =>
        Services.GetRequiredService<ContinuousProcessor>().WaitUntilDrainedAsync(cancellationToken);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = _storage,
            ["Publishing:SiteBaseUrl"] = BaseAddress.ToString().TrimEnd('/'),
            ["Publishing:Delay"] = "00:00:00",
            // The fixture publishes each session itself once it is processed; the schedule would only race it.
            ["LocalHost:PublishInterval"] = "01:00:00",
            ["Logging:LogLevel:Default"] = "Warning",
        }));
    }
}
