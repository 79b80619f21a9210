using System.Text;
using Azure.Storage.Queues;
using ChatTranscripts.Pipeline.Storage;
using ChatTranscripts.Testing;

namespace ChatTranscripts.IntegrationTests.Azurite;

/// <summary>The storage clients the hosts register, against Azurite.</summary>
public sealed class StorageClientRegistrationTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Queue_messages_travel_base64_encoded_as_the_functions_host_reads_them()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var name = "encoded" + azurite.UniquePrefix();
        var queue = StorageAccount.FromConnectionString(azurite.ConnectionString).Queues.GetQueueClient(name);
        await queue.CreateAsync(cancellationToken: cancellationToken);

        await queue.SendMessageAsync("{\"id\":\"ünïcode\"}", cancellationToken);

        var raw = new QueueClient(azurite.ConnectionString, name);
        var message = (await raw.ReceiveMessageAsync(cancellationToken: cancellationToken)).Value;
        Assert.Equal(Convert.ToBase64String(Encoding.UTF8.GetBytes("{\"id\":\"ünïcode\"}")), message.Body.ToString());
    }
}
