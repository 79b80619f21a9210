using System.Globalization;
using System.Text;
using System.Text.Json;
using ChatTranscripts.Pipeline.Http;

namespace ChatTranscripts.Pipeline.Application.Validation;

/// <summary>
/// JSON may escape half a surrogate pair (<c>"\ud800"</c>), and the parser lets bytes that are not UTF-8 through
/// inside strings: valid JSON, but not text. Neither can be read as a .NET string without an exception, nor stored,
/// nor written out again, so such a body is refused before any reader sees it.
/// </summary>
public static class JsonText
{
    public const string BrokenTextMessage = "must be valid Unicode text: UTF-8, with no half of a surrogate pair (\\uD800–\\uDFFF) escaped alone.";

    /// <summary>The string's value, or false when it holds bytes that are not UTF-8 or half a surrogate pair.</summary>
    public static bool TryGetString(JsonElement value, out string text)
    {
        try
        {
            text = value.GetString() ?? "";
            return true;
        }
        catch (InvalidOperationException)
        {
            text = "";
            return false;
        }
    }

    /// <summary>
    /// The path of the first string value or field name that is not valid text, or null when every one is. Paths are
    /// written as the readers write them (<c>posts[1].author.handle</c>); a field name that is itself broken is given
    /// as sent, escapes and all. Items of a top-level array are named <paramref name="itemsName"/>.
    /// </summary>
    /// <param name="json">A body already known to be well-formed JSON.</param>
    public static string? FindBrokenText(ReadOnlySpan<byte> json, string itemsName)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = JsonRequestBody.MaxDepth });
        var containers = new Stack<Container>();
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    var top = containers.Peek();
                    if (!TryGetString(ref reader, out var name))
                    {
                        return Join(top.Path, Encoding.UTF8.GetString(reader.ValueSpan));
                    }
                    top.Property = name;
                    break;
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    containers.Push(new Container(ValuePath(containers, itemsName), reader.TokenType == JsonTokenType.StartArray));
                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    containers.Pop();
                    break;
                case JsonTokenType.String:
                    var path = ValuePath(containers, itemsName);
                    if (!TryGetString(ref reader, out _))
                    {
                        return path.Length == 0 ? "$" : path;
                    }
                    break;
                default:
                    ValuePath(containers, itemsName);
                    break;
            }
        }
        return null;
    }

    private static bool TryGetString(ref Utf8JsonReader reader, out string text)
    {
        try
        {
            text = reader.GetString() ?? "";
            return true;
        }
        catch (InvalidOperationException)
        {
            text = "";
            return false;
        }
    }

    /// <summary>The path of the value starting now; in an array, it also moves on to the next item.</summary>
    private static string ValuePath(Stack<Container> containers, string itemsName)
    {
        if (containers.Count == 0)
        {
            return "";
        }
        var parent = containers.Peek();
        if (!parent.IsArray)
        {
            return Join(parent.Path, parent.Property ?? "");
        }
        var arrayName = parent.Path.Length == 0 ? itemsName : parent.Path;
        return string.Create(CultureInfo.InvariantCulture, $"{arrayName}[{parent.NextIndex++}]");
    }

    private static string Join(string path, string field) => path.Length == 0 ? field : $"{path}.{field}";

    private sealed class Container(string path, bool isArray)
    {
        public string Path { get; } = path;

        public bool IsArray { get; } = isArray;

        public string? Property { get; set; }

        public int NextIndex { get; set; }
    }
}
