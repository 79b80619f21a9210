using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatTranscripts.LocalHost.Demo;
using ChatTranscripts.Testing;

namespace ChatTranscripts.BrowserTests.Site;

/// <summary>
/// The published site the browser tests read: an in-memory Azurite, the local host on a real port, and, sent through
/// the public HTTP API and published with <c>POST /api/sessions/{id}/publish</c>, the bundled sample chat,
/// <see cref="HostileChat"/>, <see cref="ModeratedChat"/> and <see cref="SeriesChat"/> (moderated through the API first; the
/// last two make a two-session series). Another session is registered but never published, so the index and the feeds
/// can be seen to list published sessions only. Tests only read from it.
/// </summary>
public sealed class PublishedSite : IAsyncLifetime
{
    public const string UnpublishedSessionId = "not-yet-published";

    /// <summary>A first run installs Azurite with npm, and the sample chat goes through the real queue.</summary>
    private static readonly TimeSpan StartLimit = TimeSpan.FromMinutes(5);

    private readonly AzuriteFixture _azurite = new();
    private readonly Dictionary<string, JsonDocument> _transcripts = new(StringComparer.Ordinal);
    private SiteHost? _host;
    private HttpClient? _http;

    public Uri BaseAddress => Host.BaseAddress;

    /// <summary>A client for the site and its API; shared, so tests must not change its defaults.</summary>
    public HttpClient Http => _http ?? throw new InvalidOperationException("The site has not started.");

    private SiteHost Host => _host ?? throw new InvalidOperationException("The site has not started.");

    public Uri Url(string path) => new(BaseAddress, path);

    /// <summary>A published session's transcript.json, as the site served it right after publishing.</summary>
    public JsonElement Transcript(string sessionId) => _transcripts[sessionId].RootElement;

    /// <summary>How many posts a published session shows (<c>stats.posts</c> of its transcript.json).</summary>
    public int ShownPosts(string sessionId) => Transcript(sessionId).GetProperty("stats").GetProperty("posts").GetInt32();

    /// <summary>How many posts a participant has in a published session, as its transcript.json lists them.</summary>
    public int PostsBy(Participant participant) =>
        Transcript(participant.SessionId).GetProperty("participants").EnumerateArray()
            .Single(p => p.GetProperty("platform").GetString() == participant.Platform
                && string.Equals(p.GetProperty("handle").GetString(), participant.Handle, StringComparison.OrdinalIgnoreCase))
            .GetProperty("posts").GetInt32();

    public async ValueTask InitializeAsync()
    {
        using var limit = new CancellationTokenSource(StartLimit);
        var cancellationToken = limit.Token;
        await _azurite.InitializeAsync();
        _host = new SiteHost(_azurite.ConnectionString);
        _host.StartServer();
        _http = new HttpClient { BaseAddress = _host.BaseAddress };

        await DemoChat.Load().SendAsync(Http, secret: null, TimeProvider.System, batchSize: 25, cancellationToken);
        await PutSessionAsync(HostileChat.SessionId, HostileChat.Session, cancellationToken);
        await SendPostsAsync(HostileChat.Posts, cancellationToken);
        await PutSessionAsync(ModeratedChat.SessionId, ModeratedChat.Session, cancellationToken);
        await SendPostsAsync(ModeratedChat.Posts, cancellationToken);
        await PutSessionAsync(SeriesChat.SessionId, SeriesChat.Session, cancellationToken);
        await SendPostsAsync(SeriesChat.Posts, cancellationToken);
        await PutSessionAsync(UnpublishedSessionId, UnpublishedSession, cancellationToken);
        await Host.WaitUntilProcessedAsync(cancellationToken);
        foreach (var (sessionId, path, body) in ModeratedChat.Moderation.Select(m => (ModeratedChat.SessionId, m.Path, m.Body))
            .Concat(SeriesChat.Moderation.Select(m => (SeriesChat.SessionId, m.Path, m.Body))))
        {
            using var moderate = await Http.PutAsJsonAsync($"/api/sessions/{sessionId}/moderation/{path}", body, cancellationToken);
            await EnsureAsync(moderate, path == "rules" ? HttpStatusCode.OK : HttpStatusCode.Created, cancellationToken);
        }

        foreach (var sessionId in SitePages.PublishedSessionIds)
        {
            using var publish = await Http.PostAsync(new Uri($"/api/sessions/{sessionId}/publish", UriKind.Relative), content: null, cancellationToken);
            await EnsureAsync(publish, HttpStatusCode.Accepted, cancellationToken);
            var json = await Http.GetStringAsync(new Uri(SitePages.Export(sessionId, "json"), UriKind.Relative), cancellationToken);
            _transcripts[sessionId] = JsonDocument.Parse(json);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _http?.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
        foreach (var transcript in _transcripts.Values)
        {
            transcript.Dispose();
        }
        await _azurite.DisposeAsync();
    }

    private static JsonObject UnpublishedSession => new()
    {
        ["title"] = "A chat that has not happened yet",
        ["hashtags"] = new JsonArray("#notyet"),
        ["startsAt"] = "2099-01-05T13:00:00Z",
        ["endsAt"] = "2099-01-05T14:00:00Z",
    };

    private async Task PutSessionAsync(string sessionId, JsonObject session, CancellationToken cancellationToken)
    {
        using var response = await Http.PutAsJsonAsync($"/api/sessions/{sessionId}", session, cancellationToken);
        await EnsureAsync(response, HttpStatusCode.Created, cancellationToken);
    }

    private async Task SendPostsAsync(IReadOnlyList<JsonObject> posts, CancellationToken cancellationToken)
    {
        var batch = new JsonArray(posts.Select(p => (JsonNode)p.DeepClone()).ToArray());
        using var response = await Http.PostAsJsonAsync("/api/posts", batch, cancellationToken);
        await EnsureAsync(response, HttpStatusCode.Accepted, cancellationToken);
    }

    private static async Task EnsureAsync(HttpResponseMessage response, HttpStatusCode expected, CancellationToken cancellationToken)
    {
        if (response.StatusCode != expected)
        {
            throw new InvalidOperationException(
                $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}, not {(int)expected}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }
    }
}
