using ChatTranscripts.Pipeline.Logic.Tagging;

namespace ChatTranscripts.Pipeline.Tests.Tagging;

/// <summary>Every case of twitter-text's extract.yml sections for hashtags, mentions and URLs, one test case each.</summary>
public sealed class TwitterTextConformanceTests
{
    public static TheoryData<string, string, string[]> HashtagCases => TwitterTextConformanceSuite.Cases("hashtags");

    public static TheoryData<string, string, string[]> AstralHashtagCases => TwitterTextConformanceSuite.Cases("hashtags_from_astral");

    public static TheoryData<string, string, string[]> MentionCases => TwitterTextConformanceSuite.Cases("mentions");

    public static TheoryData<string, string, string[]> UrlCases => TwitterTextConformanceSuite.Cases("urls");

    [Theory]
    [MemberData(nameof(HashtagCases))]
    public void Hashtags(string description, string text, string[] expected) =>
        AssertExtracts(description, expected, EntityExtractor.ExtractHashtags, text);

    [Theory]
    [MemberData(nameof(AstralHashtagCases))]
    public void Hashtags_from_astral(string description, string text, string[] expected) =>
        AssertExtracts(description, expected, EntityExtractor.ExtractHashtags, text);

    [Theory]
    [MemberData(nameof(MentionCases))]
    public void Mentions(string description, string text, string[] expected) =>
        AssertExtracts(description, expected, EntityExtractor.ExtractMentions, text);

    [Theory]
    [MemberData(nameof(UrlCases))]
    public void Urls(string description, string text, string[] expected) =>
        AssertExtracts(description, expected, EntityExtractor.ExtractUrls, text);

    private static void AssertExtracts(string description, string[] expected, Func<string, IReadOnlyList<string>> extract, string text)
    {
        TwitterTextConformanceSuite.RequireExtractFile();
        var actual = extract(text);
        Assert.True(
            expected.SequenceEqual(actual),
            $"{description}\ntext:      {text}\nexpected:  [{string.Join(", ", expected)}]\nextracted: [{string.Join(", ", actual)}]");
    }
}
