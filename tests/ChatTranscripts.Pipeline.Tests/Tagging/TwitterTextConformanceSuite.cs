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
        if (!tests.Children.TryGetValue(new YamlScalarNode(section), out var cases) || cases is not YamlSequenceNode sequence)
        {
            throw new InvalidDataException($"{ExtractFile.Value} has no section \"{section}\".");
        }
        foreach (var item in sequence.Cast<YamlMappingNode>())
        {
            data.Add(Scalar(item, "description"), Scalar(item, "text"), Expected(item));
        }
        return data;
    }

    /// <summary>Skips the calling test when the suite is absent, except on CI (CI=true), where it must be there.</summary>
    public static void RequireExtractFile() => SharedConformance.Require(ExtractPath);

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
