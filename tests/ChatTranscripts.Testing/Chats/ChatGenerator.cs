using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ChatTranscripts.Pipeline.Core;

namespace ChatTranscripts.Testing.Chats;

/// <summary>
/// A seeded, deterministic chat of any size grown from the demo #bmcmed chat: a moderator asking Q1..Qn on schedule,
/// labelled answers in the ways people write them ("A2:", "A2b", ".@host A2", "#bmcmed A2 –"), reply chains that run
/// deeper than the page nests (some forgetting the hashtag), reposts, quotes, edits, replies to posts that are not
/// there, three platforms, other scripts, links, and texts from one emoji to several thousand characters.
/// </summary>
/// <remarks>
/// The same size and shape always give the same posts, so runs compare. <c>postCount</c> is the number of posts the
/// transcript shows; reposts (about 3% more by default) are stored on top, as they are counted but not shown. What
/// else varies between users (hashtag, timeline, shares of each kind of post) is in <see cref="ChatShape"/>.
/// </remarks>
public sealed partial class ChatGenerator
{
    private readonly ChatShape _shape;
    private readonly string _hashtag;
    private readonly Random _random;
    private readonly DemoCorpus _demo;
    private readonly string[] _bodies;
    private readonly Author _moderator;
    private readonly Author[] _guests;
    private readonly Author[] _public;
    private readonly Dictionary<string, Author[]> _publicByPlatform;
    private readonly List<CanonicalPost> _posts = [];
    private readonly List<(CanonicalPost Post, Author Author, int Depth)> _recent = [];
    private readonly List<int> _recentReplies = [];
    private long _sequence;

    private ChatGenerator(DemoCorpus demo, int postCount, ChatShape shape)
    {
        _shape = shape;
        _hashtag = shape.Hashtag;
        _random = new Random(shape.Seed);
        _demo = demo;
        _bodies = Bodies(demo.Posts);
        var demoAuthors = demo.Posts
            .Select(p => new Author(p.Platform, p.Author.Handle, p.Author.DisplayName))
            .DistinctBy(a => a.Handle, StringComparer.OrdinalIgnoreCase)
            .ToList();
        _moderator = demoAuthors.Single(a => Is(a, demo.Session.Moderators[0]));
        _guests = demoAuthors.Where(a => demo.Session.Guests.Any(g => Is(a, g))).ToArray();
        var cast = demoAuthors.Where(a => a != _moderator && !_guests.Contains(a)).ToList();
        // A large chat has many more voices than the demo's cast; about one author per ten posts, as in busy chats.
        var extra = Math.Max(0, postCount / 10 - cast.Count);
        _public = [.. cast, .. Enumerable.Range(1, extra).Select(n => NewAuthor(cast[n % cast.Count], n))];
        _publicByPlatform = _public.GroupBy(a => a.Platform, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);

        static bool Is(Author author, string handle) => string.Equals(author.Handle, handle, StringComparison.OrdinalIgnoreCase);
    }

    public static GeneratedChat Generate(int postCount, ChatShape? shape = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(postCount, 1);
        return new ChatGenerator(DemoCorpus.Instance, postCount, shape ?? new ChatShape()).Run(postCount);
    }

    /// <summary>The benchmarks' timeline: the demo chat's start, an hour per 5,000 posts and four questions an hour.</summary>
    private ChatTimeline DefaultTimeline(int postCount)
    {
        var hours = Math.Clamp(postCount / 5_000, 1, 20);
        var questionCount = Math.Clamp(4 * hours, 4, 20);
        var startsAt = _demo.Session.StartsAt;
        var endsAt = startsAt.AddHours(hours);
        // Posts start a little before the chat and trail off after it, inside the window api.md counts.
        return new ChatTimeline(startsAt, endsAt, startsAt.AddMinutes(-10), endsAt.AddMinutes(30), questionCount, startsAt, (endsAt - startsAt) / questionCount);
    }

