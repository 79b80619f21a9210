using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.WebJobs.Script.Grpc.Messages;

namespace ChatTranscripts.FunctionsHost.Host;

/// <summary>The <c>InvocationRequest</c>s the host sends for the triggers this app uses.</summary>
internal static class Invocations
{
    /// <summary>
    /// An HTTP trigger's invocation when the worker proxies HTTP itself (its <c>HttpUri</c> capability): the request's
    /// line, headers, query and route values, without the body, which reaches the worker with the forwarded request.
    /// Route values are also trigger metadata, the binding data for the function's other parameters.
    /// </summary>
    public static InvocationRequest Http(HostedFunction function, string invocationId, HttpContext context)
    {
        var request = context.Request;
        var http = new RpcHttp
        {
            Method = request.Method,
            Url = $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}{request.QueryString}",
        };
        foreach (var header in request.Headers)
        {
            http.Headers[header.Key.ToLowerInvariant()] = header.Value.ToString();
        }
        foreach (var query in request.Query)
        {
            http.Query[query.Key] = query.Value.ToString();
        }
        var invocation = New(function, invocationId);
        foreach (var (name, value) in context.Request.RouteValues)
        {
            if (value is null)
            {
                continue;
            }
            var text = Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!;
            http.Params[name] = text;
            invocation.TriggerMetadata[name] = new TypedData { String = text };
        }
        invocation.InputData.Add(new ParameterBinding { Name = function.TriggerBinding, Data = new TypedData { Http = http } });
        return invocation;
    }

    /// <summary>A timer's invocation with the <c>TimerInfo</c> the host serialises (no schedule status: the app sets <c>UseMonitor = false</c>).</summary>
    public static InvocationRequest Timer(HostedFunction function, string invocationId, bool isPastDue)
    {
        var timerInfo = JsonSerializer.Serialize(new
        {
            Schedule = new { AdjustForDST = true },
            ScheduleStatus = (object?)null,
            IsPastDue = isPastDue,
        });
        var invocation = New(function, invocationId);
        invocation.InputData.Add(new ParameterBinding { Name = function.TriggerBinding, Data = new TypedData { Json = timerInfo } });
        return invocation;
    }

    private static InvocationRequest New(HostedFunction function, string invocationId)
    {
        return new InvocationRequest
        {
            InvocationId = invocationId,
            FunctionId = function.Id,
            TraceContext = new RpcTraceContext { TraceParent = Activity.Current?.Id ?? TraceParent() },
        };
    }

    private static string TraceParent() =>
        $"00-{ActivityTraceId.CreateRandom().ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01";

    /// <summary>A failed invocation's exception, as the host logs it.</summary>
    public static string Describe(InvocationResponse response) =>
        $"{response.Result.Exception?.Type}: {response.Result.Exception?.Message}\n{response.Result.Exception?.StackTrace}";
}
