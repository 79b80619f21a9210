using Azure.Data.Tables;
using ChatTranscripts.Pipeline.Core;

namespace ChatTranscripts.Pipeline.Adapters.Tables;

/// <summary>Maps a canonical post to table columns and back; shared by the received-posts and session-posts tables.</summary>
public static class PostColumns
{
    public static void Write(TableEntity entity, CanonicalPost post)
    {
        entity["Platform"] = post.Platform;
        entity["PostId"] = post.Id;
        entity["Handle"] = post.Author.Handle;
        entity["DisplayName"] = post.Author.DisplayName;
        entity["Followers"] = post.Author.Followers;
        LongStringColumn.Write(entity, "Text", post.Text);
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
        Author = new PostAuthor(entity.GetString("Handle"), entity.GetString("DisplayName"), entity.GetInt64("Followers")),
        Text = LongStringColumn.Read(entity, "Text")!,
        CreatedAt = entity.GetDateTimeOffset("CreatedAt")!.Value,
        EditedAt = entity.GetDateTimeOffset("EditedAt"),
        InReplyToId = entity.GetString("InReplyToId"),
        InReplyToHandle = entity.GetString("InReplyToHandle"),
        QuotedId = entity.GetString("QuotedId"),
        RepostOfId = entity.GetString("RepostOfId"),
        Url = entity.GetString("Url"),
        Lang = entity.GetString("Lang"),
    };
}