    private GeneratedChat Run(int postCount)
    {
        var timeline = _shape.Timeline ?? DefaultTimeline(postCount);
        var questionCount = timeline.Questions;
        var demoQuestions = _demo.Session.Questions;
        var questions = Enumerable.Range(0, questionCount)
            .Select(i => i < demoQuestions.Count ? demoQuestions[i] : $"{demoQuestions[i % demoQuestions.Count]} (round {(i / demoQuestions.Count) + 1})")
            .ToList();
        var session = _demo.Session with
        {
            Hashtags = [_hashtag.TrimStart('#')],
            StartsAt = timeline.StartsAt,
            EndsAt = timeline.EndsAt,
            Questions = questions,
        };

        var first = timeline.FirstPost;
        var span = timeline.LastPost - first;
        var questionEvery = timeline.QuestionEvery;
        var reposts = _shape.RepostShare;
        var quotes = reposts + _shape.QuoteShare;
        var replies = quotes + _shape.ReplyShare;
        var answers = replies + _shape.AnswerShare;
        var asked = 0;
        var shown = 0;
        while (shown < postCount)
        {
            var at = first + span * shown / postCount + TimeSpan.FromSeconds(_random.Next(0, 20));
            if (asked < questionCount && (at >= timeline.FirstQuestion + questionEvery * asked || postCount - shown <= questionCount - asked))
            {
                asked++;
                Add(Question(asked, questions[asked - 1], at), _moderator, depth: 0);
                shown++;
                continue;
            }
            var roll = _random.NextDouble();
            if (roll < reposts && _recent.Count > 0)
            {
                Repost(at);
                continue;
            }
            if (roll < quotes && _recent.Count > 0)
            {
                Quote(at);
            }
            else if (roll < replies && _recent.Count > 0)
            {
                Reply(at, asked);
            }
            else if (roll < answers && asked > 0)
            {
                Answer(at, asked);
            }
            else
            {
                Chatter(at);
            }
            shown++;
        }
        return new GeneratedChat(_demo.SessionId, session, _posts, postCount);
    }

    private CanonicalPost Question(int number, string question, DateTimeOffset at)
    {
        var label = _random.NextDouble() < 0.1 ? $"T{number} – " : $"Q{number}: ";
        return NewPost(_moderator, label + question + " " + _hashtag, at, lang: "en");
    }

    private void Answer(DateTimeOffset at, int currentQuestion)
    {
        var author = PickAuthor();
        // Most answer the question just asked; some catch up on an earlier one.
        var number = _random.NextDouble() < 0.85 ? currentQuestion : _random.Next(1, currentQuestion + 1);
        var (lang, body) = Body();
        var text = _random.Next(8) switch
        {
            0 => $"A{number} {body} {_hashtag}",
            1 => $"A{number} - {body} {_hashtag}",
            2 => $"A{number}b: {body} {_hashtag}",
            3 => $".@{_moderator.Handle} A{number}: {body} {_hashtag}",
            4 => $"{_hashtag} A{number} – {body}",
            5 => $"a{number}) {body} {_hashtag}",
            _ => $"A{number}: {body} {_hashtag}",
        };
        Add(NewPost(author, text, at, lang), author, depth: 0);
    }

    private void Reply(DateTimeOffset at, int currentQuestion)
    {
        var (lang, body) = Body();
        if (_random.NextDouble() < 0.01)
        {
            // The parent was deleted or fell outside the window: the page says so. The hashtag keeps the reply in.
            var missing = NextTwitterId().ToString(CultureInfo.InvariantCulture);
            var orphan = NewPost(_moderator, $"@{_guests[0].Handle} {body} {_hashtag}", at, lang) with { InReplyToId = missing };
            Add(orphan, _moderator, depth: 0);
            return;
        }
        var (parent, parentAuthor, parentDepth) = PickParent();
        // Replies stay on their parent's platform: a reference to another platform's post is a different post.
        var author = PickAuthor(parent.Platform);
        var mentions = "@" + parentAuthor.Handle + " ";
        if (_random.NextDouble() < 0.2)
        {
            mentions += "@" + _guests[_random.Next(_guests.Length)].Handle + " ";
        }
        var label = parentDepth == 0 && currentQuestion > 0 && _random.NextDouble() < 0.25 ? $"A{currentQuestion}: " : "";
        // Replies often forget the hashtag; membership follows the thread for them.
        var hashtag = _random.NextDouble() < 0.6 ? " " + _hashtag : "";
        var reply = NewPost(author, mentions + label + body + hashtag, at, lang) with
        {
            InReplyToId = parent.Id,
            InReplyToHandle = parentAuthor.Handle,
        };
        Add(reply, author, parentDepth + 1);
        _recentReplies.Add(_recent.Count - 1);
    }

