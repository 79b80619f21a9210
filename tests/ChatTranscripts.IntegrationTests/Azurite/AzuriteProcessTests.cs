using System.Diagnostics;
using Azure.Storage.Queues;
using ChatTranscripts.LocalHost.Azurite;
using ChatTranscripts.Pipeline.Adapters.Connections;
using ChatTranscripts.Testing;

namespace ChatTranscripts.IntegrationTests.Azurite;

/// <summary>The launcher the queue tests and the local host stand on: it starts Azurite, and never leaves it running.</summary>
public sealed class AzuriteProcessTests
{
    [Fact]
    public async Task An_in_memory_azurite_serves_queues_on_its_ports_and_is_gone_after_dispose()
    {
        var options = OnFreePorts() with { InMemory = true };
        int processId;
        await using (var azurite = await AzuriteProcess.StartAsync(options, logger: null, TestContext.Current.CancellationToken))
        {
            processId = azurite.ProcessId;
            Assert.True(AzuriteProcess.AnyPortInUse(options.BlobPort, options.QueuePort, options.TablePort));
            var queue = StorageAccount.FromConnectionString(azurite.ConnectionString).Queues.GetQueueClient("launcher");
            await queue.CreateAsync(cancellationToken: TestContext.Current.CancellationToken);
            await queue.SendMessageAsync("hello", TestContext.Current.CancellationToken);
            Assert.Equal(1, (await queue.GetPropertiesAsync(TestContext.Current.CancellationToken)).Value.ApproximateMessagesCount);
        }

        Assert.False(AzuriteProcess.AnyPortInUse(options.BlobPort, options.QueuePort, options.TablePort));
        Assert.False(IsRunning(processId));
    }

    [Fact]
    public async Task An_azurite_with_a_data_folder_keeps_its_queues_across_restarts()
    {
        using var folder = new DataFolder();
        var options = OnFreePorts() with { DataFolder = folder.Path };
        await using (var first = await AzuriteProcess.StartAsync(options, logger: null, TestContext.Current.CancellationToken))
        {
            await Queue(first).CreateAsync(cancellationToken: TestContext.Current.CancellationToken);
            await Queue(first).SendMessageAsync("kept", TestContext.Current.CancellationToken);
        }
        await using var second = await AzuriteProcess.StartAsync(options, logger: null, TestContext.Current.CancellationToken);

        var message = Assert.Single((await Queue(second).ReceiveMessagesAsync(cancellationToken: TestContext.Current.CancellationToken)).Value);
        Assert.Equal("kept", message.Body.ToString());
    }

    [Fact]
    public async Task An_azurite_whose_owner_is_killed_saves_what_it_acknowledged_and_a_new_one_waits_until_it_has()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var folder = new DataFolder();
        var options = OnFreePorts() with { DataFolder = folder.Path };
        using var owner = Process.Start("sleep", "600");
        var first = await AzuriteProcess.StartAsync(options with { OwnerProcessId = owner.Id }, logger: null, cancellationToken);
        var firstProcessId = first.ProcessId;
        if (OperatingSystem.IsLinux())
        {
            // `pkill -9 -f <the host's project>`, or a SIGKILL to the host's process group, must reach the host only:
            // killed that way Azurite would lose its unsaved writes. So no path in its command line, and a session of its own.
            Assert.DoesNotContain(folder.Path, await File.ReadAllTextAsync($"/proc/{firstProcessId}/cmdline", cancellationToken), StringComparison.Ordinal);
            var stat = await File.ReadAllTextAsync($"/proc/{firstProcessId}/stat", cancellationToken);
            Assert.Equal($"{firstProcessId}", stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[3]);
        }
        // Acknowledged moments before the owner dies: Azurite writes its data to disk only every 5 seconds.
        var account = StorageAccount.FromConnectionString(first.ConnectionString);
        await Queue(first).CreateAsync(cancellationToken: cancellationToken);
        var table = account.Tables.GetTableClient("survivors");
        await table.CreateAsync(cancellationToken);
        for (var i = 0; i < 20; i++)
        {
            await Queue(first).SendMessageAsync($"kept {i}", cancellationToken);
            await table.AddEntityAsync(new Azure.Data.Tables.TableEntity("p", $"{i:D2}"), cancellationToken);
        }

        owner.Kill();
        await owner.WaitForExitAsync(cancellationToken);
        // At once, as a restarted local host does: the first Azurite is still saving, on the same ports and folder.
        await using var second = await AzuriteProcess.StartAsync(options, logger: null, cancellationToken);

        Assert.False(IsRunning(firstProcessId));
        Assert.Equal(20, (await Queue(second).GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount);
        var rows = StorageAccount.FromConnectionString(second.ConnectionString).Tables.GetTableClient("survivors").QueryAsync<Azure.Data.Tables.TableEntity>(cancellationToken: cancellationToken);
        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"{i:D2}"), await rows.Select(r => r.RowKey).ToListAsync(cancellationToken));
        // The first is gone already; disposing it must leave the second, and the folder's record of it, alone.
        await first.DisposeAsync();
        Assert.True(AzuriteProcess.AnyPortInUse(options.QueuePort));
    }

    [Fact]
    public async Task An_azurite_whose_owner_still_runs_is_left_alone_by_a_host_starting_on_its_folder()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var folder = new DataFolder();
        var options = OnFreePorts() with { DataFolder = folder.Path };
        await using var running = await AzuriteProcess.StartAsync(options, logger: null, cancellationToken);

        // As a second local host does when the first still runs (say `dotnet run` was killed but not its app).
        var waiting = DataFolderLock.WaitForEarlierRunAsync(folder.Path, logger: null, cancellationToken);
        await waiting.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);

        Assert.True(IsRunning(running.ProcessId));
        await Queue(running).CreateAsync(cancellationToken: cancellationToken);
    }

    [Fact]
    public async Task A_port_already_taken_fails_the_start_with_azurites_own_explanation()
    {
        var options = OnFreePorts() with { InMemory = true, StartTimeout = TimeSpan.FromSeconds(20) };
        using var squatter = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, options.QueuePort);
        squatter.Start();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => AzuriteProcess.StartAsync(options, logger: null, TestContext.Current.CancellationToken));

        Assert.Contains(options.QueuePort.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
        Assert.Contains("EADDRINUSE", error.Message, StringComparison.Ordinal);
        Assert.False(AzuriteProcess.AnyPortInUse(options.BlobPort, options.TablePort));
    }

    /// <summary>A data folder of the test's own, deleted afterwards (after the Azurites declared later are disposed).</summary>
    private sealed class DataFolder : IDisposable
    {
        private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("azurite-data-");

        public string Path => _directory.FullName;

        public void Dispose() => _directory.Delete(recursive: true);
    }

    private static AzuriteStartOptions OnFreePorts()
    {
        var ports = FreePorts.Take(3);
        return new AzuriteStartOptions { BlobPort = ports[0], QueuePort = ports[1], TablePort = ports[2] };
    }

    private static QueueClient Queue(AzuriteProcess azurite) =>
        StorageAccount.FromConnectionString(azurite.ConnectionString).Queues.GetQueueClient("survivor");

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
