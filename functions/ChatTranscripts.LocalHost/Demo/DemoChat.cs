using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ChatTranscripts.Pipeline.Http.Ingest;

namespace ChatTranscripts.LocalHost.Demo;

/// <summary>
/// The bundled sample chat: a fictional #bmcmed chat sent through the public API exactly as webhook senders
/// and organisers would, signed when a secret is configured.
/// </summary>
public sealed class DemoChat
{
    public const string FileName = "bmcmed-demo.json";

    private DemoChat(string sessionId, JsonObject session, IReadOnlyList<JsonObject> posts, IReadOnlyList<(string Platform, string Id)> deletions)
    {
        SessionId = sessionId;
        Session = session;
        Posts = posts;
        Deletions = deletions;
    }

    public string SessionId { get; }

    public JsonObject Session { get; }

    public IReadOnlyList<JsonObject> Posts { get; }

    public IReadOnlyList<(string Platform, string Id)> Deletions { get; }

    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "Demo", FileName);

    public static DemoChat Load(string? path = null)
    {
        var root = JsonNode.Parse(File.ReadAllText(path ?? DefaultPath))!.AsObject();
        return new DemoChat(
            root["sessionId"]!.GetValue<string>(),
            root["session"]!.AsObject(),
            root["posts"]!.AsArray().Select(p => p!.AsObject()).ToList(),
            root["deletions"]!.AsArray().Select(d => (d!["platform"]!.GetValue<string>(), d["id"]!.GetValue<string>())).ToList());
    }

    /// <summary>Registers the session, sends the posts and then the deletions in batches; returns once every request was accepted.</summary>
    public async Task SendAsync(HttpClient client, string? secret, TimeProvider time, int batchSize, CancellationToken cancellationToken)
    {
        await SendAsync(client, HttpMethod.Put, $"/api/sessions/{SessionId}", Session.ToJsonString(), secret: null, time, cancellationToken);
        foreach (var batch in Posts.Chunk(batchSize))
        {
            var body = new JsonArray(batch.Select(p => (JsonNode)p.DeepClone()).ToArray()).ToJsonString();
            await SendAsync(client, HttpMethod.Post, "/api/posts", body, secret, time, cancellationToken);
        }
        foreach (var batch in Deletions.Chunk(batchSize))
        {
            var body = new JsonArray(batch.Select(d => (JsonNode)new JsonObject { ["platform"] = d.Platform, ["id"] = d.Id }).ToArray()).ToJsonString();
            await SendAsync(client, HttpMethod.Post, "/api/deletions", body, secret, time, cancellationToken);
        }
    }

    private static async Task SendAsync(HttpClient client, HttpMethod method, string path, string json, string? secret, TimeProvider time, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        var body = Encoding.UTF8.GetBytes(json);
        request.Content = new ByteArrayContent(body);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        if (!string.IsNullOrEmpty(secret))
        {
            foreach (var header in StandardWebhookSigner.Headers(secret, "msg_" + Guid.NewGuid().ToString("N"), time.GetUtcNow(), body))
            {
                request.Headers.Add(header.Key, header.Value);
            }
        }
        using var response = await client.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{method} {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }
    }
}
