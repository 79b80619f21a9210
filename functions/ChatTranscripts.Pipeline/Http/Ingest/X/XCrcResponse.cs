using System.Text.Json.Serialization;

namespace ChatTranscripts.Pipeline.Http.Ingest.X;

/// <summary>The CRC answer X expects; the name is X's, not our camelCase.</summary>
public sealed record XCrcResponse([property: JsonPropertyName("response_token")] string ResponseToken);