    private void Quote(DateTimeOffset at)
    {
        var (quoted, _, _) = _recent[_recent.Count - 1 - _random.Next(Math.Min(_recent.Count, 300))];
        var author = PickAuthor(quoted.Platform);
        var (lang, body) = Body();
        Add(NewPost(author, $"{body} {_hashtag}", at, lang) with { QuotedId = quoted.Id }, author, depth: 0);
    }

    private void Repost(DateTimeOffset at)
    {
        var (original, originalAuthor, _) = _recent[_recent.Count - 1 - _random.Next(Math.Min(_recent.Count, 300))];
        var author = PickAuthor(original.Platform);
        var repost = NewPost(author, $"RT @{originalAuthor.Handle}: {original.Text}", at, original.Lang) with { RepostOfId = original.Id };
        // Reposts are stored but never threaded or shown, so they are not offered as parents.
        _posts.Add(repost);
    }

    private void Chatter(DateTimeOffset at)
    {
        var author = PickAuthor();
        var (lang, body) = Body();
        var text = _random.NextDouble() < 0.2 ? $"{_hashtag} {body}" : $"{body} {_hashtag}";
        Add(NewPost(author, text, at, lang), author, depth: 0);
    }

    /// <summary>
    /// Half of replies continue one of the latest conversations (which is what builds chains deeper than the page's
    /// six levels); the rest answer any post from the last few minutes.
    /// </summary>
    private (CanonicalPost Post, Author Author, int Depth) PickParent() =>
        _random.NextDouble() < 0.5 && _recentReplies.Count > 0
            ? _recent[_recentReplies[_recentReplies.Count - 1 - _random.Next(Math.Min(_recentReplies.Count, 6))]]
            : _recent[_recent.Count - 1 - _random.Next(Math.Min(_recent.Count, 300))];

    /// <summary>
    /// A few people post a lot and most post a little: moderator and guests often, the public on a skewed curve.
    /// With a platform (a reply, quote or repost), someone on that platform.
    /// </summary>
    private Author PickAuthor(string? platform = null)
    {
        var roll = _random.NextDouble();
        if (roll < 0.03 && platform is null or "twitter")
        {
            return _moderator;
        }
        if (roll < 0.10 && platform is null or "twitter")
        {
            return _guests[_random.Next(_guests.Length)];
        }
        var authors = platform is null ? _public : _publicByPlatform[platform];
        return authors[(int)(Math.Pow(_random.NextDouble(), 2.5) * authors.Length)];
    }

    /// <summary>A sentence from the demo, dressed the way real posts vary: other scripts, links, side hashtags, length.</summary>
    private (string Lang, string Body) Body()
    {
        var lang = "en";
        string body;
        var roll = _random.NextDouble();
        if (roll < 0.001)
        {
            // The rare essay (a long Mastodon post, an X "note tweet"): many paragraphs, under the 25,000-character limit.
            body = Paragraphs(_random.Next(40, 120), separator: "\n\n");
        }
        else if (roll < 0.04)
        {
            body = Paragraphs(_random.Next(3, 9), separator: _random.NextDouble() < 0.5 ? "\n\n" : " ");
        }
        else if (roll < 0.09)
        {
            body = TextPool.ShortReplies[_random.Next(TextPool.ShortReplies.Length)];
        }
        else if (roll < 0.17)
        {
            var other = TextPool.OtherScripts[_random.Next(TextPool.OtherScripts.Length)];
            lang = other.Lang;
            body = other.Text;
        }
        else
        {
            body = _bodies[_random.Next(_bodies.Length)];
        }
        if (_random.NextDouble() < 0.15)
        {
            body += " " + TextPool.Urls[_random.Next(TextPool.Urls.Length)];
        }
        if (_random.NextDouble() < 0.2)
        {
            body += " " + TextPool.Hashtags[_random.Next(TextPool.Hashtags.Length)];
            if (_random.NextDouble() < 0.3)
            {
                body += " " + TextPool.Hashtags[_random.Next(TextPool.Hashtags.Length)];
            }
        }
        if (_random.NextDouble() < 0.1)
        {
            body += " cc @" + _guests[_random.Next(_guests.Length)].Handle;
        }
        return (lang, body);
    }

