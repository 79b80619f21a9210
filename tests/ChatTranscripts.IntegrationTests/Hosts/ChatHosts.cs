using ChatTranscripts.Testing;

namespace ChatTranscripts.IntegrationTests.Hosts;

/// <summary>Starts either host for a test class that runs on both.</summary>
public static class ChatHosts
{
    public static async Task<IChatHost> StartAsync(HostKind kind, AzuriteFixture azurite, IReadOnlyDictionary<string, string?>? settings = null) => kind switch
    {
        HostKind.Local => new LocalHostFactory(azurite, settings),
        HostKind.Functions => await FunctionsAppHost.StartAsync(azurite, settings, TestContext.Current.CancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
