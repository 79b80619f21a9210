using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace ChatTranscripts.Pipeline.Tests.Tagging;

/// <summary>
/// The cases of twitter-text's extract.yml, read where it lies (../shared/conformance/twitter-text beside the
/// checkout), as the suite asks of implementations instead of copying its cases.
/// </summary>
internal static class TwitterTextConformanceSuite
{
    private const string Missing = "(extract.yml not found)";

    private static readonly string[] ExtractPath = ["twitter-text", "extract.yml"];

    private static readonly Lazy<string?> ExtractFile = new(() => SharedConformance.Find(ExtractPath));

    private static readonly Lazy<YamlMappingNode?> Tests = new(Load);

    /// <summary>
    /// One row per case: description, text, expected. When the suite is absent, a single row that the test turns into
    /// a skip (or, on CI, a failure) through <see cref="RequireExtractFile"/>.
    /// </summary>
    public static TheoryData<string, string, string[]> Cases(string section)
    {
        var data = new TheoryData<string, string, string[]>();
        if (Tests.Value is not { } tests)
        {
            data.Add(Missing, "", []);
            return data;
        }
        foreach (var item in Section(tests, section))
        {
            data.Add(Scalar(item, "description"), Scalar(item, "text"), Expected(item));
        }
        return data;
    }

    /// <summary>
    /// One row per case of a "..._with_indices" section: description, text, the expected values (under
    /// <paramref name="valueKey"/>, for example "hashtag") and their indices as twitter-text gives them, code points
    /// from the start of the text, flattened as start, end, start, end… (xunit can show and re-run flat arrays).
    /// </summary>
    public static TheoryData<string, string, string[], int[]> IndexedCases(string section, string valueKey)
    {
        var data = new TheoryData<string, string, string[], int[]>();
        if (Tests.Value is not { } tests)
        {
            data.Add(Missing, "", [], []);
            return data;
        }
        foreach (var item in Section(tests, section))
        {
            var expected = ((YamlSequenceNode)item.Children[new YamlScalarNode("expected")]).Cast<YamlMappingNode>().ToList();
            data.Add(
                Scalar(item, "description"),
                Scalar(item, "text"),
                [.. expected.Select(e => Scalar(e, valueKey))],
                [.. expected.SelectMany(e => ((YamlSequenceNode)e.Children[new YamlScalarNode("indices")])
                    .Select(n => int.Parse(((YamlScalarNode)n).Value!, CultureInfo.InvariantCulture)))]);
        }
        return data;
    }

    /// <summary>Skips the calling test when the suite is absent, except on CI (CI=true), where it must be there.</summary>
    public static void RequireExtractFile() => SharedConformance.Require(ExtractPath);

    private static IEnumerable<YamlMappingNode> Section(YamlMappingNode tests, string section) =>
        tests.Children.TryGetValue(new YamlScalarNode(section), out var cases) && cases is YamlSequenceNode sequence
            ? sequence.Cast<YamlMappingNode>()
            : throw new InvalidDataException($"{ExtractFile.Value} has no section \"{section}\".");

    private static string Scalar(YamlMappingNode item, string key) =>
        ((YamlScalarNode)item.Children[new YamlScalarNode(key)]).Value ?? "";

    private static string[] Expected(YamlMappingNode item) =>
        [.. ((YamlSequenceNode)item.Children[new YamlScalarNode("expected")]).Select(n => ((YamlScalarNode)n).Value ?? "")];

    private static YamlMappingNode? Load()
    {
        if (ExtractFile.Value is not { } path)
        {
            return null;
        }
        var yaml = new YamlStream();
        using (var reader = File.OpenText(path))
        {
            yaml.Load(reader);
        }
        return (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode).Children[new YamlScalarNode("tests")];
    }
}