    private string Paragraphs(int count, string separator)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < count && builder.Length < 20_000; i++)
        {
            if (i > 0)
            {
                builder.Append(separator);
            }
            builder.Append(_bodies[_random.Next(_bodies.Length)]);
        }
        return builder.ToString();
    }

    private void Add(CanonicalPost post, Author author, int depth)
    {
        _posts.Add(post);
        _recent.Add((post, author, depth));
    }

    private CanonicalPost NewPost(Author author, string text, DateTimeOffset at, string? lang)
    {
        var (id, url) = author.Platform switch
        {
            "mastodon" => MastodonId(author),
            "bluesky" => BlueskyId(author),
            _ => TwitterId(author),
        };
        return new CanonicalPost
        {
            Platform = author.Platform,
            Id = id,
            Author = new PostAuthor(author.Handle, author.DisplayName),
            Text = text,
            CreatedAt = at,
            Url = url,
            Lang = lang,
            // About one post in a hundred is edited a few minutes later.
            EditedAt = _random.NextDouble() < 0.01 ? at.AddMinutes(_random.Next(1, 6)) : null,
        };
    }

    private long NextTwitterId() => 232_440_000_000_000_000 + (++_sequence * 4_194_304);

    private (string Id, string Url) TwitterId(Author author)
    {
        var id = NextTwitterId().ToString(CultureInfo.InvariantCulture);
        return (id, $"https://twitter.com/{author.Handle}/status/{id}");
    }

    private (string Id, string Url) MastodonId(Author author)
    {
        var id = (88_097_000_000_000_000 + (++_sequence * 65_536)).ToString(CultureInfo.InvariantCulture);
        var at = author.Handle.IndexOf('@', StringComparison.Ordinal);
        return (id, $"https://{author.Handle[(at + 1)..]}/@{author.Handle[..at]}/{id}");
    }

    private (string Id, string Url) BlueskyId(Author author)
    {
        // A DID per author and a TID-like record key per post, as the Jetstream relay turns them into ids.
        var did = "did:plc:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(author.Handle)))[..24];
        var rkey = "3a" + (++_sequence).ToString("x11", CultureInfo.InvariantCulture);
        return ($"{did}/{rkey}", $"https://bsky.app/profile/{author.Handle}/post/{rkey}");
    }

    /// <summary>Another voice modelled on one of the demo's, on the same platform, sometimes with a name in another script.</summary>
    private Author NewAuthor(Author model, int n)
    {
        var name = _random.NextDouble() < 0.15 ? TextPool.OtherNames[_random.Next(TextPool.OtherNames.Length)] : model.DisplayName;
        var handle = model.Platform switch
        {
            "mastodon" => $"{model.Handle[..model.Handle.IndexOf('@', StringComparison.Ordinal)]}{n}{model.Handle[model.Handle.IndexOf('@', StringComparison.Ordinal)..]}",
            "bluesky" => $"{model.Handle[..model.Handle.IndexOf('.', StringComparison.Ordinal)]}{n}{model.Handle[model.Handle.IndexOf('.', StringComparison.Ordinal)..]}",
            _ => $"{model.Handle}{n}",
        };
        return new Author(model.Platform, handle, name);
    }

    /// <summary>The demo's sentences without what the generator adds back itself: leading mentions, labels, "RT", the chat's hashtag.</summary>
    private static string[] Bodies(IEnumerable<CanonicalPost> posts) =>
        posts
            .Where(p => p.RepostOfId is null)
            .Select(p => ChatHashtag().Replace(Lead().Replace(p.Text, ""), "").Trim())
            .Where(body => body.Length >= 3)
            .Distinct(StringComparer.Ordinal)
            .ToArray();

    [GeneratedRegex(@"^(?:[\s.]+|@[\w.@]+:?|#\w+)*(?:[QqAaTt][0-9]{1,2}[a-z]?\s*[:\-–)]?\s*)?")]
    private static partial Regex Lead();

    [GeneratedRegex(@"\s*#bmcmed\b", RegexOptions.IgnoreCase)]
    private static partial Regex ChatHashtag();

    private sealed record Author(string Platform, string Handle, string? DisplayName);
}
