using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using ChatTranscripts.Pipeline.Adapters.Connections;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChatTranscripts.Pipeline.Tests.Configuration;

/// <summary>Where the registered storage clients point, for each way AzureWebJobsStorage can be set. Nothing connects.</summary>
public sealed class StorageClientRegistrationTests
{
    private const string ClientId = "6c1f3bd6-6a5e-4c16-9e3b-2f0d0b8a4e11";

    [Fact]
    public void Service_uris_reach_each_service_at_its_own_uri()
    {
        using var services = Build(new()
        {
            ["AzureWebJobsStorage:blobServiceUri"] = "https://blobs.example.net/",
            ["AzureWebJobsStorage:queueServiceUri"] = "https://queues.example.net/",
            ["AzureWebJobsStorage:tableServiceUri"] = "https://tables.example.net/",
            ["AzureWebJobsStorage:credential"] = "managedidentity",
            ["AzureWebJobsStorage:clientId"] = ClientId,
        });

        var account = services.GetRequiredService<StorageAccount>();

        Assert.Equal(
            ("https://blobs.example.net/", "https://queues.example.net/", "https://tables.example.net/"),
            (account.Blobs.Uri.AbsoluteUri, account.Queues.Uri.AbsoluteUri, account.Tables.Uri.AbsoluteUri));
    }

    [Fact]
    public void An_account_name_reaches_the_accounts_public_endpoints()
    {
        using var services = Build(new() { ["AzureWebJobsStorage:accountName"] = "stexample" });

        var account = services.GetRequiredService<StorageAccount>();

        Assert.Equal(
            ("stexample.blob.core.windows.net", "stexample.queue.core.windows.net", "stexample.table.core.windows.net"),
            (account.Blobs.Uri.Host, account.Queues.Uri.Host, account.Tables.Uri.Host));
        Assert.Equal(Uri.UriSchemeHttps, account.Tables.Uri.Scheme);
    }

    [Fact]
    public void A_service_uri_set_beside_the_account_name_wins_for_that_service()
    {
        using var services = Build(new()
        {
            ["AzureWebJobsStorage:accountName"] = "stexample",
            ["AzureWebJobsStorage:blobServiceUri"] = "https://cdn-origin.example.net/",
        });

        var account = services.GetRequiredService<StorageAccount>();

        Assert.Equal(("cdn-origin.example.net", "stexample.queue.core.windows.net"), (account.Blobs.Uri.Host, account.Queues.Uri.Host));
    }

    [Fact]
    public void The_development_storage_connection_string_reaches_azurite()
    {
        using var services = Build(new() { ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true" });

        var account = services.GetRequiredService<StorageAccount>();

        Assert.Equal(("127.0.0.1", 10000, 10001, 10002), (account.Blobs.Uri.Host, account.Blobs.Uri.Port, account.Queues.Uri.Port, account.Tables.Uri.Port));
        Assert.Equal("devstoreaccount1", account.Tables.AccountName);
    }

    [Fact]
    public void The_account_holds_the_clients_the_container_gives_out()
    {
        using var services = Build(new() { ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true" });

        var account = services.GetRequiredService<StorageAccount>();

        Assert.Same(services.GetRequiredService<TableServiceClient>(), account.Tables);
        Assert.Same(services.GetRequiredService<BlobServiceClient>(), account.Blobs);
        Assert.Same(services.GetRequiredService<QueueServiceClient>(), account.Queues);
    }

    [Fact]
    public void Settings_that_leave_a_service_without_an_address_are_named()
    {
        using var services = Build(new() { ["AzureWebJobsStorage:blobServiceUri"] = "https://blobs.example.net/" });

        var error = Assert.Throws<InvalidOperationException>(() => services.GetRequiredService<StorageAccount>());

        Assert.StartsWith("Storage is not configured", error.Message, StringComparison.Ordinal);
        Assert.Contains("AzureWebJobsStorage__accountName", error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection()
            .AddStorageAccount(configuration)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
