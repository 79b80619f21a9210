using System.Text.Json.Nodes;

namespace ChatTranscripts.Pipeline.Tests;

internal static class JsonMerge
{
    /// <summary>A copy of <paramref name="json"/> with the top-level fields of <paramref name="overrides"/> replaced.</summary>
    public static string With(string json, string overrides)
    {
        var target = JsonNode.Parse(json)!.AsObject();
        foreach (var (name, value) in JsonNode.Parse(overrides)!.AsObject())
        {
            target[name] = value?.DeepClone();
        }
        return target.ToJsonString();
    }
}
