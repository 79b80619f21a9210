using ChatTranscripts.Testing;

// One Azurite for the whole assembly; tests keep apart through their own table, queue and container names.
[assembly: AssemblyFixture(typeof(AzuriteFixture))]
