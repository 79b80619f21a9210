namespace ChatTranscripts.IntegrationTests.Hosts;

/// <summary>
/// A running ChatTranscripts on the shared Azurite, with its own tables, queue and site container: the local host,
/// or the Functions app under the test Functions host. Tests written against this run the same scenario on both.
/// </summary>
public interface IChatHost : IAsyncDisposable
{
    HostKind Kind { get; }

    /// <summary>The unique prefix of this host's tables, queue and container names.</summary>
    string Prefix { get; }

    /// <summary>The site container (the static website's <c>$web</c>).</summary>
    string Container { get; }

    /// <summary>The pipeline's services on the same storage, for tests that read what was stored.</summary>
    IServiceProvider Services { get; }

    /// <summary>A client for the API under <c>/api</c> and the published site at <c>/</c>.</summary>
    HttpClient CreateClient();

    /// <summary>Returns once everything queued before the call has been processed.</summary>
    Task WaitUntilProcessedAsync(CancellationToken cancellationToken);
}

public enum HostKind
{
    /// <summary><c>ChatTranscripts.LocalHost</c> in memory.</summary>
    Local,

    /// <summary>The built <c>ChatTranscripts.Functions</c> as a worker process under the test Functions host.</summary>
    Functions,
}
