using Azure.Data.Tables;
using ChatTranscripts.Pipeline.Ingest;

namespace ChatTranscripts.Pipeline.Storage;

/// <summary>Maps a canonical post to table columns and back; shared by the received-posts and session-posts tables.</summary>
public static class PostColumns
{
    /// <summary>A string property holds at most 64 KiB (32 Ki UTF-16 units); longer texts continue in Text1, Text2, ….</summary>
    private const int TextChunk = 30_000;

    public static void Write(TableEntity entity, CanonicalPost post)
    {
        entity["Platform"] = post.Platform;
        entity["PostId"] = post.Id;
        entity["Handle"] = post.Author.Handle;
        entity["DisplayName"] = post.Author.DisplayName;
        WriteText(entity, post.Text);
        entity["CreatedAt"] = post.CreatedAt;
        entity["EditedAt"] = post.EditedAt;
        entity["InReplyToId"] = post.InReplyToId;
        entity["InReplyToHandle"] = post.InReplyToHandle;
        entity["QuotedId"] = post.QuotedId;
        entity["RepostOfId"] = post.RepostOfId;
        entity["Url"] = post.Url;
        entity["Lang"] = post.Lang;
    }

    public static CanonicalPost Read(TableEntity entity) => new()
    {
        Platform = entity.GetString("Platform"),
        Id = entity.GetString("PostId"),
        Author = new PostAuthor(entity.GetString("Handle"), entity.GetString("DisplayName")),
        Text = ReadText(entity),
        CreatedAt = entity.GetDateTimeOffset("CreatedAt")!.Value,
        EditedAt = entity.GetDateTimeOffset("EditedAt"),
        InReplyToId = entity.GetString("InReplyToId"),
        InReplyToHandle = entity.GetString("InReplyToHandle"),
        QuotedId = entity.GetString("QuotedId"),
        RepostOfId = entity.GetString("RepostOfId"),
        Url = entity.GetString("Url"),
        Lang = entity.GetString("Lang"),
    };

    /// <summary>An estimate of the entity's size on the wire, to keep batch transactions under their 4 MiB limit.</summary>
    public static int EstimatedBytes(TableEntity entity) =>
        entity.Sum(pair => (pair.Key.Length * 2) + (pair.Value is string text ? text.Length * 2 : 16)) + 256;

    private static void WriteText(TableEntity entity, string text)
    {
        entity["Text"] = text.Length <= TextChunk ? text : text[..SplitPoint(text, TextChunk)];
        var offset = ((string)entity["Text"]).Length;
        for (var part = 1; offset < text.Length; part++)
        {
            var length = Math.Min(TextChunk, text.Length - offset);
            var end = offset + length < text.Length ? SplitPoint(text, offset + length) : text.Length;
            entity["Text" + part] = text[offset..end];
            offset = end;
        }
    }

    private static string ReadText(TableEntity entity)
    {
        var text = entity.GetString("Text");
        for (var part = 1; entity.TryGetValue("Text" + part, out var more) && more is string chunk; part++)
        {
            text += chunk;
        }
        return text;
    }

    /// <summary>Never split a surrogate pair between two columns.</summary>
    private static int SplitPoint(string text, int index) => char.IsHighSurrogate(text[index - 1]) ? index - 1 : index;
}
