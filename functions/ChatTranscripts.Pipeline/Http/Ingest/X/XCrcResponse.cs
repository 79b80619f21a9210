using System.Text.Json.Serialization;
using ChatTranscripts.Pipeline.Application.Ingest;
using ChatTranscripts.Pipeline.Application.Ingest.X;
using ChatTranscripts.Pipeline.Application.Validation;
using ChatTranscripts.Pipeline.Core;
using ChatTranscripts.Pipeline.Hosting;
using ChatTranscripts.Pipeline.Http.Ingest;

namespace ChatTranscripts.Pipeline.Http.Ingest.X;

/// <summary>The CRC answer X expects; the name is X's, not our camelCase.</summary>
public sealed record XCrcResponse([property: JsonPropertyName("response_token")] string ResponseToken);
