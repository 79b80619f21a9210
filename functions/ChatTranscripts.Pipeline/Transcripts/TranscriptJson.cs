using System.Text.Json;

namespace ChatTranscripts.Pipeline.Transcripts;

/// <summary>The bytes of transcript.json: indented, UTF-8, ending with a newline; the same document always gives the same bytes.</summary>
public static class TranscriptJson
{
    public static byte[] Serialize(TranscriptDocument transcript)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(transcript, PipelineJson.Published);
        var withNewline = new byte[json.Length + 1];
        json.CopyTo(withNewline, 0);
        withNewline[^1] = (byte)'\n';
        return withNewline;
    }
}
