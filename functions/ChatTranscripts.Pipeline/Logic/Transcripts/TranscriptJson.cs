using System.Buffers;
using System.Text.Json;
using ChatTranscripts.Pipeline.Core;

namespace ChatTranscripts.Pipeline.Logic.Transcripts;

/// <summary>The bytes of transcript.json: indented, UTF-8, ending with a newline; the same document always gives the same bytes.</summary>
public static class TranscriptJson
{
    public static byte[] Serialize(TranscriptDocument transcript)
    {
        // Written once into a growing buffer and copied out once, rather than serialised and then copied again to add the newline.
        var buffer = new ArrayBufferWriter<byte>();
        var options = PipelineJson.Published;
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions
        {
            Indented = options.WriteIndented,
            Encoder = options.Encoder,
            NewLine = options.NewLine,
            IndentCharacter = options.IndentCharacter,
            IndentSize = options.IndentSize,
        }))
        {
            JsonSerializer.Serialize(writer, transcript, options);
        }
        buffer.Write("\n"u8);
        return buffer.WrittenSpan.ToArray();
    }
}
