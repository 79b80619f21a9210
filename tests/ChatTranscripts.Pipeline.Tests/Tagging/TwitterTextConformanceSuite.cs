using YamlDotNet.RepresentationModel;

namespace ChatTranscripts.Pipeline.Tests.Tagging;

/// <summary>
/// The cases of twitter-text's extract.yml, read where it lies (../shared/conformance/twitter-text beside the
/// checkout), as the suite asks of implementations instead of copying its cases.
/// </summary>
internal static class TwitterTextConformanceSuite
{
    public static readonly string[] ExtractFile = ["twitter-text", "extract.yml"];

    private const string Missing = "(extract.yml not found)";

    private static readonly Lazy<YamlMappingNode?> Tests = new(Load);

    /// <summary>
    /// One row per case: description, text, expected. When the suite is absent, a single row that the test turns into
    /// a skip (or, on CI, a failure) through <see cref="SharedConformance.Require"/>.
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
            throw new InvalidDataException($"extract.yml has no section \"{section}\".");
        }
        foreach (var item in sequence.Cast<YamlMappingNode>())
        {
            data.Add(Scalar(item, "description"), Scalar(item, "text"), Expected(item));
        }
        return data;
    }

    private static string Scalar(YamlMappingNode item, string key) =>
        ((YamlScalarNode)item.Children[new YamlScalarNode(key)]).Value ?? "";

    private static string[] Expected(YamlMappingNode item) =>
        [.. ((YamlSequenceNode)item.Children[new YamlScalarNode("expected")]).Select(n => ((YamlScalarNode)n).Value ?? "")];

    private static YamlMappingNode? Load()
    {
        if (Locate() is not { } path)
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

    /// <summary>The same place <see cref="SharedConformance"/> looks: ../shared/conformance beside the folder that holds Serverless.sln.</summary>
    private static string? Locate()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Serverless.sln")))
            {
                var path = Path.Combine([directory.FullName, "..", "shared", "conformance", .. ExtractFile]);
                return File.Exists(path) ? path : null;
            }
        }
        return null;
    }
}
