using System.ComponentModel;
using ChatTranscripts.Pipeline.Http.Sessions;

namespace ChatTranscripts.LocalHost.OpenApi;

/// <summary>The body of <c>GET /api/sessions</c>, as the OpenAPI document shows it.</summary>
[Description("Every session, newest startsAt first.")]
public sealed record SessionList(IReadOnlyList<SessionResource> Sessions);
