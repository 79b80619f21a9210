using System.Text.Json;
using System.Text.RegularExpressions;

namespace ChatTranscripts.LoadTool.Generation;

/// <summary>
/// What the generated chat borrows from the bundled demo #bmcmed chat: its sentences (without their labels, mentions and
/// hashtag, which the generator adds back the way each kind of post carries them), its cast and its four questions.
/// </summary>
internal sealed partial class DemoText
{
    private const string Resource = "ChatTranscripts.LoadTool.bmcmed-demo.json";

    private DemoText(IReadOnlyList<string> bodies, IReadOnlyList<ChatAuthor> cast, ChatAuthor moderator, IReadOnlyList<ChatAuthor> guests, IReadOnlyList<string> questions)
    {
        Bodies = bodies;
        Cast = cast;
        Moderator = moderator;
        Guests = guests;
        Questions = questions;
    }

    public IReadOnlyList<string> Bodies { get; }

    /// <summary>Everyone in the demo who is neither the moderator nor a guest.</summary>
    public IReadOnlyList<ChatAuthor> Cast { get; }

    public ChatAuthor Moderator { get; }

    public IReadOnlyList<ChatAuthor> Guests { get; }

    public IReadOnlyList<string> Questions { get; }

    public static DemoText Load()
    {
        using var stream = typeof(DemoText).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"The embedded demo chat {Resource} is missing.");
        using var json = JsonDocument.Parse(stream);
        var root = json.RootElement;
        var session = root.GetProperty("session");
        var moderatorHandle = Bare(session.GetProperty("moderators")[0].GetString()!);
        var guestHandles = session.GetProperty("guests").EnumerateArray().Select(g => Bare(g.GetString()!)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var posts = root.GetProperty("posts").EnumerateArray().ToList();
        var authors = posts
            .Select(p => new ChatAuthor(
                p.GetProperty("platform").GetString()!,
                p.GetProperty("author").GetProperty("handle").GetString()!,
                p.GetProperty("author").TryGetProperty("displayName", out var name) ? name.GetString() : null))
            .DistinctBy(a => a.Handle, StringComparer.OrdinalIgnoreCase)
            .ToList();
        var bodies = posts
            .Select(p => Lead().Replace(ChatHashtag().Replace(p.GetProperty("text").GetString()!, ""), "").Trim())
            .Where(b => b.Length >= 12)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return new DemoText(
            bodies,
            authors.Where(a => !a.Is(moderatorHandle) && !guestHandles.Contains(a.Handle)).ToList(),
            authors.Single(a => a.Is(moderatorHandle)),
            authors.Where(a => guestHandles.Contains(a.Handle)).ToList(),
            session.GetProperty("questions").EnumerateArray().Select(q => q.GetString()!).ToList());
    }

    private static string Bare(string handle) => handle.TrimStart('@');

    /// <summary>Leading mentions, dots and Q/A labels: the generator writes its own.</summary>
    [GeneratedRegex(@"^(?:[\s.]+|@[\w.@]+:?|#\w+)*(?:[QqAa][0-9]{1,2}[a-z]?\s*[:\-–)]?\s*)?")]
    private static partial Regex Lead();

    [GeneratedRegex(@"\s*#bmcmed\b", RegexOptions.IgnoreCase)]
    private static partial Regex ChatHashtag();
}
