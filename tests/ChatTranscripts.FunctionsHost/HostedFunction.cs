namespace ChatTranscripts.FunctionsHost;

/// <summary>A function as the host indexed it from the worker's metadata.</summary>
/// <param name="TriggerType">The trigger binding's type, e.g. <c>httpTrigger</c> or <c>timerTrigger</c>.</param>
/// <param name="TriggerBinding">The trigger binding's name, which the host fills in an invocation.</param>
public sealed record HostedFunction(string Name, string Id, string TriggerType, string TriggerBinding)
{
    /// <summary>The HTTP route as declared, without the host's route prefix; null for other triggers.</summary>
    public string? Route { get; init; }

    /// <summary>Upper-case HTTP methods; empty for other triggers (an HTTP trigger with none answers every method).</summary>
    public IReadOnlyList<string> Methods { get; init; } = [];

    /// <summary>The HTTP trigger's authorization level as declared (<c>Function</c>, <c>Anonymous</c> …).</summary>
    public string? AuthLevel { get; init; }

    /// <summary>A timer's schedule with app settings resolved, as the host resolves <c>%Name%</c>.</summary>
    public string? Schedule { get; init; }

    public bool IsHttp => string.Equals(TriggerType, "httpTrigger", StringComparison.OrdinalIgnoreCase);

    public bool IsTimer => string.Equals(TriggerType, "timerTrigger", StringComparison.OrdinalIgnoreCase);
}
