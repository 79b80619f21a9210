using Azure.Data.Tables;

namespace ChatTranscripts.Pipeline.Adapters.Tables;

/// <summary>
/// A string property holds at most 64 KiB (32 Ki UTF-16 units), so a longer value continues in <c>{name}1</c>,
/// <c>{name}2</c>, …: post texts and the JSON of their hashtags, mentions and URLs, and session definitions, all of which
/// the API's limits allow to exceed one property (an entity's 1 MiB and 255 properties leave room for every part).
/// </summary>
public static class LongStringColumn
{
    private const int PartLength = 30_000;

    /// <param name="merged">
    /// The entity is merged into one that may hold a longer value: an empty part then ends this one, so parts left from
    /// the longer value are never read as part of it.
    /// </param>
    public static void Write(TableEntity entity, string name, string value, bool merged = false)
    {
        var offset = 0;
        var part = 0;
        do
        {
            var end = offset + PartLength < value.Length ? SplitPoint(value, offset + PartLength) : value.Length;
            entity[PartName(name, part++)] = value[offset..end];
            offset = end;
        }
        while (offset < value.Length);
        if (merged)
        {
            entity[PartName(name, part)] = "";
        }
    }

    /// <summary>The value written by <see cref="Write"/>, or null when the entity has no such column.</summary>
    public static string? Read(TableEntity entity, string name)
    {
        if (entity.GetString(name) is not { } value)
        {
            return null;
        }
        for (var part = 1; entity.TryGetValue(PartName(name, part), out var more) && more is string { Length: > 0 } next; part++)
        {
            value += next;
        }
        return value;
    }

    private static string PartName(string name, int part) => part == 0 ? name : $"{name}{part}";

    /// <summary>Never split a surrogate pair between two parts: neither half could be stored as text.</summary>
    private static int SplitPoint(string text, int index) => char.IsHighSurrogate(text[index - 1]) ? index - 1 : index;
}
