using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Azure.WebJobs.Script.Grpc.Messages;

namespace ChatTranscripts.FunctionsHost.Host;

/// <summary>
/// Turns the worker's function metadata (worker indexing: raw binding JSON) into load requests and the host's view of
/// each function, resolving <c>%Setting%</c> in binding properties from the app settings as the host does.
/// </summary>
internal static partial class FunctionIndex
{
    public static (HostedFunction Function, FunctionLoadRequest Load) Index(RpcFunctionMetadata metadata, IReadOnlyDictionary<string, string> settings)
    {
        var id = string.IsNullOrEmpty(metadata.FunctionId) ? Guid.NewGuid().ToString() : metadata.FunctionId;
        var load = new FunctionLoadRequest { FunctionId = id, Metadata = metadata.Clone() };
        load.Metadata.FunctionId = id;
        load.Metadata.Bindings.Clear();

        HostedFunction? function = null;
        foreach (var raw in metadata.RawBindings)
        {
            using var document = JsonDocument.Parse(raw);
            var binding = document.RootElement;
            var name = Text(binding, "name") ?? throw new InvalidOperationException($"{metadata.Name}: a binding has no name: {raw}");
            var type = Text(binding, "type") ?? throw new InvalidOperationException($"{metadata.Name}: binding '{name}' has no type.");
            var info = new BindingInfo { Type = type, Direction = Direction(Text(binding, "direction")) };
            if (Text(binding, "dataType") is { } dataType && Enum.TryParse<BindingInfo.Types.DataType>(dataType, ignoreCase: true, out var parsed))
            {
                info.DataType = parsed;
            }
            load.Metadata.Bindings.Add(name, info);

            if (!type.EndsWith("Trigger", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            if (function is not null)
            {
                throw new InvalidOperationException($"{metadata.Name} declares more than one trigger.");
            }
            function = new HostedFunction(metadata.Name, id, type, name)
            {
                Route = Text(binding, "route") is { } route ? Resolve(route, settings, metadata.Name) : null,
                Methods = binding.TryGetProperty("methods", out var methods) && methods.ValueKind == JsonValueKind.Array
                    ? methods.EnumerateArray().Select(m => m.GetString()!.ToUpperInvariant()).ToArray()
                    : [],
                AuthLevel = Text(binding, "authLevel"),
                Schedule = Text(binding, "schedule") is { } schedule ? ValidSchedule(Resolve(schedule, settings, metadata.Name), metadata.Name) : null,
            };
        }
        return (function ?? throw new InvalidOperationException($"{metadata.Name} has no trigger binding."), load);
    }

    private static BindingInfo.Types.Direction Direction(string? direction) => direction?.ToLowerInvariant() switch
    {
        "in" => BindingInfo.Types.Direction.In,
        "out" => BindingInfo.Types.Direction.Out,
        "inout" => BindingInfo.Types.Direction.Inout,
        _ => throw new InvalidOperationException($"Unknown binding direction '{direction}'."),
    };

    private static string? Text(JsonElement binding, string property)
    {
        foreach (var candidate in binding.EnumerateObject())
        {
            if (candidate.NameEquals(property) || string.Equals(candidate.Name, property, StringComparison.OrdinalIgnoreCase))
            {
                return candidate.Value.ValueKind == JsonValueKind.String ? candidate.Value.GetString() : null;
            }
        }
        return null;
    }

    /// <summary>The host refuses to index a function whose <c>%Setting%</c> has no value; so does this one.</summary>
    private static string Resolve(string value, IReadOnlyDictionary<string, string> settings, string function) =>
        SettingReference().Replace(value, match =>
            settings.TryGetValue(match.Groups[1].Value, out var resolved) && !string.IsNullOrWhiteSpace(resolved)
                ? resolved
                : throw new InvalidOperationException($"Error indexing {function}: '{match.Value}' does not resolve to a value."));

    /// <summary>An NCRONTAB expression with seconds (six fields) or a TimeSpan, the two forms the timer trigger takes.</summary>
    private static string ValidSchedule(string schedule, string function) =>
        CronExpression().IsMatch(schedule) || TimeSpan.TryParse(schedule, System.Globalization.CultureInfo.InvariantCulture, out _)
            ? schedule
            : throw new InvalidOperationException($"Error indexing {function}: '{schedule}' is not a six-field NCRONTAB expression.");

    [GeneratedRegex(@"%([^%]+)%")]
    private static partial Regex SettingReference();

    [GeneratedRegex(@"\A\s*(?:[0-9A-Za-z*/,?-]+\s+){5}[0-9A-Za-z*/,?-]+\s*\z")]
    private static partial Regex CronExpression();
}
