using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace ChatTranscripts.Pipeline.Core;

/// <summary>The one set of JSON conventions used on the wire, in queue messages and in published files.</summary>
public static class PipelineJson
{
    public static JsonSerializerOptions Options { get; } = Create(writeIndented: false);

    /// <summary>Published files are indented so that diffs between publishes stay readable.</summary>
    public static JsonSerializerOptions Published { get; } = Create(writeIndented: true);

    private static JsonSerializerOptions Create(bool writeIndented)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            // Keeps non-Latin text readable in transcript.json; HTML-significant characters stay escaped.
            Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
            WriteIndented = writeIndented,
            NewLine = "\n",
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
