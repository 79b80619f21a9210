using System.Text.Json;
using ChatTranscripts.Pipeline.Application.Ingest;
using ChatTranscripts.Pipeline.Application.Sessions;
using ChatTranscripts.Pipeline.Application.Validation;
using ChatTranscripts.Pipeline.Core;

namespace ChatTranscripts.Testing.Chats;

/// <summary>
/// The bundled sample #bmcmed chat (functions/ChatTranscripts.LocalHost/Demo), read through the same readers the API uses,
/// so generated chats start from exactly what a session and its posts look like once ingested.
/// </summary>
internal sealed record DemoCorpus(string SessionId, SessionDefinition Session, IReadOnlyList<CanonicalPost> Posts)
{
    private const string Resource = "ChatTranscripts.Testing.bmcmed-demo.json";

    private static readonly Lazy<DemoCorpus> Loaded = new(Read);

    public static DemoCorpus Instance => Loaded.Value;

    private static DemoCorpus Read()
    {
        using var stream = typeof(DemoCorpus).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"The embedded demo chat {Resource} is missing.");
        using var json = JsonDocument.Parse(stream);
        var root = json.RootElement;
        var errors = new ValidationErrors();
        var session = SessionReader.Read(root.GetProperty("session"), errors);
        var posts = root.GetProperty("posts").EnumerateArray()
            .Select((post, index) => PostReader.ReadPost(post, $"posts[{index}]", errors))
            .OfType<CanonicalPost>()
            .ToList();
        if (session is null || !errors.IsEmpty)
        {
            var messages = errors.ToDictionary().Select(e => $"{e.Key}: {string.Join(" ", e.Value)}");
            throw new InvalidOperationException("The demo chat no longer reads: " + string.Join("; ", messages));
        }
        return new DemoCorpus(root.GetProperty("sessionId").GetString()!, session, posts);
    }
}
