using Azure.Identity;
using ChatTranscripts.Pipeline.Adapters.Connections;
using Microsoft.Extensions.Configuration;

namespace ChatTranscripts.Pipeline.Tests.Configuration;

public sealed class IdentityCredentialTests
{
    [Theory]
    [InlineData("ServiceBus")]
    [InlineData("AzureWebJobsStorage")]
    public void Credential_managedidentity_signs_in_as_the_managed_identity(string connection)
    {
        var section = Section(connection, new() { ["credential"] = "managedidentity", ["clientId"] = "6c1f3bd6-6a5e-4c16-9e3b-2f0d0b8a4e11" });

        Assert.IsType<ManagedIdentityCredential>(IdentityCredential.For(section));
    }

    [Fact]
    public void Without_credential_a_developer_signs_in_with_their_own_tools()
    {
        Assert.IsType<DefaultAzureCredential>(IdentityCredential.For(Section("ServiceBus", new() { ["fullyQualifiedNamespace"] = "sb-example.servicebus.windows.net" })));
    }

    /// <summary>The connection's settings as the pipeline reads them.</summary>
    private static ConnectionOptions Section(string connection, Dictionary<string, string?> values)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(values.ToDictionary(pair => $"{connection}:{pair.Key}", pair => pair.Value))
            .Build();
        return connection == ServiceBusConnectionOptions.ConnectionName
            ? ServiceBusConnectionOptions.Read(configuration)
            : StorageConnectionOptions.Read(configuration);
    }
}
