using System.Globalization;
using System.Text.Json;
using ChatTranscripts.Pipeline.Application.Validation;
using ChatTranscripts.Pipeline.Core;

namespace ChatTranscripts.Pipeline.Application.Ingest;

/// <summary>Turns the body of <c>POST /api/deletions</c> into deletions, or into every reason it cannot.</summary>
public static class DeletionReader
{
    /// <summary>What a batch and its items are called in errors: <c>deletions</c>, <c>deletions[i]</c>.</summary>
    public const string BatchField = "deletions";

    /// <summary>Reads one <c>{"platform", "id"}</c> object or an array of 1–100; on any invalid item, returns none and the errors of all items.</summary>
    public static IReadOnlyList<PostDeletion> Read(JsonElement body, ValidationErrors errors)
    {
        switch (body.ValueKind)
        {
            case JsonValueKind.Object:
                var single = ReadDeletion(body, "", errors);
                return errors.IsEmpty && single is not null ? [single] : [];
            case JsonValueKind.Array:
                var count = body.GetArrayLength();
                if (count is < 1 or > PostReader.MaxBatch)
                {
                    errors.Add(BatchField, string.Create(CultureInfo.InvariantCulture, $"must be a deletion object or an array of 1 to {PostReader.MaxBatch} deletions (got {count})."));
                    return [];
                }
                var deletions = new List<PostDeletion>(count);
                var index = 0;
                foreach (var item in body.EnumerateArray())
                {
                    var path = string.Create(CultureInfo.InvariantCulture, $"{BatchField}[{index++}]");
                    if (item.ValueKind != JsonValueKind.Object)
                    {
                        errors.Add(path, "must be an object with 'platform' and 'id'.");
                        continue;
                    }
                    if (ReadDeletion(item, path, errors) is { } deletion)
                    {
                        deletions.Add(deletion);
                    }
                }
                return errors.IsEmpty ? deletions : [];
            default:
                errors.Add(BatchField, "must be a deletion object or an array of deletions.");
                return [];
        }
    }

    private static PostDeletion? ReadDeletion(JsonElement element, string path, ValidationErrors errors)
    {
        var fields = new JsonFieldReader(element, path, errors);
        var platform = PostReader.Platform(fields, "platform", required: true);
        var id = PostReader.Identifier(fields, "id", required: true);
        return platform is null || id is null ? null : new PostDeletion(platform, id);
    }
}
