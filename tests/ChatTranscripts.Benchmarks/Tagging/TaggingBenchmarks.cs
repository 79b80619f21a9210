using BenchmarkDotNet.Attributes;
using ChatTranscripts.Pipeline.Core;
using ChatTranscripts.Pipeline.Logic.Membership;
using ChatTranscripts.Pipeline.Logic.Tagging;
using ChatTranscripts.Testing.Chats;

namespace ChatTranscripts.Benchmarks.Tagging;

/// <summary>
/// What the processor does to every post it receives, per post: entities (for membership and the transcript), spans
/// (for the page's links), the Q/A label and the author's role, and the whole of <see cref="SessionMembership.Resolve"/>.
/// Each benchmark walks the same corpus of generated posts once per invocation, and <c>OperationsPerInvoke</c> turns
/// that into time and bytes per post, against a naive regex scan of the same texts.
/// </summary>
public class TaggingBenchmarks
{
    /// <summary>Large enough to hold every kind of post the generator makes (one in a thousand is an essay), small enough to stay in cache.</summary>
    private const int Posts = 2_000;

    private CanonicalPost[] _posts = [];
    private string[] _texts = [];
    private SessionDefinition _session = null!;

    [GlobalSetup]
    public void Setup()
    {
        var chat = ChatGenerator.Generate(Posts);
        _posts = [.. chat.Posts.Take(Posts)];
        _texts = [.. _posts.Select(p => p.Text)];
        _session = chat.Session;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Posts, Description = "Naive regex scan (baseline)")]
    public int NaiveRegex()
    {
        var found = 0;
        foreach (var text in _texts)
        {
            found += Count(NaiveEntityScan.Regexes(text));
        }
        return found;
    }

    [Benchmark(OperationsPerInvoke = Posts, Description = "Naive string.Split scan")]
    public int NaiveSplit()
    {
        var found = 0;
        foreach (var text in _texts)
        {
            found += Count(NaiveEntityScan.Split(text));
        }
        return found;
    }

    [Benchmark(OperationsPerInvoke = Posts, Description = "EntityExtractor.Extract")]
    public int Extract()
    {
        var found = 0;
        foreach (var text in _texts)
        {
            found += Count(EntityExtractor.Extract(text));
        }
        return found;
    }

    [Benchmark(OperationsPerInvoke = Posts, Description = "EntityExtractor.ExtractSpans")]
    public int ExtractSpans()
    {
        var found = 0;
        foreach (var text in _texts)
        {
            found += EntityExtractor.ExtractSpans(text).Count;
        }
        return found;
    }

    [Benchmark(OperationsPerInvoke = Posts, Description = "QuestionLabels.Parse")]
    public int QuestionLabel()
    {
        var found = 0;
        foreach (var text in _texts)
        {
            found += QuestionLabels.Parse(text) is { } label ? label.Number : 0;
        }
        return found;
    }

    [Benchmark(OperationsPerInvoke = Posts, Description = "AuthorRoles.Of")]
    public int Role()
    {
        var found = 0;
        foreach (var post in _posts)
        {
            found += (int)AuthorRoles.Of(post.Author.Handle, _session);
        }
        return found;
    }

    /// <summary>The three together, as <see cref="SessionMembership"/> tags each member.</summary>
    [Benchmark(OperationsPerInvoke = Posts, Description = "Tag: Extract + Parse + Of")]
    public int Tag()
    {
        var found = 0;
        foreach (var post in _posts)
        {
            found += Count(EntityExtractor.Extract(post.Text));
            found += QuestionLabels.Parse(post.Text) is { } label ? label.Number : 0;
            found += (int)AuthorRoles.Of(post.Author.Handle, _session);
        }
        return found;
    }

    /// <summary>Membership, tagging and threading of the whole corpus at once, as the processor resolves a session.</summary>
    [Benchmark(OperationsPerInvoke = Posts, Description = "SessionMembership.Resolve")]
    public int Resolve() => SessionMembership.Resolve(_session, _posts).Count;

    private static int Count(ExtractedEntities entities) => entities.Hashtags.Count + entities.Mentions.Count + entities.Urls.Count;
}
