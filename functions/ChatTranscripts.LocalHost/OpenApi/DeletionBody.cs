using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using ChatTranscripts.Pipeline.Application.Ingest;

namespace ChatTranscripts.LocalHost.OpenApi;

/// <summary>A deletion of <c>POST /api/deletions</c> as the OpenAPI document shows it; <see cref="DeletionReader"/> reads the body itself.</summary>
[Description("A post to delete everywhere, whether or not it has arrived yet. Other fields are ignored.")]
public sealed record DeletionBody
{
    [RegularExpression("^[a-z0-9-]{1,32}$")]
    public required string Platform { get; init; }

    [Description("The post's id on its platform: not blank, no control characters.")]
    [StringLength(PostReader.MaxIdLength, MinimumLength = 1)]
    public required string Id { get; init; }
}
